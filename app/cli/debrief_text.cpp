#include "debrief_text.hpp"
#include <algorithm>
#include "cli_support.hpp"

namespace frontline::cli {

void printDebrief(const ScoreReport& r, const Sop& sop, std::ostream& out) {
    const auto shown = static_cast<size_t>(std::clamp(r.stars, 0, 3));  // a damaged stored report may hold anything
    std::string stars = std::string(shown, '*') + std::string(3 - shown, '.');
    out << "\n================ DEBRIEF ================\n";
    out << (r.passed ? "PASSED" : "NOT PASSED") << "   [" << stars << "]   " << r.points.total << " points   SOP adherence "
        << r.adherence << "%\n";
    out << "Outcome: " << r.outcome_title << "\n";
    for (const auto& cap : r.star_caps) out << "Stars capped at " << cap.max_stars << ": " << cap.text << "\n";
    if (!r.breaches.empty()) {
        out << "\nRules broken:\n";
        for (const auto& b : r.breaches)
            out << "  " << (b.critical ? "CRITICAL " : "") << "[" << b.severity << "] " << b.title << " (" << b.source << ")"
                << (sop.step(b.step) ? "  charged to Step " + std::to_string(sop.step(b.step)->number) : std::string()) << "\n"
                << "      " << b.explanation << "\n";
        if (r.critical_failure) out << "  A critical breach fails the call, whatever the points (QA auto-fail).\n";
    }
    out << "\nSOP scorecard:\n";
    for (const auto& s : r.steps) {
        if (!s.required && !s.covered) continue;
        out << "  " << s.number << ". " << s.title << std::string(s.title.size() < 32 ? 32 - s.title.size() : 1, ' ')
            << (s.required ? std::to_string(s.score) + "/100" : std::string("(not required)"));
        if (!s.covered) out << "  missed";
        else if (!s.in_order) out << "  out of order";
        out << "\n";
        for (const auto& reason : s.reasons) out << "       - " << reason << "\n";
    }
    const auto& m = r.metrics;
    out << "\nMetrics:\n"
        << "  Handle time   " << formatDuration(m.handle_seconds) << " (target " << formatDuration(m.target_handle_seconds) << ")"
        << (m.within_handle_target ? "  ok" : "  over") << "\n"
        << "                = talk " << formatDuration(m.talk_seconds) << " + hold " << formatDuration(m.hold_seconds)
        << " + wrap-up " << formatDuration(m.wrap_up_seconds) << " (answer to wrap-up complete)\n"
        << "  Answered in   " << durationText(m.answer_seconds) << " (target " << durationText(m.target_answer_seconds) << ")\n"
        << "  First contact resolution  " << (m.fcr ? "yes" : "no") << "\n"
        << "  CSAT estimate " << m.csat << "/5 (target " << m.target_csat << ")\n";
    out << "\nPoints: base " << r.points.base;
    for (const auto& b : r.points.bonuses) out << ", " << b.label << " +" << b.points;
    for (const auto& p : r.points.penalties) out << ", " << p.label << " " << p.points;
    out << " = " << r.points.total << "\n";
    out << "\nYour decisions:\n";
    for (const auto& d : r.decisions) {
        out << "  " << (d.good ? "+ " : "- ") << d.text;
        if (d.points != 0) out << "  (" << (d.points > 0 ? "+" : "") << d.points << ")";
        out << "\n";
        for (const auto& rule : d.broken)
            if (const auto* sr = sop.rule(rule)) out << "      broke: " << sr->title << "\n";
        if (!d.feedback.empty()) out << "      " << d.feedback << (d.sop_ref.empty() ? "" : " [" + d.sop_ref + "]") << "\n";
    }
    if (!r.strengths.empty()) {
        out << "\nWhat went well:\n";
        for (const auto& s : r.strengths) out << "  * " << s << "\n";
    }
}

}  // namespace frontline::cli
