// The dispatcher (help, --version, one handler for every escaped exception) and the option parser.
#include <algorithm>
#include <iostream>
#include <sstream>
#include <streambuf>
#include "cli_support.hpp"
#include "cli.hpp"
#include "frontline/i18n.hpp"
#include "frontline/parse_number.hpp"
#include "frontline/utf8.hpp"

#ifndef FRONTLINE_VERSION
#define FRONTLINE_VERSION "unknown"
#endif

namespace frontline::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

namespace {

bool listed(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

// Puts one option (and its value, taken from `a` or the next argument) into `args`.
void takeOption(const std::vector<std::string>& argv, size_t& i, const OptionSpec& spec, Args& args) {
    const std::string& a = argv[i];
    const auto eq = a.find('=');
    const std::string name = a.substr(0, eq);
    const std::string shown = utf8::sanitized(name);
    const bool flag = name == "--help" || listed(spec.flags, name);
    const bool path = name == "--db" || name == "--content" || listed(spec.paths, name);
    const bool text = listed(spec.texts, name);
    if (!flag && !path && !text && !listed(spec.values, name)) throw UsageError(fmt(tr("unknown option {0}"), shown));
    if (args.has(name)) throw UsageError(fmt(tr("option {0} is given twice"), shown));
    if (flag) {
        if (eq != std::string::npos) throw UsageError(fmt(tr("option {0} takes no value"), shown));
        args.options[name] = "1";
        return;
    }
    std::string value;
    if (eq != std::string::npos) value = a.substr(eq + 1);
    else if (i + 1 < argv.size()) value = argv[++i];
    else throw UsageError(fmt(tr("option {0} needs a value"), shown));
    if (value.empty() && !text) throw UsageError(fmt(tr("option {0} needs a value, not an empty string"), shown));
    if (!path) requireUtf8(value, fmt(tr("option {0}"), shown));
    args.options[name] = value;
}

}  // namespace

Args parseOptions(const std::vector<std::string>& argv, const OptionSpec& spec) {
    Args args;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "-h") args.options["--help"] = "1";
        else if (a.rfind("--", 0) == 0 && a.size() > 2) takeOption(argv, i, spec, args);
        else args.positional.push_back(a);  // includes "-5": negative numbers are values, not options
    }
    return args;
}

std::int64_t wholeNumber(std::string_view text, std::int64_t min, std::int64_t max, const std::string& what) {
    if (auto n = parseWholeNumber(text, min, max)) return *n;
    throw UsageError(fmt(tr("{0} needs a whole number from {1} to {2}, not '{3}'"), what, min, max, utf8::sanitized(text)));
}

std::int64_t numberOption(const Args& args, const std::string& name, std::int64_t min, std::int64_t max, std::int64_t fallback) {
    return args.has(name) ? wholeNumber(args.get(name), min, max, name) : fallback;
}

std::optional<std::uint64_t> seedOption(const Args& args, const std::string& name) {
    if (!args.has(name)) return std::nullopt;
    if (auto n = parseUnsignedNumber(args.get(name))) return n;
    throw UsageError(fmt(tr("{0} needs a whole number from {1} to {2}, not '{3}'"), name, 0, "18446744073709551615", utf8::sanitized(args.get(name))));
}

void requireUtf8(std::string_view text, const std::string& what) {
    if (!utf8::valid(text))
        throw UsageError(fmt(tr("{0} is not valid UTF-8 ('{1}'); set the terminal to UTF-8 and type it again"), what, utf8::sanitized(text)));
}

