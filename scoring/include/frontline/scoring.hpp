#pragma once
// Scoring an attempt against the SOP, QA-scorecard style. Pure functions of the engine's event log
// plus the SOP, the scenario and the organisation settings: no I/O, no clock, no randomness.
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/event_log.hpp"
#include "frontline/scenario.hpp"
#include "frontline/settings.hpp"
#include "frontline/sop.hpp"

namespace frontline {

struct StepScore {
    std::string step;  // SOP step id
    int number = 0;
    std::string title;
    bool required = false;  // counted in adherence for this attempt
    bool covered = false;
    bool in_order = true;
    int score = 0;  // 0..100
    std::vector<std::string> reasons;  // why points were lost (or "Covered in order")
};

struct Breach {
    std::string rule;  // SOP rule id
    std::string title;
    std::string severity;  // minor | major | critical
    bool critical = false;
    int event_seq = -1;   // the decision that broke it (-1: found at wrap-up / end)
    std::string explanation;  // feedback text for the trainee
    std::string source;       // SOP citation
    int penalty = 0;          // points it cost, negative: -10 minor, -25 major, -50 critical
    std::string step;         // the SOP step it was charged to (the rule's, or the decision's: SopRule::lands_on)
};

// A condition that kept the stars below three (the debrief says which).
struct StarCap {
    std::string condition;  // critical_breach | not_passed | major_breach | late_answer | csat_below_target |
                            // adherence_below_excellent | over_handle_time
    std::string text;       // for the trainee, e.g. "CSAT 3.6 is below the 4.2 target"
    int max_stars = 2;      // the most stars this condition allows
};

struct PointsLine {
    std::string label;  // "Empathy", "First-contact resolution", "Late answer"…
    int points = 0;
};

struct Points {
    int base = 0;  // sum of chosen options' points
    std::vector<PointsLine> bonuses;
    std::vector<PointsLine> penalties;  // negative numbers
    int total = 0;  // never below 0
    int longest_streak = 0;  // longest run of SOP-perfect decisions
};

struct SimMetrics {
    int handle_seconds = 0;  // answer -> wrap-up complete (AHT for this attempt)
    // handle_seconds in parts that add up to it: hold, the wrap-up form, and talk (the rest:
    // speaking, silence and desk work while the customer is on the line).
    int talk_seconds = 0;
    int hold_seconds = 0;
    int wrap_up_seconds = 0;
    int target_handle_seconds = 0;
    bool within_handle_target = false;
    bool fcr = false;  // resolved on first contact
    double csat = 0;   // 1.0 .. 5.0 estimated from the final mood
    double target_csat = 0;
    int answer_seconds = 0;  // speed of answer
    int target_answer_seconds = 0;
    int final_mood = 0;
    int slow_responses = 0;  // waits over the target: slow chat replies, dead air on a call
};

struct DecisionReview {
    int seq = 0;
    int clock = 0;
    std::string kind;  // choice | desk | wrap_up | answer | wait
    std::string text;
    int points = 0;
    std::vector<std::string> steps;
    std::vector<std::string> honoured;
    std::vector<std::string> broken;
    std::string feedback;
    std::string sop_ref;
    bool good = false;  // no rule broken and points >= 0
};

struct WrapUpReview {
    bool submitted = false;
    bool disposition_correct = false;
    std::string expected_disposition;
    bool category_correct = true;
    std::vector<std::string> notes_missing;  // expected mentions not found in the notes
    bool follow_up_required = false;
    bool follow_up_created = false;
};

struct ScoreReport {
    std::string scenario_id;
    std::string sop_version;
    std::string outcome;  // the SOP outcome id
    std::string outcome_title;
    bool success_ending = false;
    bool passed = false;
    bool critical_failure = false;
    int adherence = 0;  // 0..100, mean of required step scores
    int stars = 1;      // 0..3: 0 with a critical breach, 3 only when no StarCap applies
    std::vector<StarCap> star_caps;  // why the stars are not three (empty at three stars)
    Points points;
    SimMetrics metrics;
    std::vector<StepScore> steps;  // in SOP order
    std::vector<Breach> breaches;  // critical first
    std::vector<DecisionReview> decisions;
    WrapUpReview wrap_up;
    std::vector<std::string> strengths;  // short positive notes for the debrief
};

// Scores one attempt as described in docs/content-format.md ("How an attempt is scored"). Never
// throws on odd logs (unknown rule ids, no ending, no wrap-up): they score as what they are.
ScoreReport scoreAttempt(const Sop& sop, const Scenario& scenario, const OrgSettings& settings, const AttemptLog& log);

// Whether wrap-up notes say what `mention` asks for (any synonym from a word start, or any amount).
bool notesSay(const NotesMention& mention, const std::string& notes);

// The point values the scorer uses, so the debrief and docs can quote them.
namespace score_rules {
inline constexpr int kOutOfOrderPenalty = 40;      // step score
inline constexpr int kMinorStepPenalty = 15;       // step score
inline constexpr int kMajorStepPenalty = 35;       // step score
inline constexpr int kNotesMentionPenalty = 10;    // document step, per missing mention
inline constexpr int kCategoryPenalty = 10;        // document step, wrong issue category
inline constexpr int kMinorPoints = -10;
inline constexpr int kMajorPoints = -25;
inline constexpr int kCriticalPoints = -50;
inline constexpr int kDeskToolBonus = 5;           // per expected desk tool used
inline constexpr int kEmpathyBonus = 10;           // once, for empathy in a reply that breaks no rule
inline constexpr int kStreakMinimum = 3;           // a streak this long earns ...
inline constexpr int kStreakBonusPerDecision = 2;  // ... this per decision in it
inline constexpr int kFcrBonus = 20;
inline constexpr int kHandleTimeBonus = 10;
inline constexpr int kDispositionBonus = 10;
inline constexpr int kFollowUpTaskBonus = 10;
inline constexpr int kLateAnswerPoints = -10;
inline constexpr int kLateAnswerStepPenalty = 20;  // answer step: picked up after the target
inline constexpr int kSlowFirstReplyStepPenalty = 20;  // answer step: first chat reply after the response target
inline constexpr int kSlowReplyPoints = -5;  // per slow chat reply / dead air on a call (Wait with data.slow)
}  // namespace score_rules

// CSAT estimate from a 0..100 mood: 1.0 + 4 * mood / 100, one decimal.
double csatFromMood(int mood);
// A wait as a person reads it: "40 s", "5 min", "26 h" (an email's reply is counted in hours).
std::string durationText(int seconds);

// JSON with the member names as keys (the CLI's --json, the store). from_json accepts reports
// written by older versions: missing keys keep their defaults.
void to_json(nlohmann::json& j, const ScoreReport& r);
void from_json(const nlohmann::json& j, ScoreReport& r);

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StepScore, step, number, title, required, covered, in_order, score, reasons)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Breach, rule, title, severity, critical, event_seq, explanation, source,
                                                penalty, step)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StarCap, condition, text, max_stars)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PointsLine, label, points)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Points, base, bonuses, penalties, total, longest_streak)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SimMetrics, handle_seconds, talk_seconds, hold_seconds, wrap_up_seconds,
                                                target_handle_seconds, within_handle_target,
                                                fcr, csat, target_csat, answer_seconds, target_answer_seconds,
                                                final_mood, slow_responses)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DecisionReview, seq, clock, kind, text, points, steps, honoured, broken,
                                                feedback, sop_ref, good)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(WrapUpReview, submitted, disposition_correct, expected_disposition,
                                                category_correct, notes_missing, follow_up_required, follow_up_created)

}  // namespace frontline
