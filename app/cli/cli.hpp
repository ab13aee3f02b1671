#pragma once
// The terminal front end: `frontline <command> [options]`. Each command lives in its own file
// (cmd_<name>.cpp) and is listed once in cli.cpp. Exit codes: 0 ok, 1 failure (e.g. content
// errors, attempt failed to save, certificate invalid), 2 usage error.
#include <iosfwd>
#include <map>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::cli {

// Parsed `--name value`, `--flag` and positional arguments.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--db" -> path; flags map to "1"
    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::string get(const std::string& name, const std::string& fallback = {}) const;
};

// The options one command accepts. --help, --db PATH and --content DIR are accepted by all.
struct OptionSpec {
    std::vector<std::string> flags;   // take no value: --json
    std::vector<std::string> values;  // take a non-empty value: --seed N, --limit N
    std::vector<std::string> texts;   // take text a person wrote, which may be empty: --notes
    std::vector<std::string> paths;   // take a file name, which need not be UTF-8: --pdf FILE
};

// A command line that cannot be run as written: the dispatcher prints it as one line and exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Splits argv (after the command name) against `spec`; an unknown option, an option given twice,
// a missing value, an empty one (except texts), or a non-path value that is not UTF-8 throws
// UsageError. `-h` means --help.
Args parseOptions(const std::vector<std::string>& argv, const OptionSpec& spec);

// Checked numbers from the command line (the one helper for every numeric option and token):
// `what` names the option or token in the UsageError, which also gives the range.
std::int64_t wholeNumber(std::string_view text, std::int64_t min, std::int64_t max, const std::string& what);
// The option's value in [min, max], or `fallback` when the option is absent.
std::int64_t numberOption(const Args& args, const std::string& name, std::int64_t min, std::int64_t max, std::int64_t fallback);
// A seed: any unsigned 64-bit number, or nullopt when the option is absent.
std::optional<std::uint64_t> seedOption(const Args& args, const std::string& name);
// Throws UsageError unless `text` (a name, a note) is valid UTF-8.
void requireUtf8(std::string_view text, const std::string& what);

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
// True for what main() hands to the terminal front end: a command, help or --version.
bool isTerminalInvocation(const std::string& first_argument);
// The same for a whole command line, looking past a leading --language CODE.
bool isTerminalInvocation(const std::vector<std::string>& args);
// Runs `frontline <argv...>`; argv[0] is the command name. Never lets an exception escape: a
// UsageError exits 2, anything else 1, each with one line on io.err. With --json, a failure that
// printed nothing on io.out also gets a JSON error object there ({"ok": false, "kind", "error"…}).
int run(const std::vector<std::string>& argv, Io& io);
// "frontline 0.1.0"
std::string versionLine();

// The commands (one file each).
int cmdPlay(const std::vector<std::string>& argv, Io& io);
int cmdValidate(const std::vector<std::string>& argv, Io& io);
int cmdHistory(const std::vector<std::string>& argv, Io& io);
int cmdTrainees(const std::vector<std::string>& argv, Io& io);
int cmdAudit(const std::vector<std::string>& argv, Io& io);
int cmdDemo(const std::vector<std::string>& argv, Io& io);
int cmdCheck(const std::vector<std::string>& argv, Io& io);
int cmdTeam(const std::vector<std::string>& argv, Io& io);
int cmdSync(const std::vector<std::string>& argv, Io& io);
int cmdManagerPassword(const std::vector<std::string>& argv, Io& io);
int cmdRecover(const std::vector<std::string>& argv, Io& io);
int cmdSettings(const std::vector<std::string>& argv, Io& io);
int cmdQuiz(const std::vector<std::string>& argv, Io& io);
int cmdCertify(const std::vector<std::string>& argv, Io& io);
int cmdVerify(const std::vector<std::string>& argv, Io& io);
int cmdIssuer(const std::vector<std::string>& argv, Io& io);
int cmdCoverage(const std::vector<std::string>& argv, Io& io);
int cmdExport(const std::vector<std::string>& argv, Io& io);

}  // namespace frontline::cli
