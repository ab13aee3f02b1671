// The layout a call and an email share (one interaction at a time): the incoming panel, then the
// conversation (customer card, transcript, numbered options) beside the agent desk (CRM vs claims,
// history, knowledge base, hold, transfer), then the wrap-up. The screens differ only in words.
#include <imgui.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

void drawHeader(AppState& app, DeskSession& s) {
    const Scenario& sc = *s.scenario;
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(sc.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.2f));
    chip(difficultyText(sc.difficulty), colour::kAccentSoft, difficultyColour(sc.difficulty));
    ImGui::SameLine(0, em(1.5f));
    drawClockStrip(app, s, false);
    ImGui::Spacing();
}

void drawConversation(AppState& app, DeskSession& s, const SingleDeskWords& words) {
    drawCustomerCard(app, s);
    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().y;
    if (s.engine->phase() != Phase::Live) {
        drawTranscript(app, s, 0, false);
        return;
    }
    drawTranscript(app, s, std::max(em(8), avail * words.transcript_share), false);
    ImGui::Spacing();
    sectionHeader(words.moves_icon, words.moves_heading);
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.35f));
    mutedText(words.moves_hint);
    ImGui::BeginChild("##options", ImVec2(0, 0), false);
    drawOptions(app, s, true);
    ImGui::EndChild();
}

}  // namespace

void drawSingleDesk(AppState& app, const SingleDeskWords& words) {
    DeskSession* s = app.call.session.get();
    if (!s) {
        mutedText(words.nothing_open);
        if (iconButton(icon::kBook, tr("Choose a scenario"), ButtonKind::Primary)) navigate(app, ScreenId::Library);
        return;
    }
    if (s->recorded || recordIfFinished(app, *s)) {
        openDebrief(app, {s->attempt_id});
        return;
    }
    drawHeader(app, *s);
    const Phase phase = s->engine->phase();
    if (phase == Phase::Ringing) {
        ImGui::Dummy(ImVec2(0, em(3)));
        drawIncoming(app, *s, true);
        return;
    }
    if (phase == Phase::Finished) {
        // Finished but not saved: the store refused. Offer to retry rather than lose the attempt.
        wrappedText(s->error.c_str(), colour::kBad);
        if (iconButton(icon::kRefresh, tr("Try saving again"), ButtonKind::Primary)) recordIfFinished(app, *s, true);
        return;
    }
    const float left_w = ImGui::GetContentRegionAvail().x * 0.58f;
    ImGui::BeginChild("##conversation", ImVec2(left_w, 0), false);
    drawConversation(app, *s, words);
    ImGui::EndChild();
    ImGui::SameLine();
    beginCard("##desk", ImVec2(0, 0));
    if (phase == Phase::WrapUp) {
        drawEndingNote(*s);
        drawWrapUp(app, *s);
    } else {
        sectionHeader(icon::kDatabase, tr("Agent desk"));
        drawDeskTools(app, *s);
    }
    endCard();
}

}  // namespace frontline::ui
