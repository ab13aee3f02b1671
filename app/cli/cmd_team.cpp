// frontline team add-user LOGIN [--name NAME] [--team T] [--manager] [--password-file FILE]
// A center's server: each agent signs in with their own database login (see the README, "Running
// Frontline for a whole center"). Only a manager's login may add one; the server checks that.
#include <fstream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"

namespace frontline::cli {
namespace {

// The first line of the file, or a line typed at the prompt.
std::string readPassword(const Args& args, Io& io) {
    std::string password;
    if (args.has("--password-file")) {
        std::ifstream in(args.get("--password-file"));
        if (!in) throw UsageError(fmt(tr("cannot read the password file {0}"), args.get("--password-file")));
        std::getline(in, password);
    } else {
        io.err << tr("Password for the new login (at least 8 characters): ") << std::flush;
        std::getline(io.in, password);
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

}  // namespace

int cmdTeam(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--manager"}, {}, {"--name", "--team"}, {"--password-file"}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline team add-user LOGIN [--name NAME] [--team T] [--manager] [--password-file FILE]\n"
                  "Adds an agent's own login on the center's PostgreSQL server (--db postgresql://...): a trainee\n"
                  "(sees only their own records) or, with --manager, a manager. --name gives them their trainee\n"
                  "profile. The password is read from FILE's first line or asked for. Only a manager may do this.\n");
        return 0;
    }
    if (args.positional.size() != 2 || args.positional[0] != "add-user")
        throw UsageError(tr("team takes `add-user LOGIN` (try `frontline help team`)"));
    NewUser user;
    user.login = args.positional[1];
    requireUtf8(user.login, tr("the login"));
    user.name = args.get("--name");
    user.team = args.get("--team");
    user.manager = args.has("--manager");
    if (!isServerLocator(databaseLocatorFor(args))) {  // before opening: a local file is neither created nor changed
        io.err << "frontline: " << tr("logins are for a center's PostgreSQL server (--db postgresql://...); this desk's own file "
                  "has profiles (`frontline trainees add`)") << "\n";
        return 1;
    }
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    user.password = readPassword(args, io);
    try {
        store->addUser(user);
    } catch (const StoreError& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    }
    if (user.name.empty()) io.out << fmt(user.manager ? tr("Added the manager login {0}.") : tr("Added the trainee login {0}."), user.login) << "\n";
    else io.out << fmt(user.manager ? tr("Added the manager login {0} ({1}).") : tr("Added the trainee login {0} ({1})."), user.login, user.name) << "\n";

    return 0;
}

}  // namespace frontline::cli
