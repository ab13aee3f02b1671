// Home: progress at a glance (points, level, streak, badges), what to practise next, stars per
// scenario and recent attempts.
#include <algorithm>
#include <cstdio>
#include <imgui.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "frontline/certs.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

void drawStats(AppState& app) {
    const Progress& p = app.summary.progress;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - gap * 3) / 4;
    char value[32], caption[64];

    std::snprintf(value, sizeof value, "%d", p.total_points);
    statTile("points", icon::kTrophy, colour::kGold, value, tr("points earned"), w);
    ImGui::SameLine();

    std::snprintf(value, sizeof value, tr("Level %d"), p.level);
    std::snprintf(caption, sizeof caption, tr("%d to level %d"), p.points_to_next_level, p.level + 1);
    statTile("level", icon::kLevelUp, colour::kAccent, value, caption, w,
             p.level_span > 0 ? static_cast<float>(p.points_into_level) / static_cast<float>(p.level_span) : 0.0f);
    recordItem("Level");
    ImGui::SameLine();

    std::snprintf(value, sizeof value, "%d", p.current_streak);
    // TRANSLATORS: the caption under the number of days in a row; %d is the longest run.
    std::snprintf(caption, sizeof caption, trn("day streak (best %d)", "days streak (best %d)", static_cast<unsigned long>(p.current_streak)), p.best_streak);
    statTile("streak", icon::kFire, p.current_streak > 0 ? colour::kAccent : colour::kStarEmpty, value, caption, w);
    ImGui::SameLine();
    std::snprintf(value, sizeof value, "%d/%d", p.earnedBadges(), static_cast<int>(p.badges.size()));
    statTile("badges", icon::kCertificate, colour::kInfo, value, tr("badges earned"), w);
}

void drawNext(AppState& app) {
    const std::string next_id = recommendedScenario(app);
    const auto next = findScenario(app, next_id);
    beginTile(0, colour::kAccent);
    sectionHeader(icon::kRoad, tr("Practise next"));
    if (!next) {
        mutedText(tr("No scenarios are loaded. Check the Scenarios screen for content errors."));
        endTile();
        return;
    }
    ImGui::PushFont(font(FontRole::Bold));
    iconText(channelIcon(next->channel), colour::kAccent, next->title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    chip(difficultyText(next->difficulty), colour::kAccentSoft, difficultyColour(next->difficulty));
    mutedText(next->summary.c_str());
    ImGui::Spacing();
    const bool enter = !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    if (iconButton(icon::kPlay, tr("Play now"), ButtonKind::Primary, ImVec2(em(10), em(2.2f))) || enter) startScenario(app, next_id);
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.6f));
    mutedText(tr("or press Enter"));

    if (const auto& weak = app.summary.weakest) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        const SopStep* step = app.content.sop.step(weak->step);
        char line[200];
        std::snprintf(line, sizeof line,
                      trn("Your weakest SOP step: %s (average %d/100 over %d attempt)", "Your weakest SOP step: %s (average %d/100 over %d attempts)",
                          static_cast<unsigned long>(weak->attempts)),
                      step ? step->title.c_str() : weak->step.c_str(), static_cast<int>(weak->mean_score), weak->attempts);
        iconText(icon::kBullseye, colour::kWarn, line);
        if (step && !step->actions.empty()) {
            std::string tip = step->source + ": ";
            for (size_t i = 0; i < step->actions.size(); ++i) tip += (i ? "; " : "") + step->actions[i];
            mutedText(tip.c_str());
        }
    }
    endTile();
}

