// frontline coverage — which scenarios and questions exercise each SOP step, rule, escalation
// trigger and topic. Exit 1 when a step or a critical rule has no scenario or no question (the CI
// gate); --strict extends the gate to every rule, trigger and topic.
#include <iostream>
#include "cli_support.hpp"
#include "frontline/coverage.hpp"

namespace frontline::cli {
namespace {

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out.empty() ? "—" : out;
}

std::string missingWhat(const CoverageItem& item) {
    if (item.scenarios.empty() && item.questions.empty()) return "no scenario and no question";
    return item.scenarios.empty() ? "no scenario" : "no question";
}

std::string padded(std::string text, size_t width) {
    if (text.size() < width) text += std::string(width - text.size(), ' ');
    return text;
}

}  // namespace

int cmdCoverage(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--strict", "--brief"}, {}, {}, {}});
    if (args.has("--help")) {
        io.out << "usage: frontline coverage [--json] [--strict] [--brief] [--content DIR]\n"
                  "Lists every SOP step, rule, escalation trigger and topic with the scenarios and questions\n"
                  "that exercise it. Exit 1 when a step or a critical rule has no scenario or no question;\n"
                  "--strict: when anything has none. --brief: counts only, no id lists.\n";
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
        for (const auto* g : gaps) j["gaps"].push_back({{"kind", coverageKindName(g->kind)}, {"id", g->id}, {"missing", missingWhat(*g)}});
        io.out << jsonText(j) << "\n";
        return gaps.empty() ? 0 : 1;
    }

    io.out << "SOP coverage: " << report.scenario_count << " scenarios, " << report.question_count << " questions\n";
    io.out << padded("", 2) << padded("kind", 9) << padded("id", 36) << padded("scenarios", 11) << "questions\n";
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
            io.out << "      scenarios: " << joined(item.scenarios) << "\n";
            io.out << "      questions: " << joined(item.questions) << "\n";
        }
    }
    io.out << "\n(rule! = critical rule; x = gap in the " << (strict ? "strict " : "") << "gate)\n";
    if (gaps.empty()) {
        io.out << "Gate: every SOP step and critical rule" << (strict ? ", and every other rule, trigger and topic," : "")
               << " is exercised by at least one scenario and one question.\n";
        return 0;
    }
    io.out << "Gate FAILED: " << gaps.size() << " item(s) not exercised:\n";
    for (const auto* g : gaps) io.out << "  " << coverageKindName(g->kind) << " " << g->id << ": " << missingWhat(*g) << "\n";
    return 1;
}

}  // namespace frontline::cli