const std::vector<CommandInfo>& commands() {
    static const std::vector<CommandInfo> table = {
        {"play", N_("play a scenario in the terminal and record the attempt"), cmdPlay},
        {"validate", N_("check content files like a compiler (file:line:column: error: …)"), cmdValidate},
        {"history", N_("list recorded attempts"), cmdHistory},
        {"trainees", N_("list or add trainee profiles"), cmdTrainees},
        {"settings", N_("show or change organisation settings (company name, targets, pass marks)"), cmdSettings},
        {"quiz", N_("take a knowledge check"), cmdQuiz},
        {"certify", N_("certification status, issuing, export and revocation"), cmdCertify},
        {"verify", N_("verify a certificate file offline"), cmdVerify},
        {"issuer", N_("the organisation's certificate issuer: create its key, show and publish it"), cmdIssuer},
        {"coverage", N_("which scenarios and questions exercise each SOP step and rule"), cmdCoverage},
        {"recover", N_("save attempts kept while the database could not take them"), cmdRecover},
        {"audit", N_("who changed settings, issued or revoked certificates, and when"), cmdAudit},
        {"team", N_("add an agent's own login on a center's server (managers)"), cmdTeam},
        {"sync", N_("send the results kept on this desk while the server was unreachable"), cmdSync},
        {"manager-password", N_("set or change the manager password of this desk's database"), cmdManagerPassword},
        {"export", N_("records that leave Frontline: CSV tables and xAPI statements (file or LRS)"), cmdExport},
        {"check", N_("read the whole database and say whether it is sound (other commands skip this)"), cmdCheck},
        {"demo", N_("build a demo contact center (trainees, attempts, quizzes, certificates) in an empty database"), cmdDemo},
    };
    return table;
}

bool isCommand(const std::string& name) {
    for (const auto& c : commands())
        if (name == c.name) return true;
    return false;
}

bool isTerminalInvocation(const std::vector<std::string>& args) {
    size_t first = 0;
    while (first < args.size() && (args[first] == "--language" || args[first].rfind("--language=", 0) == 0))
        first += args[first] == "--language" ? 2 : 1;
    return first < args.size() && isTerminalInvocation(args[first]);
}

bool isTerminalInvocation(const std::string& first_argument) {
    return isCommand(first_argument) || first_argument == "--help" || first_argument == "-h" || first_argument == "help" ||
           first_argument == "--version";
}

std::string versionLine() { return std::string("frontline ") + FRONTLINE_VERSION; }

