#include "debrief_text.hpp"
#include <algorithm>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {

namespace {

void printBreaches(const ScoreReport& r, const Sop& sop, std::ostream& out) {
    if (r.breaches.empty()) return;
    out << "\n" << tr("Rules broken:") << "\n";
    for (const auto& b : r.breaches) {
        out << "  " << (b.critical ? std::string(tr("CRITICAL")) + " " : "") << "[" << b.severity << "] " << b.title << " (" << b.source << ")";
        if (const auto* step = sop.step(b.step)) out << "  " << fmt(tr("charged to Step {0}"), step->number);
        out << "\n      " << b.explanation << "\n";
    }
    if (r.critical_failure) out << "  " << tr("A critical breach fails the call, whatever the points (QA auto-fail).") << "\n";
}

void printScorecard(const ScoreReport& r, std::ostream& out) {
    out << "\n" << tr("SOP scorecard:") << "\n";
    for (const auto& s : r.steps) {
        if (!s.required && !s.covered) continue;
        out << "  " << s.number << ". " << s.title << std::string(s.title.size() < 32 ? 32 - s.title.size() : 1, ' ')
            << (s.required ? std::to_string(s.score) + "/100" : std::string(tr("(not required)")));
        if (!s.covered) out << "  " << tr("missed");
        else if (!s.in_order) out << "  " << tr("out of order");
        out << "\n";
        for (const auto& reason : s.reasons) out << "       - " << reason << "\n";
    }
}

void printMetrics(const ScoreReport& r, std::ostream& out) {
    const auto& m = r.metrics;
    // The figures start one space after the longest of the three labels, in any language.
    size_t width = 0;
    for (const char* name : {N_("Handle time"), N_("Answered in"), N_("CSAT estimate")}) width = std::max(width, utf8::length(tr(name)) + 1);
    const auto label = [&](const char* name) { return padded(tr(name), width); };
    out << "\n" << tr("Metrics:") << "\n"
        << "  " << label("Handle time") << fmt(tr("{0} (target {1})"), formatDuration(m.handle_seconds), formatDuration(m.target_handle_seconds))
        << "  " << (m.within_handle_target ? tr("ok") : tr("over")) << "\n"
        << "  " << std::string(width, ' ')
        << fmt(tr("= talk {0} + hold {1} + wrap-up {2} (answer to wrap-up complete)"), formatDuration(m.talk_seconds),
               formatDuration(m.hold_seconds), formatDuration(m.wrap_up_seconds))
        << "\n"
        << "  " << label("Answered in") << fmt(tr("{0} (target {1})"), durationText(m.answer_seconds), durationText(m.target_answer_seconds))
        << "\n"
        << "  " << tr("First contact resolution") << "  " << (m.fcr ? tr("yes") : tr("no")) << "\n"
        << "  " << label("CSAT estimate") << fmt(tr("{0}/5 (target {1})"), i18n::decimal(m.csat, 1), i18n::decimal(m.target_csat, 1)) << "\n";
    out << "\n" << fmt(tr("Points: base {0}"), r.points.base);
    for (const auto& b : r.points.bonuses) out << ", " << b.label << " +" << b.points;
    for (const auto& p : r.points.penalties) out << ", " << p.label << " " << p.points;
    out << " = " << r.points.total << "\n";
}

void printDecisions(const ScoreReport& r, const Sop& sop, std::ostream& out) {
    out << "\n" << tr("Your decisions:") << "\n";
    for (const auto& d : r.decisions) {
        out << "  " << (d.good ? "+ " : "- ") << d.text;
        if (d.points != 0) out << "  (" << (d.points > 0 ? "+" : "") << d.points << ")";
        out << "\n";
        for (const auto& rule : d.broken)
            if (const auto* sr = sop.rule(rule)) out << "      " << fmt(tr("broke: {0}"), sr->title) << "\n";
        if (!d.feedback.empty()) out << "      " << d.feedback << (d.sop_ref.empty() ? "" : " [" + d.sop_ref + "]") << "\n";
    }
    if (!r.strengths.empty()) {
        out << "\n" << tr("What went well:") << "\n";
        for (const auto& s : r.strengths) out << "  * " << s << "\n";
    }
}

}  // namespace

void printDebrief(const ScoreReport& r, const Sop& sop, std::ostream& out) {
    const auto shown = static_cast<size_t>(std::clamp(r.stars, 0, 3));  // a damaged stored report may hold anything
    std::string stars = std::string(shown, '*') + std::string(3 - shown, '.');
    // TRANSLATORS: the banner above the terminal debrief; keep it short (the e2e tests look for the English one).
    out << "\n================ " << tr("DEBRIEF") << " ================\n";
    out << (r.passed ? tr("PASSED") : tr("NOT PASSED")) << "   [" << stars << "]   "
        << fmt(tr("{0} points   SOP adherence {1}%"), r.points.total, r.adherence) << "\n";
    out << fmt(tr("Outcome: {0}"), r.outcome_title) << "\n";
    for (const auto& cap : r.star_caps) out << fmt(tr("Stars capped at {0}: {1}"), cap.max_stars, cap.text) << "\n";
    printBreaches(r, sop, out);
    printScorecard(r, out);
    printMetrics(r, out);
    printDecisions(r, sop, out);
}

}  // namespace frontline::cli
