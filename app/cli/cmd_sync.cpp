// frontline sync: sends the results this desk kept while the center's server was unreachable.
#include "cli_support.hpp"

namespace frontline::cli {

int cmdSync(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{}, {}, {}, {}});
    if (args.has("--help")) {
        io.out << "usage: frontline sync [--db postgresql://...]\n"
                  "Sends the results (attempts, quiz attempts) kept on this desk while the server could not be\n"
                  "reached, each exactly once. Frontline also sends them by itself as soon as the server answers.\n";
        return 0;
    }
    if (!args.positional.empty()) throw UsageError("sync takes no arguments (try `frontline help sync`)");
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    const int before = store->waitingResults();
    if (before == 0) {
        io.out << "Nothing waiting to be sent.\n";
        return 0;
    }
    try {
        const int sent = store->sendWaitingResults();
        const int left = store->waitingResults();
        io.out << "Sent " << sent << " result" << (sent == 1 ? "" : "s") << " to " << store->locator() << ".";
        if (left > 0) io.out << " " << left << " could not be sent (the server refused them; they stay on this desk).";
        io.out << "\n";
        return left > 0 ? 1 : 0;
    } catch (const StoreError& e) {
        io.err << "frontline: " << e.what() << " (" << before << " result" << (before == 1 ? "" : "s") << " still waiting)\n";
        return 1;
    }
}

}  // namespace frontline::cli
