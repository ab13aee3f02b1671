#include <algorithm>
#include <iostream>
#include "cli.hpp"

namespace frontline::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

std::optional<Args> parseArgs(const std::vector<std::string>& argv, const std::vector<std::string>& flags, std::ostream& err) {
    Args args;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            auto eq = a.find('=');
            if (eq != std::string::npos) {
                args.options[a.substr(0, eq)] = a.substr(eq + 1);
            } else if (std::find(flags.begin(), flags.end(), a) != flags.end()) {
                args.options[a] = "1";
            } else if (i + 1 < argv.size()) {
                args.options[a] = argv[++i];
            } else {
                err << "frontline: option " << a << " needs a value\n";
                return std::nullopt;
            }
        } else {
            args.positional.push_back(a);
        }
    }
    return args;
}

const std::vector<CommandInfo>& commands() {
    static const std::vector<CommandInfo> table = {
        {"play", "play a scenario in the terminal and record the attempt", cmdPlay},
        {"validate", "check content files like a compiler (file:line:column: error: …)", cmdValidate},
        {"history", "list recorded attempts", cmdHistory},
        {"trainees", "list or add trainee profiles", cmdTrainees},
        {"settings", "show or change organisation settings (company name, targets, pass marks)", cmdSettings},
        {"quiz", "take a knowledge check", cmdQuiz},
        {"certify", "certification status, issuing, export and revocation", cmdCertify},
        {"verify", "verify a certificate file offline", cmdVerify},
        {"coverage", "which scenarios and questions exercise each SOP step and rule", cmdCoverage},
        {"recover", "save attempts kept while the database could not take them", cmdRecover},
    };
    return table;
}

bool isCommand(const std::string& name) {
    for (const auto& c : commands())
        if (name == c.name) return true;
    return false;
}

static void printUsage(std::ostream& out) {
    out << "Frontline — contact-center training and certification simulator\n\n"
           "usage: frontline                      open the desktop trainer\n"
           "       frontline <command> [options]  use it from the terminal\n\ncommands:\n";
    for (const auto& c : commands()) {
        std::string name = c.name;
        out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << c.summary << "\n";
    }
    out << "\ncommon options: --db PATH (default: $XDG_DATA_HOME/frontline/frontline.db), --content DIR, --json\n"
           "run `frontline <command> --help` for a command's options. Exit codes: 0 ok, 1 failure, 2 usage error.\n";
}

int run(const std::vector<std::string>& argv, Io& io) {
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
        printUsage(io.out);
        return argv.empty() ? 2 : 0;
    }
    for (const auto& c : commands())
        if (argv[0] == c.name) return c.run(std::vector<std::string>(argv.begin() + 1, argv.end()), io);
    io.err << "frontline: unknown command '" << argv[0] << "'\n";
    printUsage(io.err);
    return 2;
}

}  // namespace frontline::cli
