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
#include "frontline/translation.hpp"
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

// A diagnostic at `pointer` in a file that has loaded, positioned by reading it again (cheap: the
// file is small and just read); without a position when it cannot be read now.
Diagnostic positioned(Severity severity, const std::filesystem::path& file, const std::string& pointer, const std::string& message) {
    std::vector<Diagnostic> ignored;
    auto doc = readJsonDocument(file, ignored);
    return doc ? doc->diag(severity, pointer, message) : Diagnostic{severity, file.string(), 0, 0, message, pointer};
}

// What a file is, from where it sits in a content tree.
std::string kindOf(const std::filesystem::path& file) {
    auto name = file.filename().string();
    auto parent = file.parent_path().filename().string();
    if (name.ends_with(".sop.json")) return "sop";
    if (name == "settings.json") return "settings";
    if (file.parent_path().parent_path().parent_path().filename() == "translations") return "translation";
    if (name.ends_with(".golden.json") || parent == "golden") return "golden";
    if (parent == "exams") return "exam";
    for (const char* kind : {"scenarios", "questions", "policies", "paths", "archive"})
        if (parent == kind) return kind;
    return "unknown";
}

// What a file outside the tree holds when its name and folder do not say: the schema it names,
// else a member only that kind of file has.
std::string kindFromText(const nlohmann::json& j) {
    if (!j.is_object()) return "unknown";
    static const std::pair<const char*, const char*> by_schema[] = {
        {"/sop.schema.json", "sop"},         {"/settings.schema.json", "settings"}, {"/scenario.schema.json", "scenarios"},
        {"/golden.schema.json", "golden"},   {"/questions.schema.json", "questions"}, {"/exam.schema.json", "exam"},
        {"/policy.schema.json", "policies"}, {"/path.schema.json", "paths"}};
    if (auto schema = j.find("$schema"); schema != j.end() && schema->is_string())
        for (auto [suffix, kind] : by_schema)
            if (("/" + schema->get<std::string>()).ends_with(suffix)) return kind;
    // "rules" before "steps": an SOP has both, a training path only steps.
    static const std::pair<const char*, const char*> by_member[] = {
        {"playthroughs", "golden"}, {"nodes", "scenarios"}, {"questions", "questions"}, {"sections", "exam"},
        {"practical", "policies"},  {"rules", "sop"},       {"steps", "paths"},         {"company_name", "settings"}};
    for (auto [member, kind] : by_member)
        if (j.contains(member)) return kind;
    return "unknown";
}

const char* const kUnknownKind =
    "cannot tell what kind of content this is: expected a \"$schema\" naming one of sop, settings, scenario, golden, "
    "questions, exam, policy or path .schema.json, a file named *.sop.json, settings.json or *.golden.json, or a file in a "
    "scenarios/, golden/, questions/, exams/, policies/ or paths/ folder";

// ---- golden transcripts ----------------------------------------------------------------------------

// A replay problem placed on the value it is about: a drifted expectation on that value in the
// golden file, a choice that no longer plays on that choice. replayGolden words them as
// "points: expected 140, got 141" and "choice 3 'x' at node 'y': ...".
Diagnostic goldenProblem(const JsonDocument* doc, const std::string& file, size_t index, const GoldenPlaythrough& p,
                         const std::string& problem) {
    const std::string at = "/playthroughs/" + std::to_string(index);
    std::string pointer = at, message = "play-through '" + p.name + "': " + problem;
    const auto expected = problem.find(": expected "), got = problem.find(", got ", expected == std::string::npos ? 0 : expected);
    if (expected != std::string::npos && got != std::string::npos && p.expect.contains(problem.substr(0, expected))) {
        const std::string key = problem.substr(0, expected);
        pointer = at + "/expect/" + key;
        message = "play-through '" + p.name + "': " + key + " drifted: the golden file expects " +
                  problem.substr(expected + 11, got - expected - 11) + ", the replay gives " + problem.substr(got + 6) +
                  " (if the new score is right, scripts/update-golden.sh rewrites it)";
    } else if (problem.starts_with("unknown expectation '")) {
        pointer = at + "/expect/" + problem.substr(21, problem.size() - 22);
    } else if (problem.starts_with("choice ")) {
        pointer = at + "/choices/" + std::to_string(std::max(1, std::atoi(problem.c_str() + 7)) - 1);
    }
    if (!doc) return {Severity::Error, file, 0, 0, message, pointer};
    return doc->diag(Severity::Error, pointer, message);
}

