// frontline check [--db PATH|URI]: the whole-database check other commands leave out (a local file
// is read through; a server's schema is checked). Exit 0 when sound, 1 with the problem in words.
#include "cli_support.hpp"
#include "frontline/i18n.hpp"

namespace frontline::cli {

int cmdCheck(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{}, {}, {}, {}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline check [--db PATH|postgresql://...]\n"
                  "Reads the whole database and says whether it is sound (exit 0) or what is wrong (exit 1).\n"
                  "Other commands skip this check so they start at once; it still runs by itself when a file was\n"
                  "not closed cleanly (a crash or power cut), and in the window's background. A damaged file is\n"
                  "never changed.\n");
        return 0;
    }
    if (!args.positional.empty()) throw UsageError(tr("check takes no arguments (try `frontline help check`)"));
    std::string where = args.has("--db") ? args.get("--db") : "";
    try {
        where = databaseLocatorFor(args);
        StoreOptions options;  // integrity_check on: a damaged file is refused before anything is written
        Store store = openStore(where, options);
        if (const std::string problem = store.integrityProblem(); !problem.empty()) {
            io.err << "frontline: " << fmt(tr("the database {0} is damaged: {1}"), displayLocator(where), problem) << "\n";
            return 1;
        }
        const auto attempts = static_cast<unsigned long>(store.attemptCount());
        io.out << fmt(trn("The database {0} is sound (schema {1}, {2} attempt).", "The database {0} is sound (schema {1}, {2} attempts).",
                          attempts),
                      displayLocator(where), store.schemaVersion(), attempts)
               << "\n";
        return 0;
    } catch (const StoreError& e) {
        const bool damaged = e.kind() == StoreError::Kind::Corrupt;
        io.err << "frontline: "
               << fmt(damaged ? tr("the database {0} is damaged: {1}") : tr("the database {0} cannot be checked: {1}"), displayLocator(where),
                      e.what())
               << "\n";

        return 1;
    }
}

}  // namespace frontline::cli