void drawRecent(AppState& app) {
    sectionHeader(icon::kHistory, tr("Recent attempts"));
    if (app.summary.recent.empty()) {
        mutedText(tr("Nothing yet. Your first call is waiting!"));
        return;
    }
    if (ImGui::BeginTable("##recent", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(tr("Scenario"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(tr("Stars"), ImGuiTableColumnFlags_WidthFixed, em(4.2f));
        ImGui::TableSetupColumn(tr("Points"), ImGuiTableColumnFlags_WidthFixed, em(3.5f));
        ImGui::TableSetupColumn(tr("When"), ImGuiTableColumnFlags_WidthFixed, em(7.5f));
        ImGui::TableHeadersRow();
        for (const auto& a : app.summary.recent) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(a.id));
            ImGui::PushStyleColor(ImGuiCol_Text, a.passed ? colour::kGood : a.critical_failure ? colour::kBad : colour::kWarn);
            ImGui::TextUnformatted(a.passed ? icon::kCheckCircle : icon::kTimesCircle);
            ImGui::PopStyleColor();
            ImGui::SameLine();
            if (ImGui::Selectable(a.scenario_title.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
                app.history.selected = a.id;
                app.history.loaded.reset();
                navigate(app, ScreenId::History);
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            starRating(a.stars);
            ImGui::TableNextColumn();
            ImGui::Text("%d", a.points);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", shortDate(a.finished_at).c_str());
        }
        ImGui::EndTable();
    }
}

void drawScenarioStars(AppState& app) {
    sectionHeader(icon::kStar, tr("Your scenarios"));
    for (const auto& id : onboardingOrder(app)) {
        const auto sc = findScenario(app, id);
        if (!sc) continue;
        ImGui::PushID(sc->id.c_str());
        const int stars = app.summary.bestStars(sc->id);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kInkSoft);
        ImGui::TextUnformatted(channelIcon(sc->channel));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        const float stars_w = em(4.6f);
        const float text_w = ImGui::GetContentRegionAvail().x - stars_w;
        if (ImGui::Selectable(sc->title.c_str(), false, 0, ImVec2(text_w, 0))) {
            app.library.selected = sc->id;
            navigate(app, ScreenId::Library);
        }
        ImGui::SameLine(ImGui::GetContentRegionMax().x - stars_w);
        starRating(stars);
        ImGui::PopID();
    }
}

void drawBadges(AppState& app) {
    sectionHeader(icon::kCertificate, tr("Badges"));
    const auto& badges = app.summary.progress.badges;
    if (badges.empty()) {
        mutedText(tr("Badges appear as you play."));
        return;
    }
    const float cell = em(8.5f);
    const int per_row = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / (cell + ImGui::GetStyle().ItemSpacing.x)));
    int col = 0;
    for (const Badge& b : badges) {
        ImGui::PushID(b.id.c_str());
        if (col++ % per_row != 0) ImGui::SameLine();
        ImGui::BeginGroup();
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float h = em(3.6f);
        draw->AddRectFilled(pos, ImVec2(pos.x + cell, pos.y + h), b.earned ? colour::kWarnSoft : colour::rgb(0xF3EEE8), em(0.6f));
        ImGui::SetCursorScreenPos(ImVec2(pos.x + em(0.5f), pos.y + em(0.35f)));
        ImGui::PushStyleColor(ImGuiCol_Text, b.earned ? colour::kGold : colour::kStarEmpty);
        ImGui::PushFont(font(FontRole::Heading));
        ImGui::TextUnformatted(b.earned ? icon::kTrophy : icon::kLock);
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(pos.x + cell - em(0.3f) - ImGui::GetWindowPos().x + ImGui::GetScrollX());
        ImGui::PushStyleColor(ImGuiCol_Text, b.earned ? colour::kInk : colour::kInkSoft);
        ImGui::TextWrapped("%s", b.title.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::SetCursorScreenPos(ImVec2(pos.x + em(0.5f), pos.y + h - em(1.15f)));
        if (!b.earned && b.goal > 1) {
            char n[32];
            std::snprintf(n, sizeof n, "%d/%d", b.progress, b.goal);
            progressBar(static_cast<float>(b.progress) / static_cast<float>(b.goal), colour::kGold, cell - em(1.0f), em(0.8f), nullptr);
        }
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(cell, h));
        ImGui::EndGroup();
        tooltip(b.description.c_str());
        ImGui::PopID();
    }
}

// Attempts the database refused earlier (read-only, locked, disk full) wait in the recovery
// folder: say so at the top of Home and save them with one click.
void drawUnsaved(AppState& app) {
    if (app.pending_attempts == 0 || !app.store) return;
    beginTile(0, colour::kWarn);
    const bool one = app.pending_attempts == 1;
    const std::string line = fmt(trn("{0} played attempt is waiting to be saved: the database could not take it when it finished.",
                                     "{0} played attempts are waiting to be saved: the database could not take them when they finished.",
                                     static_cast<unsigned long>(app.pending_attempts)),
                                 app.pending_attempts);
    iconText(icon::kWarning, colour::kWarn, line.c_str());
    if (app.store->readOnly()) {
        mutedText(tr("This database is read-only here: open a writable copy and they are offered again."));
    } else if (iconButton(icon::kRefresh, one ? tr("Save it now") : tr("Save them now"), ButtonKind::Primary)) {
        try {
            const int saved = savePending(*app.store, app.pending_dir);
            app.toast = fmt(trn("{0} attempt saved.", "{0} attempts saved.", static_cast<unsigned long>(saved)), saved);
        } catch (const StoreError& e) {
            app.toast = fmt(tr("Still cannot save: {0}"), e.what());
        }
        app.toast_until = app.time + 6;
        refreshSummary(app);
    }
    endTile();
    ImGui::Spacing();
}

