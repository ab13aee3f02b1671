// frontline sync: sends the results this desk kept while the center's server was unreachable.
#include "cli_support.hpp"
#include "frontline/i18n.hpp"

namespace frontline::cli {

int cmdSync(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{}, {}, {}, {}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline sync [--db postgresql://...]\n"
                  "Sends the results (attempts, quiz attempts) kept on this desk while the server could not be\n"
                  "reached, each exactly once. Frontline also sends them by itself as soon as the server answers.\n");
        return 0;
    }
    if (!args.positional.empty()) throw UsageError(tr("sync takes no arguments (try `frontline help sync`)"));
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    const int before = store->waitingResults();
    if (before == 0) {
        io.out << tr("Nothing waiting to be sent.\n");
        return 0;
    }
    try {
        const int sent = store->sendWaitingResults();
        const int left = store->waitingResults();
        io.out << fmt(trn("Sent {0} result to {1}.", "Sent {0} results to {1}.", static_cast<unsigned long>(sent)), sent, store->locator());
        if (left > 0)
            io.out << " "
                   << fmt(trn("{0} could not be sent (the server refused it; it stays on this desk).",
                              "{0} could not be sent (the server refused them; they stay on this desk).", static_cast<unsigned long>(left)),
                          left);
        io.out << "\n";
        return left > 0 ? 1 : 0;
    } catch (const StoreError& e) {
        io.err << "frontline: "
               << fmt(trn("{0} ({1} result still waiting)", "{0} ({1} results still waiting)", static_cast<unsigned long>(before)), e.what(), before)
               << "\n";

        return 1;
    }
}

}  // namespace frontline::cli
