// One trainee opened from the Team roster or heatmap: where they stand on each policy (what is
// missing, or for a certified agent what the renewal needs), their own weekly trend, their recent
// attempts with a Replay link into History, their exams and their certificates. Read on opening
// (a few indexed rows), not per frame.
#include <algorithm>
#include <cstdio>
#include <imgui.h>
#include "frontline/certs.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

constexpr int kRecentAttempts = 30;

const TeamMember* memberOf(const TeamOverview& overview, std::int64_t id) {
    for (const auto& m : overview.members)
        if (m.trainee.id == id) return &m;
    return nullptr;
}

void replay(AppState& app, std::int64_t attempt_id) {
    app.history.everyone = true;  // the attempt is the trainee's, not the manager's profile's
    app.history.list_valid = false;
    app.history.selected = attempt_id;
    app.history.replay_step = 0;
    navigate(app, ScreenId::History);
}

void drawStatuses(const TeamMember& m) {
    for (const auto& s : m.statuses) {
        ImGui::PushID(s.policy_id.c_str());
        certificationStatusChip(s.status);
        ImGui::SameLine();
        ImGui::TextUnformatted(s.policy_title.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", statusDetail(s).c_str());
        if (!s.missing.empty()) {
            // A certified agent's unmet requirements are what the next renewal needs. Folded: the
            // attempts below matter more at a glance than the full list.
            const bool renewal = s.certificate && (s.status == CertStatus::Certified || s.status == CertStatus::RefresherDue);
            const std::string fold = fmt(renewal ? tr("For renewal ({0})") : tr("Still missing ({0})"), s.missing.size()) + "###fold";
            const bool open = ImGui::TreeNode(fold.c_str());
            recordItem((std::string(renewal ? "renewal:" : "missing:") + s.policy_id).c_str());
            if (open) {
                ImGui::PushTextWrapPos(0.0f);
                for (const auto& line : s.missing) ImGui::TextDisabled("%s", line.c_str());
                ImGui::PopTextWrapPos();
                ImGui::TreePop();
            }
        }
        ImGui::PopID();
    }
}

void drawAttempts(AppState& app, const TraineeDrillDown& d) {
    iconText(icon::kHistory, colour::kInfo, tr("Recent attempts"));
    if (d.attempts.empty()) mutedText(tr("No attempts yet."));
    if (d.attempts.empty() || !ImGui::BeginTable("##drill-attempts", 4, ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn(tr("scenario"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("score"), ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    ImGui::TableSetupColumn(tr("when"), ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn(tr("replay"), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(tr("Replay")).x + em(1.2f));
    for (const auto& a : d.attempts) {
        ImGui::PushID(static_cast<int>(a.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        starRating(a.stars, 3, 0.8f);
        ImGui::SameLine();
        ImGui::TextUnformatted(a.scenario_title.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        // A critical breach fails the call whatever the adherence: red, with the reason on hover.
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(a.critical_failure ? colour::kBad : scoreColour(a.adherence)), "%d%%%s",
                           a.adherence, a.critical_failure ? " !" : "");
        if (a.critical_failure) tooltip(tr("Critical breach: the call failed"));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", shortDate(a.finished_at).c_str());
        ImGui::TableNextColumn();
        if (button(tr("Replay"), ButtonKind::Subtle)) replay(app, a.id);
        recordItem(("replay:" + std::to_string(a.id)).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void drawQuizzesAndCertificates(const TraineeDrillDown& d) {
    iconText(icon::kQuestion, colour::kInfo, tr("Exams"));
    int shown = 0;
    for (const auto& q : d.quizzes) {
        if (q.mode != "exam") continue;
        ++shown;
        ImGui::TextDisabled("%s  %s  %d%%  %s", shortDate(q.finished_at).c_str(), q.exam_id.c_str(), q.score_percent,
                            q.passed ? tr("passed") : tr("not passed"));
    }
    if (shown == 0) mutedText(tr("No exams taken."));
    ImGui::Spacing();
    iconText(icon::kCertificate, colour::kGold, tr("Certificates"));
    if (d.certificates.empty()) mutedText(tr("None issued."));
    for (const auto& c : d.certificates)
        ImGui::TextDisabled(c.revoked_at.empty() ? tr("%s  issued %s, valid until %s") : tr("%s  issued %s, valid until %s  (revoked)"),
                            c.policy_title.c_str(), i18n::shortDate(dateOfUtc(c.issued_at)).c_str(), i18n::shortDate(dateOfUtc(c.expires_at)).c_str());
}

}  // namespace

void openTraineeDrillDown(AppState& app, std::int64_t trainee_id) {
    TraineeDrillDown& d = app.certification.drill;
    d = TraineeDrillDown{};
    d.trainee_id = trainee_id;
    if (trainee_id == 0 || !app.store) return;
    try {
        d.attempts = app.store->attempts(trainee_id, kRecentAttempts);
        d.quizzes = app.store->quizAttempts(trainee_id);
        std::reverse(d.quizzes.begin(), d.quizzes.end());
        d.certificates = app.store->certificates(trainee_id);
        d.weeks = app.store->weeklyStats(trainee_id, "");
        d.has_pin = app.store->traineePinSet(trainee_id);
    } catch (const StoreError& e) {
        d.error = fmt(tr("Could not read this trainee's records: {0}"), e.what());
    }
}

void drawTraineeDrillDown(AppState& app, const TeamOverview& overview, float height) {
    TraineeDrillDown& d = app.certification.drill;
    const TeamMember* m = memberOf(overview, d.trainee_id);
    if (!m) return;
    ImGui::BeginChild("##drill", ImVec2(0, height), false);
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(m->trainee.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m->trainee.team.empty() ? tr("no team") : m->trainee.team.c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - em(4));
    if (button(tr("Close"), ButtonKind::Subtle)) openTraineeDrillDown(app, 0);
    drawTraineePinReset(app, m->trainee, d.has_pin);
    if (!d.error.empty()) wrappedText(d.error.c_str(), colour::kBad);
    drawStatuses(*m);
    if (const std::string due = nextRefresher(*m); !due.empty()) ImGui::TextDisabled(tr("Next refresher from %s"), i18n::shortDate(dateOfUtc(due)).c_str());
    ImGui::Spacing();
    drawWeeklyTrends("trend:trainee", d.weeks, ImGui::GetContentRegionAvail().x, em(11));
    ImGui::Spacing();
    drawAttempts(app, d);
    ImGui::Spacing();
    drawQuizzesAndCertificates(d);
    ImGui::EndChild();
}

}  // namespace frontline::ui
