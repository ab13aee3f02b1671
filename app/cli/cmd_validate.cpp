// frontline validate [PATH…] — checks content like a compiler checks code.
//
// Every kind of content is checked: the SOP, settings, scenarios (schema, SOP references, graph),
// question banks and exams, certification policies, training paths, and golden transcripts
// (replayed through the engine and the scorer). The whole content tree is loaded so that
// cross-references are checked; diagnostics are printed for the files asked about.
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <set>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/golden.hpp"
#include "frontline/paths.hpp"
#include "frontline/policy.hpp"
#include "frontline/quiz.hpp"
#include "frontline/validator.hpp"

namespace frontline::cli {
namespace {

std::string key(const std::filesystem::path& p) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(p, ec);
    return (ec ? p : canonical).string();
}

void collect(const std::filesystem::path& p, std::vector<std::filesystem::path>& files) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
        std::vector<std::filesystem::path> found;
        // Without `ec` a symlink loop throws; such an entry is kept so validating it reports why.
        for (std::filesystem::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code type_ec;
            if (it->path().extension() == ".json" && (it->is_regular_file(type_ec) || type_ec)) found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    } else {
        files.push_back(p);
    }
}

// A folder that is a whole content tree: a content folder (it holds sop/) or a project folder
// holding content/ and schema/ side by side (the repository's scenarios/, an installed
// share/frontline). Such a folder is loaded as the tree, never its schemas checked as content.
std::optional<std::filesystem::path> contentTreeIn(const std::filesystem::path& dir) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir / "sop", ec)) return dir;
    if (std::filesystem::is_directory(dir / "content" / "sop", ec) && std::filesystem::is_directory(dir / "schema", ec))
        return dir / "content";
    return std::nullopt;
}

// The tree to load: --content, else the one content tree named on the command line, else the
// bundled content.
ContentPaths treeToValidate(const Args& args) {
    std::optional<std::filesystem::path> named;
    for (const auto& p : args.positional) {
        auto tree = contentTreeIn(p);
        if (!tree) continue;
        if (named && key(*named) != key(*tree)) throw UsageError(tr("validate checks one content tree at a time"));
        named = tree;
    }
    if (named && args.has("--content") && key(*named) != key(args.get("--content")))
        throw UsageError(fmt(tr("validate: {0} is a content tree; give it alone or as --content, not both"), named->string()));
    return named && !args.has("--content") ? ContentPaths::at(*named) : contentPathsFor(args);
}

struct Report {
    std::map<std::string, std::vector<Diagnostic>> by_file;
    void add(const Diagnostic& d) { by_file[key(d.file)].push_back(d); }
    void add(const std::vector<Diagnostic>& ds) {
        for (const auto& d : ds) add(d);
    }
};

// What a file is, from where it sits in a content tree.
std::string kindOf(const std::filesystem::path& file) {
    auto name = file.filename().string();
    auto parent = file.parent_path().filename().string();
    if (name.ends_with(".sop.json")) return "sop";
    if (name == "settings.json") return "settings";
    if (name.ends_with(".golden.json") || parent == "golden") return "golden";
    if (parent == "exams") return "exam";
    for (const char* kind : {"scenarios", "questions", "policies", "paths", "archive"})
        if (parent == kind) return kind;
    return "unknown";
}

// The giveaway check: a note per scenario on how often its best reply is also the longest, and the
// library's total (the CI gate fails above a share, --max-longest-share).
ReplyLengthStats addReplyLengthNotes(const ContentLibrary& lib, Report& report) {
    ReplyLengthStats total;
    for (const auto& s : lib.scenarios) {
        auto stats = replyLengthStats(*s);
        total.decision_points += stats.decision_points;
        total.best_is_longest += stats.best_is_longest;
        report.add({Severity::Note, s->file, 0, 0,
                    "the best reply is the longest at " + std::to_string(stats.best_is_longest) + " of " +
                        std::to_string(stats.decision_points) + " decision points",
                    "/nodes"});
    }
    return total;
}