namespace {

void printUsage(std::ostream& out) {
    out << tr("Frontline — contact-center training and certification simulator") << "\n\n"
        << tr("usage: frontline                      open the desktop trainer\n"
              "       frontline <command> [options]  use it from the terminal\n"
              "       frontline help <command>       that command's options\n"
              "       frontline --version\n")
        << "\n" << tr("commands:") << "\n";
    for (const auto& c : commands()) out << "  " << utf8::column(c.name, 18) << tr(c.summary) << "\n";
    out << "\n"
        << tr("common options: --db PATH|postgresql://URI (default: $FRONTLINE_DB, else the `database =` line of\n"
              "  ~/.config/frontline/desk.conf, else $XDG_DATA_HOME/frontline/frontline.db), --content DIR, --help,\n"
              "  --language CODE (en, es; default: $FRONTLINE_LANGUAGE, else the system's language)\n"
              "Exit codes: 0 ok, 1 failure, 2 usage error.\n");
}

// One line, printable whatever the exception carried.
std::string oneLine(const char* what) {
    std::string text = utf8::sanitized(what);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

int dispatch(const std::vector<std::string>& argv, Io& io) {
    const std::string first = argv.empty() ? std::string() : argv[0];
    if (argv.empty() || ((first == "--help" || first == "-h" || first == "help") && argv.size() == 1)) {
        printUsage(argv.empty() ? io.err : io.out);
        return argv.empty() ? 2 : 0;
    }
    if (first == "--version") {
        if (argv.size() > 1) throw UsageError(tr("--version takes no arguments"));
        io.out << versionLine() << "\n";
        return 0;
    }
    if (first == "help" || first == "--help" || first == "-h") {
        if (argv.size() != 2 || !isCommand(argv[1])) throw UsageError(tr("help takes one command name (see `frontline --help`)"));
        return dispatch({argv[1], "--help"}, io);
    }
    for (const auto& c : commands())
        if (first == c.name) return c.run(std::vector<std::string>(argv.begin() + 1, argv.end()), io);
    io.err << "frontline: " << fmt(tr("unknown command '{0}'"), utf8::sanitized(first)) << "\n";
    printUsage(io.err);
    return 2;
}

// Passes everything on to `target`, counting it and (if `keep`) keeping a copy: with --json, a
// command that fails without printing its own JSON gets a JSON error object built from its stderr.
class TeeBuffer : public std::streambuf {
public:
    TeeBuffer(std::streambuf* target, bool keep) : target_(target), keep_(keep) {}
    const std::string& text() const { return text_; }
    std::size_t size() const { return size_; }

protected:
    int overflow(int ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
        const char c = traits_type::to_char_type(ch);
        return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        size_ += static_cast<std::size_t>(n);
        if (keep_) text_.append(s, static_cast<std::size_t>(n));
        return target_->sputn(s, n);
    }
    int sync() override { return target_->pubsync(); }

private:
    std::streambuf* target_;
    bool keep_;
    std::string text_;
    std::size_t size_ = 0;
};

// {"ok": false, "exit_code": 2, "kind": "usage", "error": "unknown option --bogus", "messages": [...]}
nlohmann::json errorJson(int exit_code, const std::string& err_text) {
    nlohmann::json messages = nlohmann::json::array();
    std::string error;
    std::istringstream lines(err_text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        messages.push_back(line);
        constexpr std::string_view prefix = "frontline: ";
        if (line.rfind(prefix, 0) == 0 && line.rfind("frontline: warning:", 0) != 0) error = line.substr(prefix.size());
    }
    if (error.empty() && !messages.empty()) error = messages.back();
    return {{"ok", false}, {"exit_code", exit_code}, {"kind", exit_code == 2 ? "usage" : "failure"}, {"error", error}, {"messages", messages}};
}

// Leaves the language as it was after a command line that set its own (matters in-process: tests).
class LanguageScope {
public:
    void change(const std::string& code) {
        if (!saved_) saved_ = i18n::language();
        i18n::setLanguage(code);
    }
    ~LanguageScope() {
        if (saved_) i18n::setLanguage(*saved_);
    }

private:
    std::optional<std::string> saved_;
};

// "es", "es_MX", "es_ES.UTF-8" -> "es".
std::string languageCode(const std::string& value) { return value.substr(0, value.find_first_of("_.@")); }

// Takes --language CODE (or --language=CODE) out of argv wherever it stands, before or after the
// command, and switches to that language; an unknown code is a usage error naming the known ones.
void applyLanguageOption(std::vector<std::string>& argv, LanguageScope& scope) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a != "--language" && a.rfind("--language=", 0) != 0) continue;
        const bool inline_value = a.size() > std::string("--language").size();
        if (!inline_value && i + 1 >= argv.size()) throw UsageError(fmt(tr("option {0} needs a value"), "--language"));
        const std::string value = inline_value ? a.substr(a.find('=') + 1) : argv[i + 1];
        std::string known;
        bool found = false;
        for (const auto& l : i18n::languages()) {
            known += (known.empty() ? "" : ", ") + l.code;
            found = found || l.code == languageCode(value);
        }
        if (!found) throw UsageError(fmt(tr("unknown language '{0}' (available: {1})"), utf8::sanitized(value), known));
        scope.change(languageCode(value));
        argv.erase(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.begin() + static_cast<std::ptrdiff_t>(i + (inline_value ? 1 : 2)));
        --i;
    }
}

int runGuarded(const std::vector<std::string>& given, Io& io) {
    LanguageScope language;
    std::vector<std::string> argv = given;
    std::string help;
    try {
        applyLanguageOption(argv, language);
        if (!argv.empty() && isCommand(argv[0])) help = " " + fmt(tr("(see `frontline help {0}`)"), argv[0]);
        return dispatch(argv, io);
    } catch (const UsageError& e) {
        io.err << "frontline: " << oneLine(e.what()) << help << "\n";
        return 2;
    } catch (const std::exception& e) {
        io.err << "frontline: " << oneLine(e.what()) << "\n";
        return 1;
    } catch (...) {
        io.err << "frontline: " << tr("the command stopped on an unexpected error") << "\n";
        return 1;
    }
}

}  // namespace

int run(const std::vector<std::string>& argv, Io& io) {
    if (std::find(argv.begin(), argv.end(), "--json") == argv.end()) return runGuarded(argv, io);
    TeeBuffer out(io.out.rdbuf(), false), err(io.err.rdbuf(), true);
    std::ostream out_stream(&out), err_stream(&err);
    Io json_io{io.in, out_stream, err_stream, io.interactive};
    const int code = runGuarded(argv, json_io);
    out_stream.flush();
    err_stream.flush();
    if (code != 0 && out.size() == 0) io.out << jsonText(errorJson(code, err.text())) << "\n";
    return code;
}

}  // namespace frontline::cli
