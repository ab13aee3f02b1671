// frontline manager-password [--password-file NEW] [--manager-password-file CURRENT]
// A local file's manager password, asked before settings changes, issuing and revoking. The
// first one set makes the first manager; changing it needs the current one.
#include "cli_support.hpp"
#include "frontline/i18n.hpp"

namespace frontline::cli {

int cmdManagerPassword(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{}, {}, {}, {"--password-file", "--manager-password-file"}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline manager-password [--password-file NEW] [--manager-password-file CURRENT]\n"
                  "Sets the manager password of this desk's database (asked before settings changes, issuing\n"
                  "and revoking certificates; trainees keep one-click profiles). Changing it needs the current\n"
                  "one. Passwords are read from the files' first lines or asked for. A center's server uses\n"
                  "its own logins instead (frontline team add-user).\n");
        return 0;
    }
    if (!args.positional.empty()) throw UsageError(tr("manager-password takes no arguments (try `frontline help manager-password`)"));
    if (isServerLocator(databaseLocatorFor(args))) {
        io.err << "frontline: " << tr("a center's server uses its own logins (frontline team add-user), not a manager password") << "\n";
        return 1;
    }
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (!managerConfirmed(*store, args, io)) return 1;
    std::string password;
    if (args.has("--password-file")) {
        password = passwordFromFile(args.get("--password-file"));
    } else {
        io.err << tr("New manager password (at least 8 characters): ") << std::flush;

        std::getline(io.in, password);
    }
    try {
        const bool had = store->managerPasswordSet();
        store->setManagerPassword(password);
        io.out << (had ? tr("Manager password changed.") : tr("Manager password set: settings, issuing and revoking now ask for it.")) << "\n";
    } catch (const StoreError& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace frontline::cli
