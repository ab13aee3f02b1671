// frontline recover [--list] [--json]: attempts the database refused (read-only, locked, disk
// full) wait in the recovery folder; this saves those meant for --db, or lists them.
#include <iostream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/pending.hpp"

namespace frontline::cli {

int cmdRecover(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--list", "--json"}, {}, {}, {}});
    if (args.has("--help")) {
        io.out << fmt(tr("usage: frontline recover [--db PATH] [--json]  save the attempts kept while the database refused them\n"
                         "       frontline recover --list [--json]      list them (folder: {0})\n"),
                      pendingDirectory().string());
        return 0;
    }
    if (!args.positional.empty()) throw UsageError(tr("recover takes no arguments (try `frontline help recover`)"));
    const std::string database = pendingKeyFor(databaseLocatorFor(args));
    std::vector<std::filesystem::path> unreadable;
    const auto pending = listPending(database, pendingDirectory(), &unreadable);
    for (const auto& file : unreadable) io.err << "frontline: " << fmt(tr("{0}: not a readable kept attempt; left as it is"), file.string()) << "\n";
    if (args.has("--list")) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& a : pending)
            list.push_back({{"file", a.file.string()}, {"trainee", a.trainee_name}, {"scenario", a.log.scenario_id},
                            {"finished_at", a.finished_at}, {"reason", a.reason}});
        if (args.has("--json")) io.out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        for (const auto& a : pending)
            if (!args.has("--json")) io.out << a.finished_at << "  " << a.trainee_name << "  " << a.log.scenario_id << "  (" << a.reason << ")\n";
        if (pending.empty() && !args.has("--json")) io.out << fmt(tr("Nothing waiting to be saved for {0}."), database) << "\n";
        return 0;
    }
    if (pending.empty()) {
        if (args.has("--json")) io.out << jsonText({{"saved", 0}, {"database", database}}) << "\n";
        else io.out << fmt(tr("Nothing waiting to be saved for {0}."), database) << "\n";
        return 0;
    }
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    try {
        const int saved = savePending(*store);
        if (args.has("--json")) io.out << jsonText({{"saved", saved}, {"database", database}}) << "\n";
        else io.out << fmt(trn("Saved {0} kept attempt into {1}.", "Saved {0} kept attempts into {1}.", static_cast<unsigned long>(saved)), saved, database) << "\n";
    } catch (const StoreError& e) {
        io.err << "frontline: " << fmt(tr("still cannot save: {0} (the kept attempts stay where they are)"), e.what()) << "\n";

        return 1;
    }
    return 0;
}

}  // namespace frontline::cli