// archive/<id>.v<N>.json: earlier versions of scenarios, kept so old attempts can be replayed
// before a certificate is signed. Each must load, be named for what it holds and be older than the
// scenario; a scenario past version 1 with versions not kept gets a note saying what that costs.
void addArchiveChecks(const ContentLibrary& lib, Report& report) {
    static const std::regex archived_name(R"((.+)\.v([1-9][0-9]{0,5})\.json)");
    for (const auto& file : contentFilesIn(lib.paths.root / "archive")) {
        std::smatch m;
        const std::string name = file.filename().string();
        report.by_file[key(file)];
        if (!std::regex_match(name, m, archived_name)) {
            report.add({Severity::Error, file.string(), 0, 0, "an archived scenario is named <scenario id>.v<version>.json", ""});
            continue;
        }
        const int version = std::stoi(m[2]);
        std::vector<Diagnostic> diags;
        if (!loadArchivedScenario(lib, m[1].str(), version, diags) && diags.empty())
            diags.push_back({Severity::Error, file.string(), 0, 0, "cannot be read as an archived scenario", ""});
        report.add(diags);
        if (const Scenario* now = lib.scenario(m[1].str()); now && now->version <= version)
            report.add({Severity::Error, file.string(), 0, 0,
                        "the scenario is at version " + std::to_string(now->version) + ": archive/ keeps earlier versions only", "/version"});
    }
    for (const auto& s : lib.scenarios) {
        std::string missing;
        for (int v = 1; v < s->version; ++v)
            if (!std::filesystem::exists(archivedScenarioFile(lib.paths, s->id, v))) missing += (missing.empty() ? "" : ", ") + std::to_string(v);
        if (!missing.empty())
            report.add({Severity::Note, s->file, 0, 0,
                        "attempts played on version(s) " + missing + " cannot count towards a certificate: keep them as archive/" + s->id +
                            ".v<version>.json",
                        "/version"});
    }
}

// An exam file outside the tree (an author's draft in an exams/ folder), checked as an exam
// against the tree's question banks, not as a scenario.
void checkExamAlone(const std::filesystem::path& file, const ContentLibrary& lib, std::vector<Diagnostic>& diags) {
    if (auto doc = readJsonDocument(file, diags)) parseExam(*doc, lib.sop, loadQuizLibrary(lib.paths.root / "questions", lib.sop).banks, diags);
}

std::string percentText(const ReplyLengthStats& t) {
    if (t.decision_points == 0) return "0%";
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << 100.0 * t.best_is_longest / t.decision_points << "%";
    return out.str();
}

}  // namespace