// Loads a golden file and replays each play-through against its scenario in `lib`. Returns the
// scenario id it is for (empty when it did not load).
std::string checkGoldenFile(const std::filesystem::path& file, const ContentLibrary& lib, bool in_tree, Report& report) {
    std::vector<Diagnostic> diags;
    report.by_file[key(file)];
    auto golden = loadGoldenFile(file, diags);
    report.add(diags);
    if (!golden) return {};
    std::vector<Diagnostic> ignored;  // the file just loaded: positions only
    auto doc = readJsonDocument(file, ignored);
    auto at = [&](const std::string& pointer, const std::string& message) {
        report.add(doc ? doc->diag(Severity::Error, pointer, message) : Diagnostic{Severity::Error, file.string(), 0, 0, message, pointer});
    };
    const Scenario* s = lib.sop_loaded ? lib.scenario(golden->scenario) : nullptr;
    if (!lib.sop_loaded) at("/scenario", "cannot check this golden transcript: the SOP did not load");
    else if (!s && in_tree) at("/scenario", "golden transcript for unknown or broken scenario '" + golden->scenario + "'");
    else if (!s)
        at("/scenario", "cannot check this golden transcript: no scenario '" + golden->scenario + "' loaded from " +
                            (lib.paths.root / "scenarios").string() + " (give its content tree with --content)");
    for (size_t i = 0; s && i < golden->playthroughs.size(); ++i) {
        auto result = replayGolden(lib.sop, *s, lib.default_settings, golden->playthroughs[i]);
        for (const auto& problem : result.problems)
            report.add(goldenProblem(doc ? &*doc : nullptr, file.string(), i, golden->playthroughs[i], problem));
    }
    return golden->scenario;
}

