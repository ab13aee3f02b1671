// The manager's Team view as data: read once (loadTeamOverview), then filtered, sorted and summed.
#include "frontline/team_overview.hpp"
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include "frontline/certs.hpp"
#include "frontline/utf8.hpp"

namespace frontline {

namespace {

// Names and teams compare folded (utf8::foldForSearch: no case, no accents, any script), ties by
// the bytes. Folding costs more than a byte compare, so a sort folds each row once, not per compare.
struct FoldedKeys {
    std::vector<std::string> name, team;
    explicit FoldedKeys(const std::vector<TeamMember>& members) {
        for (const TeamMember& m : members) {
            name.push_back(utf8::foldForSearch(m.trainee.name));
            team.push_back(utf8::foldForSearch(m.trainee.team));
        }
    }
};

bool lessByKey(const std::string& key_a, const std::string& a, const std::string& key_b, const std::string& b) {
    return key_a != key_b ? key_a < key_b : a < b;
}

bool current(CertStatus s) { return s == CertStatus::Certified || s == CertStatus::RefresherDue; }

// "Needs attention first" for the Status column: what a manager acts on sorts to the top.
int attentionRank(CertStatus s) {
    switch (s) {
        case CertStatus::Expired: return 0;
        case CertStatus::Revoked: return 1;
        case CertStatus::RefresherDue: return 2;
        case CertStatus::NotStarted: return 3;
        case CertStatus::InProgress: return 4;
        case CertStatus::Certified: return 5;
    }
    return 6;
}

void addStepCells(TeamOverview& overview, const std::vector<TraineeStepStat>& cells) {
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < overview.steps.size(); ++i) column.emplace(overview.steps[i], i);
    std::map<std::int64_t, TeamMember*> by_id;
    for (auto& m : overview.members) {
        m.steps.assign(overview.steps.size(), StepCell{});
        by_id.emplace(m.trainee.id, &m);
    }
    for (const auto& cell : cells) {
        const auto member = by_id.find(cell.trainee_id);
        const auto col = column.find(cell.step);
        if (member == by_id.end() || col == column.end()) continue;  // a step no longer in the SOP
        member->second->steps[col->second] = StepCell{cell.attempts, cell.mean_score};
    }
}

// `horizon` is dueHorizon(now, filter.due_within_days), worked out once for all members.
bool matchesBy(const TeamMember& member, const TeamFilter& filter, const std::string& horizon) {
    if (!filter.team.empty() && member.trainee.team != filter.team) return false;
    if (!filter.search.empty() && !utf8::containsFolded(member.trainee.name, filter.search)) return false;
    auto any = [&](CertStatus wanted) {
        return std::any_of(member.statuses.begin(), member.statuses.end(), [wanted](const CertificationStatus& s) { return s.status == wanted; });
    };
    switch (filter.status) {
        case StatusFilter::Everyone: return true;
        case StatusFilter::RefresherDue: return any(CertStatus::RefresherDue);
        case StatusFilter::Expired: return any(CertStatus::Expired);
        case StatusFilter::DueWithin: return dueBy(member, horizon);
        case StatusFilter::NotCertified:
            // Holds nothing current at all (the first policy is the entry level).
            return !member.statuses.empty() && !current(member.statuses.front().status);
    }
    return true;
}

}  // namespace

// The last day a refresher may fall due and still count as "due within `days` of `now`".
std::string dueHorizon(const std::string& now, int days) { return addDaysUtc(now, days).value_or(now); }

bool refresherDueBy(const CertificationStatus& s, const std::string& horizon) {
    if (s.status == CertStatus::RefresherDue) return true;
    return s.status == CertStatus::Certified && !s.refresher_due_from.empty() && s.refresher_due_from <= horizon;
}

bool dueBy(const TeamMember& member, const std::string& horizon) {
    return std::any_of(member.statuses.begin(), member.statuses.end(),
                       [&](const CertificationStatus& s) { return refresherDueBy(s, horizon); });
}

TeamOverview loadTeamOverview(const Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                              const OrgSettings& settings, const std::string& now) {
    const auto started = std::chrono::steady_clock::now();
    TeamOverview overview;
    overview.computed_at = now;
    for (const auto& step : content.sop.steps) overview.steps.push_back(step.id);

    std::map<std::int64_t, TraineeActivity> activity;
    for (auto& a : store.traineeActivity()) activity.emplace(a.trainee_id, a);
    std::set<std::string> teams;
    const EvidenceByTrainee evidence = gatherEvidenceOfAll(store, content, now);  // one read for the whole team
    for (const auto& trainee : store.trainees()) {
        if (trainee.manager) continue;  // the manager's own profile is not one of the team's trainees
        TeamMember member;
        member.trainee = trainee;
        if (const auto found = activity.find(trainee.id); found != activity.end()) member.activity = found->second;
        member.activity.trainee_id = trainee.id;
        for (const auto& policy : policies)
            member.statuses.push_back(evaluateCertification(policy, evidence.of(trainee.id), content.sop.version, settings, now));
        if (!trainee.team.empty()) teams.insert(trainee.team);
        overview.members.push_back(std::move(member));
    }
    std::sort(overview.members.begin(), overview.members.end(),
              [](const TeamMember& a, const TeamMember& b) { return utf8::lessFolded(a.trainee.name, b.trainee.name); });
    overview.teams.assign(teams.begin(), teams.end());
    overview.weeks[""] = store.weeklyStats(0, "");
    for (const auto& team : overview.teams) overview.weeks[team] = store.weeklyStats(0, team);
    addStepCells(overview, store.stepStatsByTrainee());
    overview.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return overview;
}

