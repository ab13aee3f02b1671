// The chat desk: two or three chats at once. A sidebar lists the conversations with their reply
// timers (the SOP's response-time target); the active one shows the same desk as a call.
#include <cstdio>
#include <imgui.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

const char* statusOf(const AppState& app, const DeskSession& s, char* buf, size_t size) {
    switch (s.engine->phase()) {
    case Phase::Ringing: std::snprintf(buf, size, tr("Waiting %d s to be accepted"), static_cast<int>(s.ring_seconds)); break;
    case Phase::Live:
        if (s.engine->onHold()) std::snprintf(buf, size, "%s", tr("On hold"));
        else std::snprintf(buf, size, tr("Reply timer %d s"), static_cast<int>(app.time - s.last_act_time));
        break;
    case Phase::WrapUp: std::snprintf(buf, size, "%s", tr("Wrap-up")); break;
    case Phase::Finished: std::snprintf(buf, size, "%s", s.recorded ? tr("Done") : tr("Saving...")); break;
    }
    return buf;
}

ImU32 urgencyOf(const AppState& app, const DeskSession& s) {
    const double limit = s.engine->phase() == Phase::Ringing ? s.settings.chat_answer_within_seconds : s.settings.chat_response_within_seconds;
    const double waited = s.engine->phase() == Phase::Ringing ? s.ring_seconds : app.time - s.last_act_time;
    if (s.engine->phase() != Phase::Ringing && s.engine->phase() != Phase::Live) return colour::kInfo;
    if (waited <= limit * 0.66) return colour::kGood;
    if (waited <= limit) return colour::kWarn;
    return colour::kBad;
}

void drawSidebar(AppState& app) {
    sectionHeader(icon::kComments, tr("Chats"));
    for (size_t i = 0; i < app.chat.sessions.size(); ++i) {
        DeskSession& s = *app.chat.sessions[i];
        if (app.time < s.arrives_at) continue;
        ImGui::PushID(static_cast<int>(i));
        const bool active = app.chat.active == static_cast<int>(i);
        beginTile(0, active ? colour::kAccent : urgencyOf(app, s));
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextUnformatted(s.scenario->persona.name.c_str());
        ImGui::PopFont();
        const int unread = static_cast<int>(s.engine->transcript().size()) - s.transcript_seen;
        if (unread > 0 && !active) {
            ImGui::SameLine();
            char n[16];
            std::snprintf(n, sizeof n, trn("%d new", "%d new", static_cast<unsigned long>(unread)), unread);
            chip(n, colour::kAccent, colour::rgb(0xFFFFFF));
        }
        char buf[64];
        iconText(s.recorded ? icon::kCheck : icon::kHourglass, urgencyOf(app, s), statusOf(app, s, buf, sizeof buf));
        if (s.recorded && s.report) starRating(s.report->stars);
        char label[32];
        std::snprintf(label, sizeof label, "Chat %d", static_cast<int>(i + 1));  // a test hook, not shown
        if (endTile(label)) app.chat.active = static_cast<int>(i);
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::Spacing();
    mutedText(tr("Ctrl+1..3 switches chats (press ? for every key). Keep every customer within the reply target."));
}

}  // namespace

void drawChatDeskScreen(AppState& app) {
    auto& sessions = app.chat.sessions;
    if (sessions.empty()) {
        mutedText(tr("No chats in progress."));
        if (iconButton(icon::kBook, tr("Choose a scenario"), ButtonKind::Primary)) navigate(app, ScreenId::Library);
        return;
    }
    bool all_done = true;
    std::vector<std::int64_t> ids;
    for (auto& s : sessions) {
        recordIfFinished(app, *s);
        all_done = all_done && s->recorded;
        if (s->recorded) ids.push_back(s->attempt_id);
    }
    if (all_done) {
        openDebrief(app, ids);
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    // A quick Ctrl+2 can reach us as "Ctrl released, 2 pressed" in one frame: Ctrl held in the
    // previous frame still makes the digit a chat switch, never a reply.
    const bool ctrl = io.KeyCtrl || app.chat.ctrl_last_frame;
    app.chat.ctrl_last_frame = io.KeyCtrl;
    if (ctrl && !io.WantTextInput) {
        for (int i = 0; i < static_cast<int>(sessions.size()); ++i)
            if (keyPressed(key::kDigit1 + i) && app.time >= sessions[static_cast<size_t>(i)]->arrives_at) app.chat.active = i;
    }
    // The active chat moves on by itself once it is done, to the next one that needs the agent.
    if (app.chat.active < 0 || app.chat.active >= static_cast<int>(sessions.size())) app.chat.active = 0;
    if (sessions[static_cast<size_t>(app.chat.active)]->recorded) {
        for (size_t i = 0; i < sessions.size(); ++i)
            if (!sessions[i]->recorded && app.time >= sessions[i]->arrives_at) app.chat.active = static_cast<int>(i);
    }

    ImGui::BeginChild("##chatlist", ImVec2(em(15), 0), false);
    drawSidebar(app);
    ImGui::EndChild();
    ImGui::SameLine();

    DeskSession& s = *sessions[static_cast<size_t>(app.chat.active)];
    ImGui::BeginChild("##chat", ImVec2(0, 0), false);
    ImGui::PushID(app.chat.active);
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(s.scenario->title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.2f));
    chip(difficultyText(s.scenario->difficulty), colour::kAccentSoft, difficultyColour(s.scenario->difficulty));
    drawClockStrip(app, s, true);
    ImGui::Spacing();

    const Phase phase = s.engine->phase();
    if (s.recorded) {
        iconText(icon::kCheckCircle, colour::kGood, tr("This chat is finished. Its debrief opens when every chat is done."));
    } else if (phase == Phase::Ringing) {
        ImGui::Dummy(ImVec2(0, em(2)));
        drawIncoming(app, s, true);
    } else if (phase == Phase::Finished) {
        wrappedText(s.error.c_str(), colour::kBad);
        if (iconButton(icon::kRefresh, tr("Try saving again"), ButtonKind::Primary)) recordIfFinished(app, s, true);
    } else {
        const float left_w = ImGui::GetContentRegionAvail().x * 0.56f;
        ImGui::BeginChild("##conversation", ImVec2(left_w, 0), false);
        drawCustomerCard(app, s);
        ImGui::Spacing();
        const float avail = ImGui::GetContentRegionAvail().y;
        if (phase == Phase::Live) {
            drawTranscript(app, s, std::max(em(8), avail * 0.5f), true);
            ImGui::Spacing();
            sectionHeader(icon::kPaperPlane, tr("Reply"));
            ImGui::BeginChild("##options", ImVec2(0, 0), false);
            drawOptions(app, s, !ctrl);
            ImGui::EndChild();
        } else {
            drawTranscript(app, s, 0, true);
        }
        ImGui::EndChild();
        ImGui::SameLine();
        beginCard("##desk", ImVec2(0, 0));
        if (phase == Phase::WrapUp) {
            drawEndingNote(s);
            drawWrapUp(app, s);
        } else {
            sectionHeader(icon::kDatabase, tr("Agent desk"));
            drawDeskTools(app, s);
        }
        endCard();
    }
    ImGui::PopID();
    ImGui::EndChild();
}

}  // namespace frontline::ui
