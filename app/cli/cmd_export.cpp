// frontline export csv --what attempts|quizzes|certificates|status [--team T] [--since DATE] [--bom] --out FILE
// frontline export xapi [--team T] [--since DATE] --out FILE
// frontline export xapi [--team T] [--since DATE] --lrs URL --user U [--password-file F | --password P] [--batch N]
// Records that leave Frontline (issue 12): the tables a manager takes to a spreadsheet, and xAPI
// statements for the organisation's LMS / LRS. The work is in app/export/; this file is the command line.
#include <cstdlib>
#include <iostream>
#include <sstream>
#include "cli_support.hpp"
#include "frontline/export.hpp"
#include "frontline/lrs.hpp"
#include "frontline/xapi.hpp"

namespace frontline::cli {
namespace {

constexpr const char* kUsage =
    "usage: frontline export csv --what attempts|quizzes|certificates|status [--team T] [--since DATE] [--bom] --out FILE\n"
    "       frontline export xapi [--team T] [--since DATE] --out FILE\n"
    "       frontline export xapi [--team T] [--since DATE] --lrs URL --user U [--password-file F | --password P] [--batch N]\n"
    "CSV is RFC 4180 (UTF-8, CRLF; --bom adds a byte-order mark for Excel); a text cell starting with = + - @ gets a\n"
    "leading ' so a spreadsheet never runs it as a formula. --out - writes to standard output.\n"
    "xAPI 1.0.3 statements need the organisation setting xapi_home_page (the actor's account home page).\n"
    "--lrs posts them to the LRS's xAPI endpoint in batches of N (default 50) with basic auth; the password comes\n"
    "from --password-file, --password or $FRONTLINE_LRS_PASSWORD. What the LRS acknowledged is remembered in the\n"
    "database, so a rerun after a failure sends only the rest. --json prints a summary object.\n"
    "options: --db PATH, --content DIR, --manager-password-file FILE (a desk file with a manager password).\n";

// FILE is replaced only once it is complete (replaceFile); "-" is standard output.
bool writeOutput(const std::string& path, const std::string& text, Io& io) {
    if (path == "-") {
        io.out << text;
        return true;
    }
    try {
        replaceFile(path, text);
    } catch (const std::runtime_error& e) {
        io.err << "frontline: " << e.what() << "\n";
        return false;
    }
    return true;
}

std::string sinceOption(const Args& args) {
    std::string since = args.get("--since");
    if (auto problem = normaliseSince(since)) throw UsageError("--since: " + *problem);
    return since;
}

struct Loaded {
    ContentLibrary content;
    Store store;
    OrgSettings settings;
};

std::optional<Loaded> load(const Args& args, Io& io) {
    auto content = loadContentOrReport(args, io, true);
    if (!content) return std::nullopt;
    auto store = openStoreOrReport(args, io);
    if (!store) return std::nullopt;
    if (!managerConfirmed(*store, args, io)) return std::nullopt;
    OrgSettings settings = effectiveSettings(*content, &*store);
    return Loaded{std::move(*content), std::move(*store), settings};
}

int runCsv(const Args& args, Io& io) {
    if (!args.has("--what")) throw UsageError("export csv needs --what attempts|quizzes|certificates|status");
    const auto what = csvWhatFromName(args.get("--what"));
    if (!what) throw UsageError("--what takes attempts, quizzes, certificates or status, not '" + args.get("--what") + "'");
    if (!args.has("--out")) throw UsageError("export csv needs --out FILE (or --out - for standard output)");
    if (*what == CsvWhat::Status && args.has("--since")) throw UsageError("the status table is as of now: --since does not apply");
    for (const char* option : {"--lrs", "--user", "--password", "--password-file", "--batch"})
        if (args.has(option)) throw UsageError(std::string(option) + " is for export xapi");
    ExportFilter filter{args.get("--team"), sinceOption(args), ""};
    auto loaded = load(args, io);
    if (!loaded) return 1;
    std::vector<Diagnostic> diags;
    const auto policies = *what == CsvWhat::Status ? loadPolicies(loaded->content.paths.root / "policies", diags) : std::vector<Policy>{};
    std::ostringstream text;
    const int rows = writeCsv({loaded->store, loaded->content, policies, loaded->settings}, *what, filter, text, args.has("--bom"));
    if (!writeOutput(args.get("--out"), text.str(), io)) return 1;
    if (args.has("--json") && args.get("--out") != "-")
        io.out << jsonText({{"ok", true}, {"what", csvWhatName(*what)}, {"rows", rows}, {"out", args.get("--out")}}) << "\n";
    else if (args.get("--out") != "-")
        io.err << "Wrote " << rows << " " << csvWhatName(*what) << " rows to " << args.get("--out") << "\n";
    return 0;
}

std::string lrsPassword(const Args& args) {
    if (args.has("--password-file") && args.has("--password")) throw UsageError("give --password-file or --password, not both");
    if (args.has("--password-file")) return passwordFromFile(args.get("--password-file"));
    if (args.has("--password")) return args.get("--password");
    if (const char* env = std::getenv("FRONTLINE_LRS_PASSWORD"); env && *env) return env;
    throw UsageError("--lrs needs a password: --password-file FILE, --password P or $FRONTLINE_LRS_PASSWORD");
}

int sendToLrs(const Args& args, Io& io, const xapi::Sources& from, const xapi::Filter& filter, Store& store) {
    lrs::Endpoint endpoint{args.get("--lrs"), args.get("--user"), lrsPassword(args)};
    const int batch = static_cast<int>(numberOption(args, "--batch", 1, 1000, 50));
    lrs::Sender sender(store, lrs::lrsKey(endpoint), batch, [&endpoint](const auto& part) { return lrs::postBatch(endpoint, part); });
    xapi::forEachStatement(from, filter, [&sender](nlohmann::json&& st) { sender.add(std::move(st)); });
    const auto report = sender.finish();
    if (args.has("--json")) {
        nlohmann::json j = {{"ok", report.error.empty()}, {"lrs", lrs::lrsKey(endpoint)}, {"statements", report.total},
                            {"sent", report.sent}, {"already_sent", report.already}, {"batches", report.batches}};
        if (!report.error.empty()) j["error"] = report.error;
        io.out << jsonText(j) << "\n";
    } else {
        io.out << "Sent " << report.sent << " of " << report.total << " statements to " << lrs::lrsKey(endpoint) << " in "
               << report.batches << " batches" << (report.already ? " (" + std::to_string(report.already) + " sent before)" : "")
               << ".\n";
    }
    if (report.error.empty()) return 0;
    io.err << "frontline: " << report.error << "\nfrontline: " << (report.total - report.already - report.sent)
           << " statements were not sent; run the same command again to send them (nothing is sent twice)\n";
    return 1;
}

// A JSON array, one compact statement per line, written as the statements are built.
int writeStatements(std::ostream& out, const xapi::Sources& from, const xapi::Filter& filter) {
    int count = 0;
    out << "[";
    xapi::forEachStatement(from, filter, [&](nlohmann::json&& st) {
        out << (count++ ? ",\n" : "\n") << st.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    });
    out << (count ? "\n]\n" : "]\n");
    return count;
}

int runXapi(const Args& args, Io& io) {
    const bool to_lrs = args.has("--lrs");
    if (to_lrs == args.has("--out")) throw UsageError("export xapi needs either --out FILE or --lrs URL");
    if (to_lrs && !args.has("--user")) throw UsageError("--lrs needs --user U");
    if (!to_lrs)
        for (const char* option : {"--user", "--password", "--password-file", "--batch"})
            if (args.has(option)) throw UsageError(std::string(option) + " goes with --lrs");
    if (args.has("--what") || args.has("--bom")) throw UsageError("--what and --bom are for export csv");
    if (to_lrs) lrsPassword(args);  // a missing password is a usage error before anything is read
    xapi::Filter filter{sinceOption(args), args.get("--team")};
    auto loaded = load(args, io);
    if (!loaded) return 1;
    if (auto problem = xapi::settingsProblem(loaded->settings); !problem.empty()) {
        io.err << "frontline: " << problem << "\n";
        return 1;
    }
    const QuizLibrary quizzes = loadQuizLibrary(loaded->content.paths.root / "questions", loaded->content.sop);
    const xapi::Sources from{loaded->store, loaded->content, quizzes, loaded->settings};
    if (to_lrs) return sendToLrs(args, io, from, filter, loaded->store);
    const std::string out = args.get("--out");
    int count = 0;
    if (out == "-") {
        count = writeStatements(io.out, from, filter);
    } else {
        try {
            replaceFileWith(out, [&](std::ostream& file) { count = writeStatements(file, from, filter); });
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const StoreError*>(&e)) throw;
            io.err << "frontline: " << e.what() << "\n";
            return 1;
        }
    }
    if (args.has("--json") && out != "-")
        io.out << jsonText({{"ok", true}, {"statements", count}, {"out", out}}) << "\n";
    else if (out != "-")
        io.err << "Wrote " << count << " xAPI statements to " << out << "\n";
    return 0;
}

}  // namespace

int cmdExport(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--bom"},
                                          {"--what", "--team", "--since", "--lrs", "--user", "--batch"},
                                          {"--password"},
                                          {"--out", "--password-file", "--manager-password-file"}});
    if (args.has("--help")) {
        io.out << kUsage;
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("export takes csv or xapi");
    const std::string& format = args.positional[0];
    if (format == "csv") return runCsv(args, io);
    if (format == "xapi") return runXapi(args, io);
    throw UsageError("export takes csv or xapi, not '" + format + "'");
}

}  // namespace frontline::cli