// A scenario nobody has played through to a known score: its scoring can change unnoticed.
void warnWithoutGolden(const Scenario& s, const std::filesystem::path& expected_file, Report& report) {
    report.add(positioned(Severity::Warning, s.file, "/id",
                          "scenario '" + s.id + "' has no golden transcript: expected " + expected_file.string() +
                              " (an expected play-through and its score; see docs/content-format.md)"));
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
            report.add(positioned(Severity::Error, file, "/version",
                                  "the scenario is at version " + std::to_string(now->version) + ": archive/ keeps earlier versions only"));
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

// A draft scenario's golden transcript: in the tree, or beside the draft (same folder or ../golden/).
bool hasGoldenNearby(const Scenario& s, const std::filesystem::path& file, const std::set<std::string>& with_golden) {
    const std::string name = s.id + ".golden.json";
    std::error_code ec;
    return with_golden.count(s.id) || std::filesystem::exists(file.parent_path() / name, ec) ||
           std::filesystem::exists(file.parent_path().parent_path() / "golden" / name, ec);
}

// An exam file outside the tree (an author's draft in an exams/ folder), checked as an exam
// against the tree's question banks, not as a scenario.
void checkExamAlone(const std::filesystem::path& file, const ContentLibrary& lib, std::vector<Diagnostic>& diags) {
    if (auto doc = readJsonDocument(file, diags)) parseExam(*doc, lib.sop, loadQuizLibrary(lib.paths.root / "questions", lib.sop).banks, diags);
}

// A file outside the tree (an author's draft), checked as what its folder, name or text says it is,
// against the tree's SOP, banks and scenarios. Returns the kind it was checked as.
std::string checkOutsideTree(const std::filesystem::path& file, const ContentLibrary& lib, const std::set<std::string>& with_golden,
                             Report& report) {
    std::vector<Diagnostic> diags;
    report.by_file[key(file)];
    std::string kind = kindOf(file);
    if (kind == "unknown") {
        auto doc = readJsonDocument(file, diags);
        if (doc) kind = kindFromText(doc->value);
        if (doc && kind == "unknown") diags.push_back(doc->diag(Severity::Error, "", kUnknownKind));
    }
    if (kind == "golden") checkGoldenFile(file, lib, false, report);
    else if (kind == "unknown") {}  // already said why
    else if (kind == "sop") loadSop(file, diags);
    else if (kind == "settings") loadSettings(file, diags);
    else if (kind == "policies") loadPolicy(file, diags);
    else if (kind == "paths") loadTrainingPath(file, diags);
    else if (!lib.sop_loaded) diags.push_back({Severity::Error, file.string(), 0, 0, "cannot check: the SOP did not load", ""});
    else if (kind == "questions") loadQuestionBank(file, lib.sop, diags);
    else if (kind == "exam") checkExamAlone(file, lib, diags);
    else if (auto s = loadScenario(file, lib.sop, diags); s && !hasGoldenNearby(*s, file, with_golden))
        warnWithoutGolden(*s, lib.paths.root / "golden" / (s->id + ".golden.json"), report);
    report.add(diags);
    return kind;
}

// translations/<language>/: each overlay checked against the content, and how much it covers.
std::vector<LanguageCoverage> addTranslationChecks(const ContentLibrary& lib, const QuizLibrary& quiz, Report& report) {
    std::vector<LanguageCoverage> coverage;
    for (const auto& language : translationLanguages(lib.paths.root)) {
        std::vector<Diagnostic> diags;
        coverage.push_back(checkTranslations(lib, quiz, language, diags));
        report.add(diags);
    }
    return coverage;
}

// "es: 5 of 26 scenarios, 2 of 11 question banks, SOP 100 %; 412 of 3,020 texts"
std::string coverageText(const LanguageCoverage& c) {
    const int sop_percent = c.sop.texts ? 100 * c.sop.translated / c.sop.texts : 0;
    // TRANSLATORS: {0} language code; then scenarios translated of total, banks of total, the SOP's share, texts of total.
    return fmt(tr("{0}: {1} of {2} scenarios, {3} of {4} question banks, SOP {5} %; {6} of {7} texts"), c.language, c.scenarios,
               c.scenarios_total, c.banks, c.banks_total, sop_percent, i18n::wholeNumber(c.all.translated), i18n::wholeNumber(c.all.texts));
}

nlohmann::json coverageJson(const LanguageCoverage& c) {
    return {{"language", c.language},
            {"scenarios", c.scenarios},
            {"scenarios_total", c.scenarios_total},
            {"banks", c.banks},
            {"banks_total", c.banks_total},
            {"sop_texts", c.sop.texts},
            {"sop_translated", c.sop.translated},
            {"texts", c.all.texts},
            {"translated", c.all.translated}};
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
    std::set<std::string> with_golden;  // scenario ids the tree's golden/ files play through
    std::vector<LanguageCoverage> languages;
    // The whole tree: every loader reports into one map keyed by file.
    ContentLibrary lib = loadContent(paths);
    report.add(lib.diagnostics);
    ReplyLengthStats lengths = addReplyLengthNotes(lib, report);
    if (lib.sop_loaded) addArchiveChecks(lib, report);
    for (const auto& f : lib.failed) report.by_file[key(f.file)];  // failed files' diagnostics are already in lib.diagnostics
    if (lib.sop_loaded) {
        QuizLibrary quiz = loadQuizLibrary(paths.root / "questions", lib.sop);
        report.add(quiz.diagnostics);
        languages = addTranslationChecks(lib, quiz, report);
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
                    report.add(positioned(Severity::Error, path.file, "/steps/" + std::to_string(i) + "/ref",
                                          "path step " + std::to_string(i + 1) + " names unknown " + step.kind + " '" + step.ref + "'"));
            }
        std::vector<std::filesystem::path> golden_files;
        collect(paths.root / "golden", golden_files);
        for (const auto& file : golden_files) with_golden.insert(checkGoldenFile(file, lib, true, report));
        for (const auto& s : lib.scenarios)
            if (!with_golden.count(s->id)) warnWithoutGolden(*s, paths.root / "golden" / (s->id + ".golden.json"), report);
    }
    // Files outside the content tree (e.g. an author's draft) are checked on their own.
    std::map<std::string, std::string> kinds;  // files outside the tree: what they were checked as
    for (const auto& file : scope) {
        if (in_tree.count(key(file))) continue;
        kinds[key(file)] = checkOutsideTree(file, lib, with_golden, report);
    }

    nlohmann::json files = nlohmann::json::array();
    int errors = 0, warnings = 0, checked = 0;
    std::set<std::string> printed;
    for (const auto& file : scope) {
        std::string k = key(file);
        if (!printed.insert(k).second) continue;
        ++checked;
        auto it = report.by_file.find(k);
        const std::string kind = kinds.count(k) ? kinds[k] : kindOf(file);
        nlohmann::json entry{{"file", file.string()}, {"kind", kind}, {"diagnostics", nlohmann::json::array()}};
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
        nlohmann::json translations = nlohmann::json::array();
        for (const auto& c : languages) translations.push_back(coverageJson(c));
        io.out << jsonText({{"files", files}, {"errors", errors}, {"warnings", warnings}, {"reply_length", reply_length},
                            {"translations", translations}})
               << "\n";
    } else {
        io.out << fmt(tr("{0}: {1}, {2}"), fmt(trn("{0} file checked", "{0} files checked", static_cast<unsigned long>(checked)), checked), fmt(trn("{0} error", "{0} errors", static_cast<unsigned long>(errors)), errors), fmt(trn("{0} warning", "{0} warnings", static_cast<unsigned long>(warnings)), warnings)) << "\n";
        io.out << fmt(trn("the best reply is the longest at {0} of {1} decision point ({2})", "the best reply is the longest at {0} of {1} decision points ({2})", static_cast<unsigned long>(lengths.decision_points)), lengths.best_is_longest, lengths.decision_points, percentText(lengths)) << "\n";
        for (const auto& c : languages) io.out << coverageText(c) << "\n";
    }
    if (too_long)
        io.err << "error: " << fmt(tr("the best reply is the longest at {0} of decision points, above the allowed {1}%: rewrite replies so that length gives nothing away"), percentText(lengths), *max_longest_share) << "\n";

    return errors > 0 || too_long ? 1 : 0;
}

}  // namespace frontline::cli
