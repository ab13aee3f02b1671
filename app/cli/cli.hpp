#pragma once
// The terminal front end: `frontline <command> [options]`. Each command lives in its own file
// (cmd_<name>.cpp) and is listed once in cli.cpp. Exit codes: 0 ok, 1 failure (e.g. content
// errors, attempt failed to save, certificate invalid), 2 usage error.
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace frontline::cli {

// Parsed `--name value`, `--flag` and positional arguments.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--db" -> path; flags map to "1"
    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::string get(const std::string& name, const std::string& fallback = {}) const;
};

// Splits argv (after the command name). `flags` lists the options that take no value.
// Returns nullopt and writes a message to `err` on a malformed command line.
std::optional<Args> parseArgs(const std::vector<std::string>& argv, const std::vector<std::string>& flags,
                              std::ostream& err);

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool interactive = false;  // stdin is a terminal
};

using Command = int (*)(const std::vector<std::string>& argv, Io& io);

struct CommandInfo {
    const char* name;
    const char* summary;
    Command run;
};

const std::vector<CommandInfo>& commands();
bool isCommand(const std::string& name);
// Runs `frontline <argv...>`; argv[0] is the command name.
int run(const std::vector<std::string>& argv, Io& io);

// The commands (one file each).
int cmdPlay(const std::vector<std::string>& argv, Io& io);
int cmdValidate(const std::vector<std::string>& argv, Io& io);
int cmdHistory(const std::vector<std::string>& argv, Io& io);
int cmdTrainees(const std::vector<std::string>& argv, Io& io);
int cmdRecover(const std::vector<std::string>& argv, Io& io);
int cmdSettings(const std::vector<std::string>& argv, Io& io);
int cmdQuiz(const std::vector<std::string>& argv, Io& io);
int cmdCertify(const std::vector<std::string>& argv, Io& io);
int cmdVerify(const std::vector<std::string>& argv, Io& io);
int cmdCoverage(const std::vector<std::string>& argv, Io& io);

}  // namespace frontline::cli
