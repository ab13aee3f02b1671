// frontline export csv --what attempts|quizzes|certificates|status [--team T] [--since DATE] [--bom] --out FILE
// frontline export xapi [--team T] [--since DATE] --out FILE
// frontline export xapi [--team T] [--since DATE] --lrs URL --user U [--password-file F | --password P] [--batch N]
// Records that leave Frontline (issue 12): the tables a manager takes to a spreadsheet, and xAPI
// statements for the organisation's LMS / LRS. The work is in app/export/; this file is the command line.
#include <cstdlib>
#include <iostream>
#include <sstream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/export.hpp"
#include "frontline/lrs.hpp"
#include "frontline/xapi.hpp"

namespace frontline::cli {
namespace {

constexpr const char* kUsage = N_(
    "usage: frontline export csv --what attempts|quizzes|certificates|status [--team T] [--since DATE] [--bom] --out FILE\n"
    "       frontline export xapi [--team T] [--since DATE] --out FILE\n"
    "       frontline export xapi [--team T] [--since DATE] --lrs URL --user U [--password-file F | --password P] [--batch N]\n"
    "CSV is RFC 4180 (UTF-8, CRLF; --bom adds a byte-order mark for Excel); a text cell starting with = + - @ gets a\n"
    "leading ' so a spreadsheet never runs it as a formula. --out - writes to standard output.\n"
    "xAPI 1.0.3 statements need the organisation setting xapi_home_page (the actor's account home page).\n"
    "--lrs posts them to the LRS's xAPI endpoint in batches of N (default 50) with basic auth; the password comes\n"
    "from --password-file, --password or $FRONTLINE_LRS_PASSWORD. What the LRS acknowledged is remembered in the\n"
    "database, so a rerun after a failure sends only the rest. --json prints a summary object.\n"
    "options: --db PATH, --content DIR, --manager-password-file FILE (a desk file with a manager password).\n");

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
    if (!args.has("--what")) throw UsageError(tr("export csv needs --what attempts|quizzes|certificates|status"));
    const auto what = csvWhatFromName(args.get("--what"));
    if (!what) throw UsageError(fmt(tr("--what takes attempts, quizzes, certificates or status, not '{0}'"), args.get("--what")));
    if (!args.has("--out")) throw UsageError(tr("export csv needs --out FILE (or --out - for standard output)"));
    if (*what == CsvWhat::Status && args.has("--since")) throw UsageError(tr("the status table is as of now: --since does not apply"));
    for (const char* option : {"--lrs", "--user", "--password", "--password-file", "--batch"})
        if (args.has(option)) throw UsageError(fmt(tr("{0} is for export xapi"), option));
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
        io.err << fmt(trn("Wrote {0} {1} row to {2}", "Wrote {0} {1} rows to {2}", static_cast<unsigned long>(rows)), rows, csvWhatName(*what),
                      args.get("--out"))
               << "\n";
    return 0;
}

std::string lrsPassword(const Args& args) {
    if (args.has("--password-file") && args.has("--password")) throw UsageError(tr("give --password-file or --password, not both"));
    if (args.has("--password-file")) return passwordFromFile(args.get("--password-file"));
    if (args.has("--password")) return args.get("--password");
    if (const char* env = std::getenv("FRONTLINE_LRS_PASSWORD"); env && *env) return env;
    throw UsageError(tr("--lrs needs a password: --password-file FILE, --password P or $FRONTLINE_LRS_PASSWORD"));
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
        io.out << fmt(trn("Sent {0} of {1} statement to {2}", "Sent {0} of {1} statements to {2}", static_cast<unsigned long>(report.total)),
                      report.sent, report.total, lrs::lrsKey(endpoint))
               << " " << fmt(trn("in {0} batch", "in {0} batches", static_cast<unsigned long>(report.batches)), report.batches)
               << (report.already ? " " + fmt(tr("({0} sent before)"), report.already) : std::string()) << ".\n";
    }
    if (report.error.empty()) return 0;
    const auto unsent = report.total - report.already - report.sent;
    io.err << "frontline: " << report.error << "\nfrontline: "
           << fmt(trn("{0} statement was not sent; run the same command again to send it (nothing is sent twice)",
                      "{0} statements were not sent; run the same command again to send them (nothing is sent twice)",
                      static_cast<unsigned long>(unsent)),
                  unsent)
           << "\n";
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
    if (to_lrs == args.has("--out")) throw UsageError(tr("export xapi needs either --out FILE or --lrs URL"));
    if (to_lrs && !args.has("--user")) throw UsageError(tr("--lrs needs --user U"));
    if (!to_lrs)
        for (const char* option : {"--user", "--password", "--password-file", "--batch"})
            if (args.has(option)) throw UsageError(fmt(tr("{0} goes with --lrs"), option));
    if (args.has("--what") || args.has("--bom")) throw UsageError(tr("--what and --bom are for export csv"));
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
        io.err << fmt(trn("Wrote {0} xAPI statement to {1}", "Wrote {0} xAPI statements to {1}", static_cast<unsigned long>(count)), count, out)
               << "\n";
    return 0;
}

}  // namespace

int cmdExport(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--bom"},
                                          {"--what", "--team", "--since", "--lrs", "--user", "--batch"},
                                          {"--password"},
                                          {"--out", "--password-file", "--manager-password-file"}});
    if (args.has("--help")) {
        io.out << tr(kUsage);
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError(tr("export takes csv or xapi"));
    const std::string& format = args.positional[0];
    if (format == "csv") return runCsv(args, io);
    if (format == "xapi") return runXapi(args, io);
    throw UsageError(fmt(tr("export takes csv or xapi, not '{0}'"), format));

}

}  // namespace frontline::cli