bool refresherDueWithin(const CertificationStatus& s, int days, const std::string& now) {
    return refresherDueBy(s, dueHorizon(now, days));
}

bool dueWithin(const TeamMember& member, int days, const std::string& now) { return dueBy(member, dueHorizon(now, days)); }

bool matches(const TeamMember& member, const TeamFilter& filter, const std::string& now) {
    return matchesBy(member, filter, dueHorizon(now, filter.due_within_days));
}

std::vector<size_t> selectMembers(const TeamOverview& overview, const TeamFilter& filter) {
    const std::string horizon = dueHorizon(overview.computed_at, filter.due_within_days);
    std::vector<size_t> picked;
    for (size_t i = 0; i < overview.members.size(); ++i)
        if (matchesBy(overview.members[i], filter, horizon)) picked.push_back(i);
    const FoldedKeys keys(overview.members);
    auto key_less = [&](size_t ia, size_t ib) {
        const TeamMember& a = overview.members[ia];
        const TeamMember& b = overview.members[ib];
        switch (filter.sort) {
            case TeamSort::Name: break;
            case TeamSort::Team: return lessByKey(keys.team[ia], a.trainee.team, keys.team[ib], b.trainee.team);
            case TeamSort::Status: {
                const int ra = a.statuses.empty() ? 6 : attentionRank(a.statuses.front().status);
                const int rb = b.statuses.empty() ? 6 : attentionRank(b.statuses.front().status);
                return ra < rb;
            }
            case TeamSort::LastActivity: return a.activity.last_activity < b.activity.last_activity;
            case TeamSort::QuizScore: return a.activity.best_quiz_percent < b.activity.best_quiz_percent;
        }
        return lessByKey(keys.name[ia], a.trainee.name, keys.name[ib], b.trainee.name);
    };
    // Stable over the name order loadTeamOverview left: equal keys stay alphabetical.
    std::stable_sort(picked.begin(), picked.end(), [&](size_t a, size_t b) { return filter.descending ? key_less(b, a) : key_less(a, b); });
    return picked;
}

TeamCounts countTeam(const TeamOverview& overview, const std::vector<size_t>& selected) {
    TeamCounts counts;
    int quiz_sum = 0, quiz_takers = 0;
    for (size_t i : selected) {
        const TeamMember& m = overview.members[i];
        ++counts.trainees;
        counts.attempts += m.activity.attempts;
        if (!m.statuses.empty() && current(m.statuses.front().status)) ++counts.certified;
        bool due = false, expired = false;
        for (const auto& s : m.statuses) {
            due |= s.status == CertStatus::RefresherDue;
            expired |= s.status == CertStatus::Expired;
        }
        counts.refresher_due += due ? 1 : 0;
        counts.expired += expired ? 1 : 0;
        if (m.activity.best_quiz_percent >= 0) {
            quiz_sum += m.activity.best_quiz_percent;
            ++quiz_takers;
        }
    }
    if (quiz_takers > 0) counts.best_quiz_mean = (quiz_sum + quiz_takers / 2) / quiz_takers;
    return counts;
}

std::vector<StepSummary> weakestSteps(const TeamOverview& overview, const std::vector<size_t>& selected) {
    std::vector<StepSummary> steps(overview.steps.size());
    std::vector<double> weighted(overview.steps.size(), 0.0);
    for (size_t i : selected) {
        const auto& cells = overview.members[i].steps;
        for (size_t j = 0; j < cells.size() && j < steps.size(); ++j) {
            steps[j].attempts += cells[j].attempts;
            weighted[j] += cells[j].mean_score * cells[j].attempts;
        }
    }
    std::vector<StepSummary> out;
    for (size_t j = 0; j < steps.size(); ++j) {
        if (steps[j].attempts == 0) continue;
        out.push_back({overview.steps[j], steps[j].attempts, weighted[j] / steps[j].attempts});
    }
    std::stable_sort(out.begin(), out.end(), [](const StepSummary& a, const StepSummary& b) { return a.mean_score < b.mean_score; });
    return out;
}

std::string nextRefresher(const TeamMember& member) {
    std::string soonest;
    for (const auto& s : member.statuses)
        if (current(s.status) && !s.refresher_due_from.empty() && (soonest.empty() || s.refresher_due_from < soonest))
            soonest = s.refresher_due_from;
    return soonest;
}

}  // namespace frontline
