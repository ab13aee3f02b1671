// Progression: levels, streaks, badges, per-scenario bests, weakest step, what to play next.
#include "frontline/progression.hpp"
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include "frontline/i18n.hpp"

namespace frontline {
namespace {

bool hasTag(const AttemptSummary& a, std::initializer_list<const char*> wanted) {
    return std::any_of(a.tags.begin(), a.tags.end(), [&](const std::string& tag) {
        return std::any_of(wanted.begin(), wanted.end(), [&](const char* w) { return tag == w; });
    });
}

bool hasTagContaining(const AttemptSummary& a, const std::string& fragment) {
    return std::any_of(a.tags.begin(), a.tags.end(),
                       [&](const std::string& tag) { return tag.find(fragment) != std::string::npos; });
}

int stepScore(const AttemptSummary& a, const std::string& step) {
    for (const auto& [id, score] : a.step_scores) {
        if (id == step) return score;
    }
    return -1;  // not required in that attempt
}

// A badge and the rule that advances it: given the attempts so far (chronological, the newest last)
// and derived state, returns the progress towards the goal.
struct BadgeRule {
    Badge badge;
    std::function<int(const AttemptSummary& latest)> advance;  // progress after `latest`
};

// The badge wall shows the title and how to earn it in the language in effect; the id stays.
Badge makeBadge(const char* id, const char* title, const char* description, int goal = 1) {
    Badge b;
    b.id = id;
    b.title = trc("badge", title);
    b.description = tr(description);
    b.goal = goal;
    return b;
}

// Consecutive days ending at `day` that are in `days`.
int runEndingAt(const std::set<long>& days, long day) {
    int run = 0;
    while (days.count(day - run)) ++run;
    return run;
}

}  // namespace

int pointsForLevel(int level) {
    if (level <= 0) return 0;
    const long long l = level;
    return static_cast<int>(std::min<long long>(150LL * l * (l + 1) / 2, 2147483647LL));
}

int levelForPoints(int points) {
    int level = 0;
    while (pointsForLevel(level + 1) <= points && pointsForLevel(level + 1) > pointsForLevel(level)) ++level;
    return level;
}

std::optional<long> isoDayNumber(const std::string& iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(iso[static_cast<size_t>(i)]))) return std::nullopt;
    }
    const int y = std::stoi(iso.substr(0, 4));
    const int m = std::stoi(iso.substr(5, 2));
    const int d = std::stoi(iso.substr(8, 2));
    static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDaysInMonth[m - 1]) return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) return std::nullopt;
    // Days from civil (proleptic Gregorian), shifted so the year starts in March.
    const int yy = y - (m <= 2 ? 1 : 0);
    const long era = (yy >= 0 ? yy : yy - 399) / 400;
    const long yoe = yy - era * 400;
    const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

AttemptSummary summarizeAttempt(const ScoreReport& report, const Scenario* scenario, const std::string& finished_at) {
    AttemptSummary a;
    a.scenario_id = report.scenario_id;
    a.finished_at = finished_at;
    a.passed = report.passed;
    a.critical_failure = report.critical_failure;
    a.stars = report.stars;
    a.points = report.points.total;
    a.adherence = report.adherence;
    a.outcome = report.outcome;
    for (const StepScore& s : report.steps) {
        if (s.required) a.step_scores.emplace_back(s.step, s.score);
    }
    a.answer_seconds = report.metrics.answer_seconds;
    a.target_answer_seconds = report.metrics.target_answer_seconds;
    a.breaches = static_cast<int>(report.breaches.size());
    if (scenario) {
        a.tags = scenario->tags;
        a.channel = channelName(scenario->channel);
        a.difficulty = scenario->difficulty;
    }
    return a;
}

const ScenarioProgress* Progress::scenario(const std::string& id) const {
    for (const ScenarioProgress& s : scenarios) {
        if (s.scenario_id == id) return &s;
    }
    return nullptr;
}

