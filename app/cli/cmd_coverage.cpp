// frontline coverage — which scenarios and questions exercise each SOP step, rule, escalation
// trigger and topic. Exit 1 when a step or a critical rule has no scenario or no question (the CI
// gate); --strict extends the gate to every rule, trigger and topic.
#include <iostream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/coverage.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {
namespace {

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out.empty() ? "—" : out;
}

std::string missingWhat(const CoverageItem& item) {
    if (item.scenarios.empty() && item.questions.empty()) return tr("no scenario and no question");
    return item.scenarios.empty() ? tr("no scenario") : tr("no question");
}


// The gap's reason in the JSON stays English (it is read by scripts).
std::string missingKey(const CoverageItem& item) {
    if (item.scenarios.empty() && item.questions.empty()) return "no scenario and no question";
    return item.scenarios.empty() ? "no scenario" : "no question";
}

}  // namespace

int cmdCoverage(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--strict", "--brief"}, {}, {}, {}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline coverage [--json] [--strict] [--brief] [--content DIR]\n"
                  "Lists every SOP step, rule, escalation trigger and topic with the scenarios and questions\n"
                  "that exercise it. Exit 1 when a step or a critical rule has no scenario or no question;\n"
                  "--strict: when anything has none. --brief: counts only, no id lists.\n");
        return 0;
    }
    auto content = loadContentOrReport(args, io);
    if (!content) return 1;
    QuizLibrary quizzes = loadQuizLibrary(content->paths.root / "questions", content->sop);
    for (const auto& f : quizzes.failed)
        for (const auto& d : f.diagnostics)
            if (d.severity == Severity::Error) io.err << format(d) << "\n";

    const bool strict = args.has("--strict");
    CoverageReport report = buildCoverage(content->sop, content->scenarios, quizzes.banks);
    auto gaps = report.gaps(strict);

    if (args.has("--json")) {
        nlohmann::json j = report;
        j["strict"] = strict;
        j["gaps"] = nlohmann::json::array();
        for (const auto* g : gaps) j["gaps"].push_back({{"kind", coverageKindName(g->kind)}, {"id", g->id}, {"missing", missingKey(*g)}});
        io.out << jsonText(j) << "\n";
        return gaps.empty() ? 0 : 1;
    }

    io.out << fmt(tr("SOP coverage: {0}, {1}"),
                  fmt(trn("{0} scenario", "{0} scenarios", static_cast<unsigned long>(report.scenario_count)), report.scenario_count),
                  fmt(trn("{0} question", "{0} questions", static_cast<unsigned long>(report.question_count)), report.question_count))
           << "\n";
    io.out << padded("", 2) << padded(tr("kind"), 9) << padded(tr("id"), 36) << padded(tr("scenarios"), 11) << tr("questions") << "\n";
    CoverageKind previous = CoverageKind::Topic;
    bool first = true;
    for (const auto& item : report.items) {
        if (!first && item.kind != previous) io.out << "\n";
        first = false;
        previous = item.kind;
        const bool gap = (strict || item.gated) && (item.scenarios.empty() || item.questions.empty());
        std::string kind = coverageKindName(item.kind);
        if (item.severity == "critical") kind += "!";
        io.out << (gap ? "x " : "  ") << padded(kind, 9) << padded(item.id, 36) << padded(std::to_string(item.scenarios.size()), 11)
               << item.questions.size() << (gap ? "   <- " + missingWhat(item) : std::string()) << "\n";
        if (!args.has("--brief")) {
            io.out << "      " << fmt(tr("scenarios: {0}"), joined(item.scenarios)) << "\n";
            io.out << "      " << fmt(tr("questions: {0}"), joined(item.questions)) << "\n";
        }
    }
    io.out << "\n" << (strict ? tr("(rule! = critical rule; x = gap in the strict gate)") : tr("(rule! = critical rule; x = gap in the gate)")) << "\n";
    if (gaps.empty()) {
        io.out << (strict ? tr("Gate: every SOP step and critical rule, and every other rule, trigger and topic, is exercised by at "
                               "least one scenario and one question.")
                          : tr("Gate: every SOP step and critical rule is exercised by at least one scenario and one question."))
               << "\n";
        return 0;
    }
    io.out << fmt(trn("Gate FAILED: {0} item not exercised:", "Gate FAILED: {0} items not exercised:", gaps.size()), gaps.size()) << "\n";

    for (const auto* g : gaps) io.out << "  " << coverageKindName(g->kind) << " " << g->id << ": " << missingWhat(*g) << "\n";
    return 1;
}

}  // namespace frontline::cli