int cmdValidate(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--quiet"}, {"--max-longest-share"}, {}, {}});
    if (args.has("--help")) {
        // xgettext:no-c-format ("PCT % is" is text, not a printf directive)
        io.out << tr("usage: frontline validate [PATH…] [--json] [--quiet] [--max-longest-share PCT] [--content DIR]\n"
                  "Checks SOP, settings, scenarios, question banks, exams, policies, paths and golden\n"
                  "transcripts (default: all of the content tree). PATH is a file, a content folder (it holds\n"
                  "sop/), or a project folder holding content/ and schema/; a folder is checked as that tree. Prints\n"
                  "file:line:column: error|warning|note: message (at /json/path). --quiet hides notes.\n"
                  "Reports per scenario how often the best reply is also the longest; with\n"
                  "--max-longest-share PCT, a library share above PCT % is an error.\n"
                  "Exit 1 on any error.\n");
        return 0;
    }
    std::optional<int> max_longest_share;
    if (args.has("--max-longest-share")) max_longest_share = static_cast<int>(numberOption(args, "--max-longest-share", 0, 100, 0));
    for (const auto& p : args.positional) {
        if (!std::filesystem::exists(p)) {
            io.err << p << ": error: " << tr("no such file or directory") << "\n";
            return 1;
        }
    }
    const ContentPaths paths = treeToValidate(args);
    setSchemaDirectory(paths.schema_dir);
    std::vector<std::filesystem::path> scope;
    if (args.positional.empty()) collect(paths.root, scope);
    for (const auto& p : args.positional) collect(contentTreeIn(p).value_or(p), scope);
    std::set<std::string> in_tree;
    {
        std::vector<std::filesystem::path> all;
        collect(paths.root, all);
        for (const auto& f : all) in_tree.insert(key(f));
    }

    Report report;
    // The whole tree: every loader reports into one map keyed by file.
    ContentLibrary lib = loadContent(paths);
    report.add(lib.diagnostics);
    ReplyLengthStats lengths = addReplyLengthNotes(lib, report);
    if (lib.sop_loaded) addArchiveChecks(lib, report);
    for (const auto& f : lib.failed) report.by_file[key(f.file)];  // failed files' diagnostics are already in lib.diagnostics
    if (lib.sop_loaded) {
        QuizLibrary quiz = loadQuizLibrary(paths.root / "questions", lib.sop);
        report.add(quiz.diagnostics);
        std::vector<Diagnostic> policy_diags;
        auto policies = loadPolicies(paths.root / "policies", policy_diags);
        std::set<std::string> exams, tags;
        for (const auto& e : quiz.exams) exams.insert(e.id);
        for (const auto& s : lib.scenarios) tags.insert(s->tags.begin(), s->tags.end());
        checkPolicyReferences(policies, exams, tags, policy_diags);
        report.add(policy_diags);
        for (const auto& path : lib.training_paths)
            for (size_t i = 0; i < path.steps.size(); ++i) {
                const auto& step = path.steps[i];
                bool known = step.kind == "scenario"        ? lib.scenario(step.ref) != nullptr
                             : step.kind == "exam"          ? quiz.exam(step.ref) != nullptr
                             : step.kind == "quiz"          ? (quiz.bank(step.ref) || quiz.exam(step.ref))
                             : step.kind == "certification" ? findPolicy(policies, step.ref) != nullptr
                                                            : false;
                if (!known && step.kind != "scenario")  // unknown scenarios are already reported by loadContent
                    report.add({Severity::Error, path.file, 0, 0, "path step " + std::to_string(i + 1) + " names unknown " + step.kind + " '" + step.ref + "'", "/steps/" + std::to_string(i) + "/ref"});
            }
        std::vector<std::filesystem::path> golden_files;
        collect(paths.root / "golden", golden_files);
        for (const auto& file : golden_files) {
            std::vector<Diagnostic> diags;
            auto golden = loadGoldenFile(file, diags);
            report.add(diags);
            report.by_file[key(file)];
            if (!golden) continue;
            const Scenario* s = lib.scenario(golden->scenario);
            if (!s) {
                report.add({Severity::Error, file.string(), 0, 0, "golden transcript for unknown or broken scenario '" + golden->scenario + "'", "/scenario"});
                continue;
            }
            for (size_t i = 0; i < golden->playthroughs.size(); ++i) {
                auto result = replayGolden(lib.sop, *s, lib.default_settings, golden->playthroughs[i]);
                for (const auto& problem : result.problems)
                    report.add({Severity::Error, file.string(), 0, 0, "play-through '" + golden->playthroughs[i].name + "': " + problem, "/playthroughs/" + std::to_string(i)});
            }
        }
    }
    // Files outside the content tree (e.g. an author's draft) are checked on their own.
    for (const auto& file : scope) {
        if (in_tree.count(key(file))) continue;
        std::vector<Diagnostic> diags;
        std::string kind = kindOf(file);
        if (kind == "sop") loadSop(file, diags);
        else if (kind == "settings") loadSettings(file, diags);
        else if (kind == "policies") loadPolicy(file, diags);
        else if (kind == "paths") loadTrainingPath(file, diags);
        else if (kind == "golden") loadGoldenFile(file, diags);
        else if (!lib.sop_loaded) diags.push_back({Severity::Error, file.string(), 0, 0, "cannot check: the SOP did not load", ""});
        else if (kind == "questions") loadQuestionBank(file, lib.sop, diags);
        else if (kind == "exam") checkExamAlone(file, lib, diags);
        else loadScenario(file, lib.sop, diags);  // scenarios and anything unrecognised
        report.by_file[key(file)];
        report.add(diags);
    }

    nlohmann::json files = nlohmann::json::array();
    int errors = 0, warnings = 0, checked = 0;
    std::set<std::string> printed;
    for (const auto& file : scope) {
        std::string k = key(file);
        if (!printed.insert(k).second) continue;
        ++checked;
        auto it = report.by_file.find(k);
        nlohmann::json entry{{"file", file.string()}, {"kind", kindOf(file)}, {"diagnostics", nlohmann::json::array()}};
        bool ok = true;
        if (it != report.by_file.end()) {
            for (const auto& d : it->second) {
                if (d.severity == Severity::Error) {
                    ++errors;
                    ok = false;
                }
                if (d.severity == Severity::Warning) ++warnings;
                if (!args.has("--json") && !(args.has("--quiet") && d.severity == Severity::Note)) io.out << format(d) << "\n";
                entry["diagnostics"].push_back({{"severity", severityName(d.severity)}, {"line", d.line}, {"column", d.column},
                                                {"message", d.message}, {"path", d.json_path}});
            }
        }
        entry["ok"] = ok;
        files.push_back(entry);
    }
    bool too_long = max_longest_share && 100LL * lengths.best_is_longest > 1LL * *max_longest_share * lengths.decision_points;
    if (args.has("--json")) {
        nlohmann::json reply_length{{"decision_points", lengths.decision_points}, {"best_is_longest", lengths.best_is_longest}};
        io.out << jsonText({{"files", files}, {"errors", errors}, {"warnings", warnings}, {"reply_length", reply_length}}) << "\n";
    } else {
        io.out << fmt(tr("{0}: {1}, {2}"), fmt(trn("{0} file checked", "{0} files checked", static_cast<unsigned long>(checked)), checked), fmt(trn("{0} error", "{0} errors", static_cast<unsigned long>(errors)), errors), fmt(trn("{0} warning", "{0} warnings", static_cast<unsigned long>(warnings)), warnings)) << "\n";
        io.out << fmt(trn("the best reply is the longest at {0} of {1} decision point ({2})", "the best reply is the longest at {0} of {1} decision points ({2})", static_cast<unsigned long>(lengths.decision_points)), lengths.best_is_longest, lengths.decision_points, percentText(lengths)) << "\n";
    }
    if (too_long)
        io.err << "error: " << fmt(tr("the best reply is the longest at {0} of decision points, above the allowed {1}%: rewrite replies so that length gives nothing away"), percentText(lengths), *max_longest_share) << "\n";

    return errors > 0 || too_long ? 1 : 0;
}

}  // namespace frontline::cli