// A desk on a center's server that lost it keeps training: results wait in its outbox and go
// out by themselves when the server answers; say so, and offer to send them now.
void drawOffline(AppState& app) {
    if ((app.waiting_results == 0 && !app.offline) || !app.store) return;
    beginTile(0, colour::kWarn);
    const std::string line = fmt(trn("Offline \xE2\x80\x94 {0} result waiting on this desk: it is sent to the team database when it can be reached.",
                                     "Offline \xE2\x80\x94 {0} results waiting on this desk: they are sent to the team database when it can be reached.",
                                     static_cast<unsigned long>(app.waiting_results)),
                                 app.waiting_results);
    iconText(icon::kWarning, colour::kWarn, line.c_str());
    recordItem(line.c_str());
    if (app.offline)
        wrappedText(tr("You can keep training. Your progress, history, certificates and Team need the team database; "
                       "they come back when it answers."),
                    colour::kInkSoft);
    if (iconButton(icon::kRefresh, tr("Send now"), ButtonKind::Primary)) {
        try {
            const int sent = app.store->sendWaitingResults();
            app.toast = fmt(trn("{0} result sent.", "{0} results sent.", static_cast<unsigned long>(sent)), sent);
        } catch (const StoreError& e) {
            app.toast = fmt(tr("Still offline: {0}"), e.what());
        }
        app.toast_until = app.time + 6;
        refreshSummary(app);
    }
    endTile();
    ImGui::Spacing();
}

// The trainee's own certificates: a refresher falling due soon, due now, or a lapsed certificate.
void drawRefresher(AppState& app) {
    const std::string now = nowUtcIso();
    for (const auto& s : app.summary.certification) {
        std::string line;
        if (s.status == CertStatus::Expired)
            line = fmt(tr("Your {0} certificate expired on {1}: take the refresher to be certified again."), s.policy_title,
                       i18n::longDate(dateOfUtc(s.certificate->expires_at)));
        else if (refresherDueWithin(s, app.settings.refresher_reminder_days, now))
            line = fmt(tr("Your {0} refresher is due from {1}; the certificate is valid until {2}."), s.policy_title,
                       i18n::longDate(dateOfUtc(s.refresher_due_from)), i18n::longDate(dateOfUtc(s.certificate->expires_at)));
        if (line.empty()) continue;
        beginTile(0, s.status == CertStatus::Expired ? colour::kBad : colour::kWarn);
        iconText(icon::kClock, s.status == CertStatus::Expired ? colour::kBad : colour::kWarn, line.c_str());
        recordItem(("refresher:" + s.policy_id).c_str());
        if (button(tr("See what it needs"))) navigate(app, ScreenId::Certificates);
        endTile();
        ImGui::Spacing();
    }
}

// A manager's Home names who falls due soon (from the Team figures, loaded on a worker).
void drawTeamDue(AppState& app) {
    if (!managerUnlocked(app) || !app.store) return;
    CertificationScreenState& team = app.certification;
    if (!team.valid && !teamLoading(app)) startTeamLoad(app);  // after an attempt, a quiz, an issue
    collectTeamLoad(app, false);
    if (!team.overview) return;
    const TeamOverview& o = *team.overview;
    const std::string horizon = dueHorizon(o.computed_at, app.settings.refresher_reminder_days);  // once, not per member
    std::vector<std::string> due;
    for (const auto& m : o.members)
        if ((!app.trainee || m.trainee.id != app.trainee->id) && dueBy(m, horizon)) due.push_back(m.trainee.name);
    if (due.empty()) return;
    std::string names;
    for (size_t i = 0; i < due.size() && i < 3; ++i) names += (i ? ", " : "") + due[i];
    if (due.size() > 3) names = fmt(trn("{0} and {1} more", "{0} and {1} more", due.size() - 3), names, due.size() - 3);
    beginTile(0, colour::kInfo);
    const std::string line = fmt(trn("Refreshers falling due within {0} day: {1}.", "Refreshers falling due within {0} days: {1}.",
                                     static_cast<unsigned long>(app.settings.refresher_reminder_days)),
                                 app.settings.refresher_reminder_days, names);
    iconText(icon::kUsers, colour::kInfo, line.c_str());
    recordItem("team-due");
    if (button(tr("Open Team"))) {
        team.filter.status = StatusFilter::DueWithin;
        navigate(app, ScreenId::Certification);
    }
    endTile();
    ImGui::Spacing();
}

}  // namespace

void drawHomeScreen(AppState& app) {
    if (!app.trainee) return;
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::Text(tr("Hi %s, ready for your next call?"), app.trainee->name.c_str());
    ImGui::PopFont();
    mutedText(fmt(tr("Training for {0}. Follow the SOP, keep the customer on side, and beat the targets."), app.settings.company_name).c_str());
    ImGui::Spacing();
    drawUnsaved(app);
    drawOffline(app);
    drawRefresher(app);
    drawTeamDue(app);
    drawStats(app);
    ImGui::Spacing();

    const float left_w = ImGui::GetContentRegionAvail().x * 0.58f;
    ImGui::BeginChild("##home-left", ImVec2(left_w, 0), false);
    drawNext(app);
    ImGui::Spacing();
    drawRecent(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##home-right", ImVec2(0, 0), false);
    drawScenarioStars(app);
    ImGui::Spacing();
    drawBadges(app);
    ImGui::EndChild();
}

}  // namespace frontline::ui