const Badge* Progress::badge(const std::string& id) const {
    for (const Badge& b : badges) {
        if (b.id == id) return &b;
    }
    return nullptr;
}

int Progress::earnedBadges() const {
    return static_cast<int>(std::count_if(badges.begin(), badges.end(), [](const Badge& b) { return b.earned; }));
}

Progress computeProgress(const std::vector<AttemptSummary>& attempts, const std::vector<std::string>& onboarding,
                         const std::string& follow_up_step, const std::string& warm_transfer_outcome) {
    Progress p;
    std::vector<const AttemptSummary*> ordered;
    for (const AttemptSummary& a : attempts) ordered.push_back(&a);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const AttemptSummary* a, const AttemptSummary* b) { return a->finished_at < b->finished_at; });

    // State the badge rules read, updated before the rules run for each attempt.
    int completed = 0, passed = 0, clean_verifications = 0, on_time_answers = 0, three_star_run = 0;
    std::set<int> difficulties_passed;
    std::set<long> pass_days;
    int best_day_run = 0;

    auto counter = [](const int& value) { return [&value](const AttemptSummary&) { return value; }; };
    auto once = [](std::function<bool(const AttemptSummary&)> test) {
        return [test](const AttemptSummary& a) { return test(a) ? 1 : 0; };
    };
    std::vector<BadgeRule> rules = {
        {makeBadge("first_call", NC_("badge", "First contact"), N_("Complete your first scenario.")), counter(completed)},
        {makeBadge("first_pass", NC_("badge", "On the floor"), N_("Pass a scenario.")), counter(passed)},
        {makeBadge("identity_guardian", NC_("badge", "Identity guardian"),
                   N_("Pass 3 identity-verification scenarios without breaking a single SOP rule."), 3),
         counter(clean_verifications)},
        {makeBadge("cool_head", NC_("badge", "Cool head"), N_("Pass a scenario with an irate or difficult customer.")),
         once([](const AttemptSummary& a) {
             return a.passed && hasTag(a, {"irate", "difficult_customer", "angry_customer", "complaint"});
         })},
        {makeBadge("warm_hands", NC_("badge", "Warm hands"), N_("Pass an escalation scenario: warm transfer with full context.")),
         once([&warm_transfer_outcome](const AttemptSummary& a) {
             const bool warm = !warm_transfer_outcome.empty() && a.outcome == warm_transfer_outcome;
             return a.passed && (hasTag(a, {"escalation"}) || warm);
         })},
        {makeBadge("perfect_scorecard", NC_("badge", "Perfect scorecard"),
                   // xgettext:no-c-format
                   N_("Pass a scenario with 100% SOP adherence.")),
         once([](const AttemptSummary& a) { return a.passed && a.adherence >= 100; })},
        {makeBadge("quick_draw", NC_("badge", "Quick draw"), N_("Answer 5 interactions within the target time."), 5),
         counter(on_time_answers)},
        {makeBadge("chat_juggler", NC_("badge", "Chat juggler"), N_("Pass a chat scenario with concurrent chats.")),
         once([](const AttemptSummary& a) {
             return a.passed && a.channel == "chat" && hasTag(a, {"concurrent_chats"});
         })},
        {makeBadge("promise_keeper", NC_("badge", "Promise keeper"),
                   N_("Pass a scenario where you promised a follow-up and created the task.")),
         once([&follow_up_step](const AttemptSummary& a) {
             return a.passed && !follow_up_step.empty() && stepScore(a, follow_up_step) == 100;
         })},
        {makeBadge("hat_trick", NC_("badge", "Hat-trick"), N_("Earn three stars on 3 attempts in a row."), 3), counter(three_star_run)},
        {makeBadge("all_rounder", NC_("badge", "All-rounder"),
                   N_("Pass a scenario at every difficulty: intro, intermediate and advanced."), 3),
         [&difficulties_passed](const AttemptSummary&) { return static_cast<int>(difficulties_passed.size()); }},
        {makeBadge("steady_habit", NC_("badge", "Steady habit"), N_("Pass at least one scenario a day, 5 days in a row."), 5),
         counter(best_day_run)},
    };

    std::map<std::string, ScenarioProgress> per_scenario;
    for (const AttemptSummary* ap : ordered) {
        const AttemptSummary& a = *ap;
        ++completed;
        ++p.attempts;
        p.total_points += std::max(0, a.points);
        if (a.passed) ++passed;
        if (a.passed && a.breaches == 0 && hasTagContaining(a, "verif")) ++clean_verifications;
        if (a.target_answer_seconds > 0 && a.answer_seconds <= a.target_answer_seconds) ++on_time_answers;
        three_star_run = a.stars >= 3 ? three_star_run + 1 : 0;
        if (a.passed && a.difficulty >= 1 && a.difficulty <= 3) difficulties_passed.insert(a.difficulty);
        if (auto day = isoDayNumber(a.finished_at); day && a.passed) {
            pass_days.insert(*day);
            best_day_run = std::max(best_day_run, runEndingAt(pass_days, *day));
        }

        for (BadgeRule& r : rules) {
            const int progress = std::min(r.badge.goal, std::max(r.badge.progress, r.advance(a)));
            r.badge.progress = progress;
            if (!r.badge.earned && progress >= r.badge.goal) {
                r.badge.earned = true;
                r.badge.earned_at = a.finished_at;
            }
        }

        ScenarioProgress& s = per_scenario[a.scenario_id];
        s.scenario_id = a.scenario_id;
        ++s.attempts;
        s.passed = s.passed || a.passed;
        s.best_stars = std::max(s.best_stars, a.stars);
        s.best_points = std::max(s.best_points, a.points);
        s.best_adherence = std::max(s.best_adherence, a.adherence);
    }
    p.passed = passed;
    for (BadgeRule& r : rules) p.badges.push_back(std::move(r.badge));
    for (auto& [id, s] : per_scenario) p.scenarios.push_back(s);

    p.level = levelForPoints(p.total_points);
    p.points_into_level = p.total_points - pointsForLevel(p.level);
    p.level_span = pointsForLevel(p.level + 1) - pointsForLevel(p.level);
    p.points_to_next_level = p.level_span - p.points_into_level;

    // Streaks: the longest run anywhere, and the run ending on the latest attempt's day.
    for (long day : pass_days) p.best_streak = std::max(p.best_streak, runEndingAt(pass_days, day));
    std::optional<long> latest_day;
    for (const AttemptSummary* a : ordered) {
        if (auto d = isoDayNumber(a->finished_at); d && (!latest_day || *d > *latest_day)) latest_day = d;
    }
    if (latest_day) p.current_streak = runEndingAt(pass_days, *latest_day);

    // Weakest step: lowest mean score where required; ties go to the step seen first (SOP order).
    std::vector<std::string> step_order;
    std::map<std::string, std::pair<long, int>> step_totals;  // sum, count
    for (const AttemptSummary* a : ordered) {
        for (const auto& [step, score] : a->step_scores) {
            auto [it, inserted] = step_totals.try_emplace(step, 0L, 0);
            if (inserted) step_order.push_back(step);
            it->second.first += std::clamp(score, 0, 100);
            ++it->second.second;
        }
    }
    for (const std::string& step : step_order) {
        const auto& [sum, count] = step_totals[step];
        const double mean = static_cast<double>(sum) / count;
        if (mean < 100.0 && (!p.weakest_step || mean < p.weakest_step->mean_score)) {
            p.weakest_step = WeakStep{step, mean, count};
        }
    }

    for (const std::string& id : onboarding) {
        const ScenarioProgress* s = p.scenario(id);
        if (!s || !s->passed) {
            p.recommended_next = id;
            break;
        }
    }
    if (p.recommended_next.empty()) {
        for (const std::string& id : onboarding) {
            if (p.scenario(id)->best_stars < 3) {
                p.recommended_next = id;
                break;
            }
        }
    }
    return p;
}

}  // namespace frontline
