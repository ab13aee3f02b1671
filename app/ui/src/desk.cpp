// The agent desk shared by the call and chat desks: session lifecycle, the incoming panel, the
// customer card, transcript, numbered options, desk tools (CRM vs claims, history, knowledge base,
// hold, transfer) and the wrap-up form.
// Sections: session lifecycle · incoming · customer + clock · transcript · options · desk tools ·
// soft-wrapped notes · wrap-up.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <utility>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include "frontline/ui/fonts.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "frontline/pending.hpp"
#include "frontline/utf8.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

bool isDeskAction(ActionType t) {
    return t == ActionType::Verify || t == ActionType::Hold || t == ActionType::Resume || t == ActionType::Transfer;
}

bool isDeskActionName(const std::string& name) {
    for (ActionType t : {ActionType::Verify, ActionType::Hold, ActionType::Resume, ActionType::Transfer})
        if (name == actionTypeName(t)) return true;
    return false;
}

namespace {
// Real seconds of ringing count 1:1 as the caller's waiting time: the answer target is itself a
// real-world figure (rings × seconds per ring), so answering promptly is the skill being trained.
constexpr double kRingTimeScale = 1.0;
// A chat customer left this many response targets without a reply gives up waiting: the idle
// time is handed to the engine then (it may end the chat) instead of at the agent's next reply.
constexpr double kChatIdleFlushFactor = 2.0;


// The clocks on screen count seconds: redraw often enough to show each one.
void wakeForClock(AppState& app) { app.wake_in = app.wake_in < 0 ? 0.25 : std::min(app.wake_in, 0.25); }

void flushIdle(DeskSession& s) {
    const int seconds = static_cast<int>(s.idle_seconds);
    if (seconds >= 1) s.engine->elapse(seconds);
    s.idle_seconds = 0;
}
}  // namespace

// ---- session lifecycle ------------------------------------------------------------------------------

std::unique_ptr<DeskSession> makeSession(AppState& app, std::shared_ptr<const Scenario> scenario) {
    auto s = std::make_unique<DeskSession>();
    s->scenario = std::move(scenario);
    s->settings = app.settings;
    const std::string agent = app.trainee ? app.trainee->name : std::string(tr("Agent"));
    s->engine = std::make_unique<Engine>(app.content.sop, *s->scenario, s->settings, agent, app.next_seed++);
    s->mode = app.library.assessment ? AttemptMode::Assessment : AttemptMode::Practice;
    s->engine->setMode(s->mode);
    s->started_at = nowUtcIso();
    if (app.store) s->save_problem = app.store->writeProblem(50);
    s->arrives_at = app.time;
    s->last_act_time = app.time;
    return s;
}

bool coaching(const DeskSession& s) { return s.mode == AttemptMode::Practice; }

std::string whyUnavailable(const DeskSession& s, const OptionView& o) {
    return coaching(s) ? o.unavailable_reason : std::string(tr("Not available right now."));
}

void drawEndingNote(const DeskSession& s) {
    const Ending* ending = s.engine->ending();
    if (!ending) return;
    if (!coaching(s)) {
        iconText(icon::kFlag, colour::kInkSoft, tr("The interaction has ended. How it went is in the debrief."));
    } else {
        iconText(ending->success ? icon::kCheckCircle : icon::kWarning, ending->success ? colour::kGood : colour::kWarn,
                 s.engine->sop().outcomeTitle(ending->outcome).c_str());
        if (!ending->summary.empty()) mutedText(ending->summary.c_str());
    }
    ImGui::Separator();
}

bool act(AppState& app, DeskSession& s, const std::string& option_id) {
    const bool desk_tool = option_id.rfind("desk.", 0) == 0;
    // Desk tools are reading, not replying: the customer's wait continues through them.
    if (!desk_tool) flushIdle(s);
    const ChooseResult r = s.engine->choose(option_id);
    // The engine's refusal quotes the author's reason ("verify first"): coaching, so not in an assessment.
    s.error = r.ok ? std::string() : coaching(s) ? r.error : std::string(tr("That is not possible right now."));
    if (r.ok && !desk_tool) s.last_act_time = app.time;
    return r.ok;
}

void tickSession(AppState& app, DeskSession& s, bool chat) {
    if (s.recorded) return;
    const double dt = static_cast<double>(ImGui::GetIO().DeltaTime);
    const Phase phase = s.engine->phase();
    if (app.time < s.arrives_at) {
        app.wake_in = app.wake_in < 0 ? s.arrives_at - app.time : std::min(app.wake_in, s.arrives_at - app.time);
        return;
    }
    if (phase == Phase::Ringing) {
        if (!s.scenario->outbound) {
            s.ring_seconds += dt;
            app.animating = true;  // the ringing pulse and countdown
            if (chat) app.requests.chime = true;
            else if (s.scenario->channel == Channel::Call) app.requests.ring = true;  // an email waits quietly
        }
        return;
    }
    if (phase == Phase::WrapUp) {
        s.wrap_up_seconds += dt;  // handle time runs until the wrap-up is complete
        wakeForClock(app);
    }
    if (phase != Phase::Live) return;
    // Real time counts while the customer waits for the agent: a chat without a reply, a hold, and
    // silence on a call (an email customer is not watching). Each reply adds its own speaking time.
    const bool call = s.scenario->channel == Channel::Call;
    if (chat || call || s.engine->onHold()) {
        s.idle_seconds += dt;
        wakeForClock(app);
    }
    if (chat && s.idle_seconds > kChatIdleFlushFactor * s.settings.chat_response_within_seconds) flushIdle(s);
    // A caller left in silence past their patience speaks up now, not at the agent's next reply.
    if (call && !s.engine->onHold() && s.idle_seconds >= s.engine->deadAirLimitSeconds() + 1) flushIdle(s);
}

// A store that refuses the attempt does not lose it: it is kept in the recovery folder (once),
// Home offers it again, and "Try saving again" still works from the desk.
void keepUnsaved(AppState& app, DeskSession& s, const std::string& why) {
    s.error = fmt(tr("Your attempt could not be saved: {0}"), why);
    if (s.pending_file.empty()) {
        PendingAttempt pending{{}, pendingKeyFor(app.store->locator()), app.trainee->name, app.trainee->team, s.scenario->title,
                               s.started_at, s.finished_at, why, s.engine->log(), *s.report};
        try {
            s.pending_file = keepPending(std::move(pending), app.pending_dir);
            refreshSummary(app);  // Home counts it
        } catch (const StoreError& e) {
            s.error += "\n" + fmt(tr("It could not be kept either ({0}): keep this window open and try again."), e.what());
            return;
        }
    }
    s.error += "\n" + fmt(tr("It is kept safe in {0} and will be offered again on Home."), s.pending_file.string());
}

// Saves the attempt once it is finished: by itself once, then only when `retry` (the trainee's
// "Try saving again"), so a locked database does not stall every frame for its busy timeout.
bool recordIfFinished(AppState& app, DeskSession& s, bool retry) {
    if (s.recorded) return true;
    if (s.engine->phase() != Phase::Finished || !app.store || !app.trainee) return false;
    if (!s.finished_at.empty() && !retry) return false;  // tried already: wait for the button
    if (!s.report) s.report = scoreAttempt(app.content.sop, *s.scenario, s.settings, s.engine->log());
    if (s.finished_at.empty()) s.finished_at = nowUtcIso();  // one time for every try and the kept copy
    try {
        // Home may have saved the kept copy meanwhile ("Save it now"): then it is this attempt.
        s.attempt_id = app.store->findAttempt(app.trainee->id, s.scenario->id, s.started_at, s.finished_at);
        if (s.attempt_id == 0)
            s.attempt_id = app.store->recordAttempt(app.trainee->id, s.scenario->title, s.engine->log(), *s.report, s.started_at, s.finished_at);
        s.recorded = true;
        s.error.clear();
        std::error_code ec;
        if (!s.pending_file.empty()) std::filesystem::remove(s.pending_file, ec);
        refreshSummary(app);
    } catch (const StoreError& e) {
        keepUnsaved(app, s, e.what());
    }
    return s.recorded;
}

// ---- incoming -----------------------------------------------------------------------------------------

namespace {

const char* incomingIcon(const Scenario& sc) {
    if (sc.outbound) return icon::kPhone;
    return sc.channel == Channel::Chat ? icon::kComment : sc.channel == Channel::Email ? icon::kEnvelope : icon::kBell;
}
const char* incomingTitle(const Scenario& sc) {
    if (sc.outbound) return tr("Outbound call");
    return sc.channel == Channel::Chat ? tr("New chat") : sc.channel == Channel::Email ? tr("New email") : tr("Incoming call");
}
const char* answerLabel(const Scenario& sc) {
    if (sc.outbound) return tr("Dial");
    return sc.channel == Channel::Chat ? tr("Accept chat") : sc.channel == Channel::Email ? tr("Open email") : tr("Answer");
}
const char* answerIcon(const Scenario& sc) {
    if (sc.outbound) return icon::kPhone;
    return sc.channel == Channel::Chat ? icon::kComment : sc.channel == Channel::Email ? icon::kEnvelope : icon::kHeadphones;
}

// "Ring 3 - answer within 3 rings (18 s)", "Waiting 12 s - accept within 30 s", "In the queue 3 h - reply within 24 h".
std::string waitingLine(const DeskSession& s, double waited, int target) {
    char line[128];
    switch (s.scenario->channel) {
        case Channel::Chat:
            std::snprintf(line, sizeof line, tr("Waiting %d s  -  accept within %d s"), static_cast<int>(waited), target);
            break;
        case Channel::Email:
            std::snprintf(line, sizeof line, tr("In the queue %s  -  reply within %s"), durationText(static_cast<int>(waited)).c_str(),
                          durationText(target).c_str());
            break;
        case Channel::Call: {
            const int ring = 1 + static_cast<int>(waited / std::max(1, s.settings.ring_seconds));
            std::snprintf(line, sizeof line, tr("Ring %d  -  answer within %d rings (%d s)"), ring, s.settings.answer_within_rings, target);
        }
    }
    return line;
}

}  // namespace

bool drawIncoming(AppState& app, DeskSession& s, bool keyboard) {
    const Scenario& sc = *s.scenario;
    const int target = s.settings.answerTargetSeconds(sc.channel);
    // An email has been in the queue before the desk shows it; the engine adds the same minutes.
    const double queued = sc.channel == Channel::Email ? sc.queued_minutes * 60.0 : 0.0;
    const double waited = queued + s.ring_seconds * kRingTimeScale;
    const float width = std::min(ImGui::GetContentRegionAvail().x, em(34));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    beginTile(width, sc.outbound ? colour::kInfo : colour::kAccent);

    // A pulsing ring icon: the one moving thing that says "pick me up".
    const float pulse = sc.outbound ? 0.0f : 0.5f + 0.5f * std::sin(static_cast<float>(app.time) * 7.0f);
    ImGui::PushFont(font(FontRole::Display));
    ImGui::PushStyleColor(ImGuiCol_Text, sc.outbound ? colour::kInfo : ImGui::GetColorU32(ImLerp(colour::vec(colour::kAccent), colour::vec(colour::kGold), pulse)));
    ImGui::TextUnformatted(incomingIcon(sc));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(incomingTitle(sc));
    ImGui::PopFont();

    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(sc.persona.name.c_str());
    ImGui::PopFont();
    mutedText(coaching(s) ? sc.summary.c_str() : tr("Assessment: no hints or coaching until the debrief."));
    ImGui::Spacing();

    if (!sc.outbound) {
        const double left = target - waited;
        iconText(icon::kClock, left >= 0 ? colour::kInkSoft : colour::kBad, waitingLine(s, waited, target).c_str());
        char overlay[96];
        const std::string by = durationText(static_cast<int>(std::ceil(std::abs(left))));
        if (left >= 0) std::snprintf(overlay, sizeof overlay, tr("%s left"), by.c_str());
        else std::snprintf(overlay, sizeof overlay, tr("%s late - the customer is getting impatient"), by.c_str());
        const float fraction = left >= 0 ? static_cast<float>(left / std::max(1, target)) : 1.0f;
        progressBar(fraction, left > target * 0.34 ? colour::kGood : left >= 0 ? colour::kWarn : colour::kBad,
                    tileInnerWidth(), em(1.3f), overlay);  // inside the tile, not to the window's edge
        ImGui::Spacing();
    }
    if (!s.save_problem.empty()) {  // said before the call, not after it was played
        iconText(icon::kWarning, colour::kWarn, tr("This attempt will not reach the database."));
        wrappedText(fmt(tr("Why: {0}. You can still play it: it is kept in the recovery folder and saved later."), s.save_problem).c_str());
        ImGui::Spacing();
    }
    bool answered = iconButton(answerIcon(sc), answerLabel(sc), ButtonKind::Good, ImVec2(em(12), em(2.4f)));
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.6f));
    mutedText(tr("or press Enter"));
    endTile();

    const ImGuiIO& io = ImGui::GetIO();
    if (keyboard && !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) answered = true;
    if (answered) {
        if (app.store) s.save_problem = app.store->writeProblem(50);  // again: the lock may have moved on
        const ChooseResult r = s.engine->answer(static_cast<int>(waited - queued));
        s.error = r.ok ? std::string() : r.error;
        s.last_act_time = app.time;
    }
    return answered;
}

// ---- customer + clock ---------------------------------------------------------------------------------

void drawCustomerCard(AppState& app, DeskSession& s) {
    (void)app;
    const Scenario& sc = *s.scenario;
    const Engine& e = *s.engine;
    beginTile(0, moodColour(e.mood()));
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(sc.persona.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em(0.2f));
    chip(channelLabel(sc), colour::kInfoSoft, colour::kInfo);
    for (const auto& trait : sc.persona.traits) {
        ImGui::SameLine();
        chip(trait.c_str(), colour::kAccentSoft, colour::kAccentActive);
    }
    if (!sc.persona.description.empty()) mutedText(sc.persona.description.c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Mood"));
    ImGui::SameLine();
    moodMeter(e.mood(), tileInnerWidth() - ImGui::GetItemRectSize().x - ImGui::GetStyle().ItemSpacing.x);
    if (e.onHold()) iconText(icon::kPause, colour::kWarn, tr("On hold - the caller is waiting"));
    if (e.verified()) iconText(icon::kShield, colour::kGood, tr("Identity verified"));
    else if (e.variable("verification_failed") == true) iconText(icon::kShield, colour::kBad, tr("Verification failed"));
    endTile();
}

// The handle time as the debrief will count it: the engine's clock, the silence not yet handed to
// it, and the wrap-up so far (each in whole seconds, as the engine takes them).
int deskHandleSeconds(const DeskSession& s) {
    const Phase phase = s.engine->phase();
    const int pending = phase == Phase::Live ? static_cast<int>(s.idle_seconds) : phase == Phase::WrapUp ? static_cast<int>(s.wrap_up_seconds) : 0;
    return s.engine->clock() + pending;
}

void drawClockStrip(AppState& app, DeskSession& s, bool chat) {
    const Engine& e = *s.engine;
    const int target = s.settings.targetHandleSeconds();
    const int clock = deskHandleSeconds(s);
    const bool wrapping_up = e.phase() == Phase::WrapUp;
    std::string text = fmt(wrapping_up ? tr("Handle time (incl. wrap-up) {0} / target {1}") : tr("Handle time {0} / target {1}"),
                           clockText(clock), clockText(target));
    iconText(icon::kClock, clock <= target ? colour::kGood : colour::kBad, text.c_str());
    recordItem("Handle time");
    recordItem(text.c_str());  // tests read the figure shown
    ImGui::SameLine();
    progressBar(static_cast<float>(clock) / static_cast<float>(std::max(1, target)), clock <= target ? colour::kGood : colour::kBad,
                em(8), em(0.6f));
    if (chat && e.phase() == Phase::Live && !e.onHold()) {
        ImGui::SameLine(0, em(1.5f));
        const double waiting = app.time - s.last_act_time;
        const int limit = s.settings.chat_response_within_seconds;
        char buf[96];
        std::snprintf(buf, sizeof buf, tr("Reply within %d s  (%d s)"), limit, static_cast<int>(waiting));
        iconText(icon::kHourglass, waiting <= limit * 0.66 ? colour::kGood : waiting <= limit ? colour::kWarn : colour::kBad, buf);
    }
    ImGui::SameLine(0, em(1.5f));
    const char* phase = e.phase() == Phase::WrapUp ? tr("Wrap-up") : e.phase() == Phase::Finished ? tr("Finished") : e.phase() == Phase::Live ? tr("Live") : tr("Waiting");
    chip(phase, e.phase() == Phase::Live ? colour::kGoodSoft : colour::kInfoSoft, e.phase() == Phase::Live ? colour::kGood : colour::kInfo);
}

// ---- transcript -----------------------------------------------------------------------------------------

void drawTranscript(AppState& app, DeskSession& s, float height, bool chat) {
    (void)app;
    const auto& lines = s.engine->transcript();
    beginCard("##transcript", ImVec2(0, height));
    if (lines.empty())
        mutedText(chat ? tr("The chat opens once you accept it.")
                       : s.scenario->channel == Channel::Email ? tr("The email opens once you take it from the queue.")
                                                               : tr("The conversation appears here once you answer."));
    const float full = ImGui::GetContentRegionAvail().x;
    const float max_bubble = full * 0.78f;
    const float pad = em(0.6f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < lines.size(); ++i) {
        const TranscriptLine& line = lines[i];
        // Desk actions (verify, hold, resume, transfer) are the agent's acts: on the agent's side.
        const bool desk = line.speaker == "desk";
        const bool agent = line.speaker == "agent" || desk;
        const bool customer = line.speaker == "customer";
        const bool system = !agent && !customer;
        const std::string who = desk       ? std::string(tr("You, at the desk"))
                                : agent    ? std::string(tr("You"))
                                : customer ? s.scenario->persona.name
                                : line.speaker == "system" ? std::string(trc("speaker", "system"))
                                           : line.speaker;
        const float wrap = system ? full * 0.9f : max_bubble - pad * 2;
        const std::string text = wrapAtSpaces(displayText(line.text), wrap);  // amounts and e-mails stay whole
        const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
        const float bubble_w = std::max(text_size.x, ImGui::CalcTextSize(who.c_str()).x + em(3)) + pad * 2;
        const float name_h = ImGui::GetTextLineHeight();
        const float bubble_h = text_size.y + name_h + pad * 1.6f;
        ImVec2 pos = ImGui::GetCursorScreenPos();
        if (agent) pos.x += full - bubble_w;
        else if (system) pos.x += (full - bubble_w) * 0.5f;
        const ImU32 bg = desk ? colour::kSystemBubble : agent ? colour::kAgentBubble : customer ? colour::kCustomerBubble : colour::kSystemBubble;
        draw->AddRectFilled(pos, ImVec2(pos.x + bubble_w, pos.y + bubble_h), bg, em(0.7f));
        const std::string head = who + "   " + clockText(line.clock);
        draw->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.6f), agent ? colour::kAccentActive : customer ? colour::kInfo : colour::kInkSoft, head.c_str());
        draw->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.6f + name_h), colour::kInk, text.c_str());
        ImGui::Dummy(ImVec2(full, bubble_h + em(0.35f)));
        recordItem(("Line " + std::to_string(i + 1) + ": " + who).c_str());
    }
    if (s.engine->onHold()) {
        ImGui::Spacing();
        iconText(icon::kPause, colour::kWarn, tr("On hold."));
    }
    if (static_cast<int>(lines.size()) != s.transcript_seen) {
        s.transcript_seen = static_cast<int>(lines.size());
        ImGui::SetScrollHereY(1.0f);
    }
    endCard();
}

// ---- options ------------------------------------------------------------------------------------------

namespace {
// A full-width card for one choice: a round badge (number or icon), then the wrapped text.
// Returns true when clicked. Recorded under `record` (and `record2` when given).
bool choiceCard(const std::string& id, const char* badge, ImU32 badge_colour, const std::string& option_text, bool available,
                const std::string& record, const std::string& record2 = {}, const std::string& key_hint = {}) {
    ImGui::PushID(id.c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = em(0.6f);
    const float badge_d = em(1.6f);
    const float hint_w = key_hint.empty() ? 0.0f : ImGui::CalcTextSize(key_hint.c_str()).x + pad;
    const std::string text = wrapAtSpaces(displayText(option_text), width - badge_d - pad * 3 - hint_w);
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
    const float h = std::max(text_size.y, badge_d) + pad * 1.4f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::BeginDisabled(!available);
    const bool clicked = ImGui::InvisibleButton("##choice", ImVec2(width, h));
    ImGui::EndDisabled();
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    recordItem(record.c_str(), available);
    if (!record2.empty()) recordItem(record2.c_str(), available);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 bg = !available ? colour::rgb(0xF4EFE9) : hovered ? colour::rgb(0xFFF1EA) : colour::kCard;
    draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), bg, em(0.6f));
    draw->AddRect(pos, ImVec2(pos.x + width, pos.y + h), hovered && available ? badge_colour : colour::kCardBorder, em(0.6f));
    const ImVec2 centre(pos.x + pad + badge_d * 0.5f, pos.y + h * 0.5f);
    draw->AddCircleFilled(centre, badge_d * 0.5f, available ? badge_colour : colour::rgb(0xD8CCC0));
    const ImVec2 bs = ImGui::CalcTextSize(badge);
    draw->AddText(ImVec2(centre.x - bs.x * 0.5f, centre.y - bs.y * 0.5f), colour::rgb(0xFFFFFF), badge);
    draw->AddText(ImVec2(pos.x + badge_d + pad * 2, pos.y + (h - text_size.y) * 0.5f),
                  available ? colour::kInk : colour::rgb(0xA89A90), text.c_str());
    if (!key_hint.empty())
        draw->AddText(ImVec2(pos.x + width - hint_w, pos.y + (h - ImGui::GetTextLineHeight()) * 0.5f), colour::kInkSoft, key_hint.c_str());
    ImGui::PopID();
    return clicked && available;
}
}  // namespace

void drawOptions(AppState& app, DeskSession& s, bool keyboard) {
    std::vector<OptionView> options = s.engine->options();
    std::vector<const OptionView*> talk;
    bool desk_moves = false;
    for (const auto& o : options) {
        if (o.desk) continue;
        if (isDeskAction(o.action.type)) desk_moves = desk_moves || o.available;
        else talk.push_back(&o);
    }
    std::string chosen;
    for (size_t i = 0; i < talk.size(); ++i) {
        const OptionView& o = *talk[i];
        char num[4];
        std::snprintf(num, sizeof num, "%d", static_cast<int>(i + 1));
        if (choiceCard(o.id, num, colour::kAccent, o.text, o.available, o.id, i < 9 ? "Option " + std::to_string(i + 1) : std::string()))
            chosen = o.id;
        if (!o.available) tooltip(whyUnavailable(s, o).c_str());
        ImGui::Dummy(ImVec2(0, em(0.05f)));
    }
    if (talk.empty() && desk_moves) mutedText(tr("Nothing to say right now: use the desk on the right."));
    else if (desk_moves && coaching(s)) iconText(icon::kLightbulb, colour::kWarn, tr("The desk has actions for this moment too (verify, hold, transfer)."));
    if (!s.error.empty()) wrappedText(s.error.c_str(), colour::kBad);

    const ImGuiIO& io = ImGui::GetIO();
    if (keyboard && !io.WantTextInput) {
        for (size_t i = 0; i < talk.size() && i < 9; ++i) {
            const int n = static_cast<int>(i);
            if (keyPressed(key::kDigit1 + n) || keyPressed(key::kKeypad1 + n)) {
                if (talk[i]->available) chosen = talk[i]->id;
                else s.error = fmt(tr("Option {0} is not available: {1}"), n + 1, whyUnavailable(s, *talk[i]));
            }
        }
    }
    if (!chosen.empty()) act(app, s, chosen);
}

// ---- desk tools -----------------------------------------------------------------------------------------

namespace {

// "F5" for the first keyed desk action.
std::string deskKeyName(int index) { return "F" + std::to_string(5 + index); }

// What a desk button says: the author's short label, else the option's own text.
const std::string& deskActionLabel(const OptionView& o) { return o.label.empty() ? o.text : o.label; }

// Claims are what the caller has said: none before the node the author names (by default the
// first one with a verify decision), all of them from then on.
bool claimsHeard(DeskSession& s, const std::vector<OptionView>& options) {
    if (s.claims_heard) return true;
    const std::string& at = s.scenario->claims_heard_at;
    const bool verify_now = std::any_of(options.begin(), options.end(), [](const OptionView& o) { return !o.desk && o.action.type == ActionType::Verify; });
    s.claims_heard = at.empty() ? verify_now || s.engine->verified() : s.engine->currentNodeId() == at;
    return s.claims_heard;
}

// F4 works the open tab's own tool: the CRM record, the history, the knowledge base search.
constexpr int kDeskToolKey = key::kF1 + 3;

void deskToolButton(AppState& app, DeskSession& s, const OptionView* tool, const char* glyph, const char* label) {
    if (!tool) return;
    ImGui::BeginDisabled(tool->used);
    if ((iconButton(glyph, label, ButtonKind::Primary) || keyPressed(kDeskToolKey)) && !tool->used) act(app, s, tool->id);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("F4");
}

void drawCrmTab(AppState& app, DeskSession& s, const std::vector<OptionView>& options) {
    const Scenario& sc = *s.scenario;
    const OptionView* crm = nullptr;
    for (const auto& o : options)
        if (o.id == "desk.crm") crm = &o;
    const bool crm_open = crm ? crm->used : s.engine->variable("crm_opened") == true;
    const bool heard = claimsHeard(s, options);
    // Verification is an act of comparing: the record and the caller's words side by side.
    if (ImGui::BeginTable("##verify", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(tr("Field"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableSetupColumn(tr("CRM record"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        const Channel channel = s.scenario->channel;
        ImGui::TableSetupColumn(channel == Channel::Email ? tr("The email says") : channel == Channel::Chat ? tr("Customer says") : tr("Caller says"),
                                ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        std::vector<std::string> keys;
        for (const auto& [k, v] : sc.crm.fields) keys.push_back(k);
        for (const auto& [k, v] : sc.claims)
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
        auto lookup = [](const auto& pairs, const std::string& key) -> std::string {
            for (const auto& [k, v] : pairs)
                if (k == key) return v;
            return {};
        };
        for (const auto& key : keys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, colour::kInkSoft);
            ImGui::TextWrapped("%s", key.c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            const std::string record = lookup(sc.crm.fields, key);
            if (!crm_open) ImGui::TextDisabled("%s", tr("(open the CRM)"));
            else ImGui::TextWrapped("%s", record.empty() ? "-" : record.c_str());
            ImGui::TableNextColumn();
            const std::string claim = lookup(sc.claims, key);
            if (claim.empty()) ImGui::TextDisabled("-");
            else if (!heard) ImGui::TextDisabled("%s", tr("(not said yet)"));
            else {
                ImGui::TextWrapped("%s", claim.c_str());
                recordItem(("Claim: " + key).c_str());
            }
        }
        ImGui::EndTable();
    }
    if (!crm_open) deskToolButton(app, s, crm, icon::kIdCard, tr("Open CRM record"));
    ImGui::Spacing();
    // The node's verify options, as desk buttons beside the comparison.
    int shown = 0;
    for (const auto& o : options) {
        if (o.desk || o.action.type != ActionType::Verify) continue;
        const bool pass = o.action.verify_result == "pass";
        if (choiceCard(o.id, pass ? icon::kCheck : icon::kTimes, pass ? colour::kGood : colour::kBad, deskActionLabel(o), o.available, o.id,
                       "Desk action: verify " + o.action.verify_result, deskKeyName(shown)))
            act(app, s, o.id);
        if (!o.available) tooltip(whyUnavailable(s, o).c_str());
        ++shown;
    }
    if (shown == 0) mutedText(s.engine->verified() ? tr("Identity verified.") : tr("Verification decisions appear here when the conversation reaches them."));
}

void drawHistoryTab(AppState& app, DeskSession& s, const std::vector<OptionView>& options) {
    const CrmRecord& crm = s.scenario->crm;
    const OptionView* tool = nullptr;
    for (const auto& o : options)
        if (o.id == "desk.history") tool = &o;
    const bool open = tool ? tool->used : s.engine->variable("history_reviewed") == true;
    if (crm.history.empty() && crm.open_tickets.empty()) {
        mutedText(tr("No previous interactions or tickets for this customer."));
        return;
    }
    if (!open) {
        mutedText(tr("Past interactions and open tickets are one click away."));
        deskToolButton(app, s, tool, icon::kHistory, tr("Review history and tickets"));
        return;
    }
    if (!crm.open_tickets.empty()) {
        ImGui::TextUnformatted(tr("Open tickets"));
        for (const auto& t : crm.open_tickets) {
            ImGui::PushID(t.id.c_str());
            chip(t.id.c_str(), colour::kWarnSoft, colour::rgb(0x9A6512));
            ImGui::SameLine();
            ImGui::TextWrapped("%s  (%s)", t.summary.c_str(), t.status.c_str());
            ImGui::PopID();
        }
        ImGui::Spacing();
    }
    if (!crm.history.empty()) {
        ImGui::TextUnformatted(tr("Interaction history"));
        for (const auto& h : crm.history) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour::kInkSoft);
            ImGui::Text("%s  %s", h.date.c_str(), h.channel.c_str());
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", h.summary.c_str());
        }
    }
}

void drawKbTab(AppState& app, DeskSession& s, const std::vector<OptionView>& options) {
    const Scenario& sc = *s.scenario;
    ImGui::SetNextItemWidth(-1);
    escapeKeepsText("##kbsearch");
    if (keyPressed(kDeskToolKey)) ImGui::SetKeyboardFocusHere();
    // Enter in the search opens the first article found.
    bool open_first = ImGui::InputTextWithHint("##kbsearch", tr("Search the knowledge base...  (F4, then Enter opens the first hit)"),
                                               &s.kb_search, ImGuiInputTextFlags_EnterReturnsTrue);
    recordItem("Knowledge base search");
    if (!s.open_article.empty()) {
        if (const KbArticle* a = sc.article(s.open_article)) {
            ImGui::Spacing();
            ImGui::PushFont(font(FontRole::Bold));
            iconText(icon::kFileText, colour::kInfo, a->title.c_str());
            ImGui::PopFont();
            wrappedText(displayText(s.engine->fill(a->body)).c_str());
            if (button(fmt("{0}##kb", tr("Back to results")).c_str())) s.open_article.clear();
            return;
        }
    }
    int hits = 0;
    for (const auto& a : sc.kb) {
        bool match = utf8::containsFolded(a.title, s.kb_search) || utf8::containsFolded(a.body, s.kb_search);
        for (const auto& k : a.keywords) match = match || utf8::containsFolded(k, s.kb_search);
        if (!match) continue;
        ++hits;
        const std::string id = deskKbOptionId(a.id);
        bool used = false;
        for (const auto& o : options)
            if (o.id == id) used = o.used;
        ImGui::PushID(a.id.c_str());
        const std::string label = std::string(used ? icon::kEye : icon::kFileText) + "  " + a.title;
        if (ImGui::Selectable(label.c_str(), false) || open_first) {
            if (std::exchange(open_first, false)) ImGui::ClearActiveID();  // Enter leaves the search for the article
            // Opening an article is the desk tool: it takes time and counts for SOP step 4.
            if (!used) act(app, s, id);
            s.open_article = a.id;
        }
        recordItem(("kb:" + a.id).c_str());
        ImGui::PopID();
    }
    if (hits == 0) mutedText(tr("No article matches. Try another word."));
}

// The transfer options in the dialog's order (warm first: the SOP's default), numbered 1-9.
std::vector<const OptionView*> transferRows(const std::vector<OptionView>& options) {
    std::vector<const OptionView*> rows;
    for (const char* mode : {"warm", "cold"})
        for (const auto& o : options)
            if (!o.desk && o.action.type == ActionType::Transfer && o.action.mode == mode) rows.push_back(&o);
    return rows;
}

// Digits pick a row, Up/Down move the highlight, Enter picks it. Returns the row picked, or null.
const OptionView* transferKeys(DeskSession& s, const std::vector<const OptionView*>& rows) {
    const int n = static_cast<int>(rows.size());
    if (n == 0) return nullptr;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) s.transfer_highlight = (s.transfer_highlight + 1) % n;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) s.transfer_highlight = (s.transfer_highlight + n - 1) % n;
    s.transfer_highlight = std::clamp(s.transfer_highlight, 0, n - 1);
    for (int i = 0; i < n && i < 9; ++i)
        if (keyPressed(key::kDigit1 + i) || keyPressed(key::kKeypad1 + i)) return rows[static_cast<size_t>(i)];
    if (enterPressed()) return rows[static_cast<size_t>(s.transfer_highlight)];
    return nullptr;
}

void drawTransferDialog(AppState& app, DeskSession& s, const std::vector<OptionView>& options) {
    if (s.transfer_open) {
        ImGui::OpenPopup("###transfer_dialog");
        s.transfer_open = false;
        s.transfer_highlight = 0;
    }
    ImGui::SetNextWindowSize(ImVec2(em(30), 0));
    if (!ImGui::BeginPopupModal(fmt("{0}###transfer_dialog", tr("Transfer")).c_str(), nullptr,
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    sectionHeader(icon::kExchange, tr("Transfer the customer"));
    mutedText(tr("A warm transfer introduces the customer and passes the context on; a cold transfer just "
                 "puts them through. The SOP says which to use. Keys: 1-9, or Up/Down and Enter; Esc cancels."));
    ImGui::Spacing();
    const std::vector<const OptionView*> rows = transferRows(options);
    const OptionView* picked = transferKeys(s, rows);
    std::string shown_mode;
    for (size_t i = 0; i < rows.size(); ++i) {
        const OptionView& o = *rows[i];
        if (o.action.mode != shown_mode) {
            shown_mode = o.action.mode;
            ImGui::PushFont(font(FontRole::Bold));
            ImGui::TextUnformatted(shown_mode == "warm" ? tr("Warm transfer") : tr("Cold transfer"));
            ImGui::PopFont();
        }
        ImGui::PushID(o.id.c_str());
        const Named* team = app.content.sop.team(o.action.team);
        const std::string label = std::to_string(i + 1) + "  " + (team ? team->name : o.action.team) + ": " + o.text + "##" + o.id;
        ImGui::BeginDisabled(!o.available);
        const bool highlighted = static_cast<int>(i) == s.transfer_highlight;
        if (ImGui::Selectable(label.c_str(), highlighted, ImGuiSelectableFlags_DontClosePopups)) picked = &o;
        recordItem(o.id.c_str(), o.available);
        recordItem(("Desk action: transfer " + o.action.mode + " " + o.action.team).c_str(), o.available);
        ImGui::EndDisabled();
        if (!o.available) tooltip(whyUnavailable(s, o).c_str());
        ImGui::PopID();
    }
    if (picked && !picked->available) {
        s.error = fmt(tr("That transfer is not available: {0}"), whyUnavailable(s, *picked));
        picked = nullptr;
    }
    if (picked) {
        act(app, s, picked->id);
        ImGui::CloseCurrentPopup();
    }
    ImGui::Spacing();
    if (button(fmt("{0}##transfer", tr("Cancel")).c_str()) || escapePressed()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The desk actions of this moment in key order (F5, F6, ...): verify decisions, hold and resume,
// then one entry (null) for the transfer dialog.
std::vector<const OptionView*> keyedDeskActions(const std::vector<OptionView>& options) {
    std::vector<const OptionView*> keyed;
    bool any_transfer = false;
    for (const auto& o : options)
        if (!o.desk && o.action.type == ActionType::Verify) keyed.push_back(&o);
    for (const auto& o : options) {
        if (o.desk) continue;
        if (o.action.type == ActionType::Hold || o.action.type == ActionType::Resume) keyed.push_back(&o);
        any_transfer = any_transfer || o.action.type == ActionType::Transfer;
    }
    if (any_transfer) keyed.push_back(nullptr);
    return keyed;
}

constexpr int kFirstDeskActionKey = 4;  // F5: F1-F3 are the tabs
constexpr int kDeskActionKeys = 8;      // F5..F12

// F1-F3 pick a tab; F5.. play the keyed desk actions (outside the transfer dialog).
void deskKeys(AppState& app, DeskSession& s, const std::vector<const OptionView*>& keyed) {
    for (int t = 0; t < 3; ++t)
        if (keyPressed(key::kF1 + t)) s.desk_tab_request = static_cast<DeskTab>(t);
    if (ImGui::IsPopupOpen("###transfer_dialog")) return;
    for (int i = 0; i < static_cast<int>(keyed.size()) && i < kDeskActionKeys; ++i) {
        if (!keyPressed(key::kF1 + kFirstDeskActionKey + i)) continue;
        const OptionView* o = keyed[static_cast<size_t>(i)];
        if (!o) s.transfer_open = true;
        else if (o->available) act(app, s, o->id);
        else s.error = fmt(tr("{0} is not available: {1}"), deskKeyName(i), whyUnavailable(s, *o));
    }
}

ImGuiTabItemFlags tabFlags(const DeskSession& s, DeskTab tab) {
    return s.desk_tab_request == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
}

// Hold and resume as cards with their own labels (two resumes differ in words, not in a tooltip),
// then the transfer button; each shows its key.
void drawHoldResumeTransfer(AppState& app, DeskSession& s, const std::vector<const OptionView*>& keyed) {
    for (size_t i = 0; i < keyed.size(); ++i) {
        const OptionView* o = keyed[i];
        const std::string key_name = deskKeyName(static_cast<int>(i));
        if (!o) {
            if (iconButton(icon::kExchange, fmt("{0}  {1}###transfer", tr("Transfer..."), key_name).c_str())) s.transfer_open = true;
            recordItem(tr("Transfer..."));
            continue;
        }
        if (o->action.type == ActionType::Verify) continue;  // cards on the Verify tab
        const bool hold = o->action.type == ActionType::Hold;
        if (choiceCard(o->id, hold ? icon::kPause : icon::kPlay, colour::kInfo, deskActionLabel(*o), o->available, o->id,
                       hold ? (o->action.asked ? "Desk action: hold asked" : "Desk action: hold") : "Desk action: resume", key_name))
            act(app, s, o->id);
        recordItem(("Desk label: " + deskActionLabel(*o)).c_str(), o->available);
        tooltip(o->available ? o->text.c_str() : whyUnavailable(s, *o).c_str());
        ImGui::Dummy(ImVec2(0, em(0.05f)));
    }
}

}  // namespace

void drawDeskTools(AppState& app, DeskSession& s) {
    const std::vector<OptionView> options = s.engine->options();
    const std::vector<const OptionView*> keyed = keyedDeskActions(options);
    claimsHeard(s, options);  // latched whichever tab is open
    deskKeys(app, s, keyed);
    // Hold / resume / transfer: the node's own options, so asking first is a choice the trainee makes.
    drawHoldResumeTransfer(app, s, keyed);
    drawTransferDialog(app, s, options);

    ImGui::PushID(&s);  // each interaction has its own tab bar: none inherits the last one's tab
    if (ImGui::BeginTabBar("##desk")) {
        if (ImGui::BeginTabItem(fmt("{0}  {1}  F1###crm", icon::kIdCard, tr("Verify")).c_str(), nullptr, tabFlags(s, DeskTab::Verify))) {
            drawCrmTab(app, s, options);
            ImGui::EndTabItem();
        }
        recordItem("Verify tab");
        if (ImGui::BeginTabItem(fmt("{0}  {1}  F2###history", icon::kHistory, tr("History")).c_str(), nullptr, tabFlags(s, DeskTab::History))) {
            drawHistoryTab(app, s, options);
            ImGui::EndTabItem();
        }
        recordItem("History tab");
        // TRANSLATORS: a tab beside two others in a narrow column: keep it short.
        if (ImGui::BeginTabItem(fmt("{0}  {1}  F3###kb", icon::kBook, trc("desk tab", "Knowledge base")).c_str(), nullptr,
                                tabFlags(s, DeskTab::KnowledgeBase))) {
            drawKbTab(app, s, options);
            ImGui::EndTabItem();
        }
        recordItem("Knowledge base tab");
        ImGui::EndTabBar();
        s.desk_tab_request.reset();
    }
    ImGui::PopID();
}

// ---- wrap-up ------------------------------------------------------------------------------------------

namespace {

bool wrapUpFieldShown(const WrapUpForm& form, WrapUpField f) {
    return form.follow_up || (f != WrapUpField::Task && f != WrapUpField::Due);
}

// Tab / Shift+Tab walk the fields (skipping the hidden follow-up ones), wrapping round.
void moveWrapUpFocus(DeskSession& s, int step) {
    const int count = static_cast<int>(WrapUpField::Count);
    int f = static_cast<int>(s.wrap_focus);
    do f = (f + step + count) % count;
    while (!wrapUpFieldShown(s.wrap_up, static_cast<WrapUpField>(f)));
    s.wrap_focus = static_cast<WrapUpField>(f);
    s.wrap_focus_moved = true;
    ImGui::ClearActiveID();  // leave the text field (keeping its text); the next one takes focus as it draws
}

// Up/Down step through a combo's items while it has the form's focus.
void stepChoice(std::string& value, const std::vector<Named>& items) {
    if (items.empty()) return;
    const int down = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ? 1 : 0;
    const int up = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) ? 1 : 0;
    if (down == up) return;
    int at = -1;
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == value) at = static_cast<int>(i);
    const int n = static_cast<int>(items.size());
    at = at < 0 ? (down ? 0 : n - 1) : std::clamp(at + down - up, 0, n - 1);
    value = items[static_cast<size_t>(at)].id;
}

// The keyboard for the form: Tab order, Up/Down on the combos, Space on the check box.
// Returns true when the trainee asked to submit (Ctrl+Enter anywhere, Enter on Submit).
bool wrapUpKeys(AppState& app, DeskSession& s) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return false;  // an open combo has the keys
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) moveWrapUpFocus(s, io.KeyShift ? -1 : 1);
    if (io.KeyCtrl && enterPressed()) return true;
    if (io.WantTextInput) return false;
    WrapUpForm& form = s.wrap_up;
    switch (s.wrap_focus) {
        case WrapUpField::Disposition: stepChoice(form.disposition, app.content.sop.disposition_codes); break;
        case WrapUpField::Category: stepChoice(form.category, app.content.sop.categories); break;
        case WrapUpField::FollowUp:
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) form.follow_up = !form.follow_up;
            break;
        case WrapUpField::Submit: return enterPressed();
        default: break;
    }
    return false;
}

// A ring round the last item when it has the form's keyboard focus.
void markWrapUpFocus(const DeskSession& s, WrapUpField f) {
    if (s.wrap_focus != f) return;
    const float pad = em(0.15f);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - pad, a.y - pad), ImVec2(b.x + pad, b.y + pad), colour::kAccent, em(0.3f), 0, em(0.12f));
}

// A text field of the form: takes focus when Tab lands on it, Esc leaves it keeping the text.
// ---- soft-wrapped notes -------------------------------------------------------------------------------
// ImGui 1.86's multiline input does not wrap. The Notes box shows its text with some spaces turned
// into line breaks (one byte for one byte, so the cursor and selection keep their place), reflowed
// after every edit; the note is stored with those breaks turned back into spaces. A note is one
// paragraph: a typed or pasted line break becomes a space, so every break in the box is a soft one.

// `text` with a line break in place of the space before each word that would cross `width`.
std::string softWrapped(std::string text, float width) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    size_t line_start = 0;
    size_t last_space = std::string::npos;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ' ') continue;
        const bool space_on_line = last_space != std::string::npos && last_space >= line_start;
        if (space_on_line && ImGui::CalcTextSize(text.data() + line_start, text.data() + i).x > width) {
            text[last_space] = '\n';
            line_start = last_space + 1;
        }
        last_space = i;
    }
    return text;
}

std::string unwrapped(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

int reflowNotes(ImGuiInputTextCallbackData* data) {
    const float width = *static_cast<const float*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
        if (data->EventChar == '\n') data->EventChar = ' ';
        return 0;
    }
    const std::string now(data->Buf, static_cast<size_t>(data->BufTextLen));
    const std::string flowed = softWrapped(now, width);
    if (flowed == now) return 0;
    // Same length: the cursor and the selection stay where they were.
    const int cursor = data->CursorPos, start = data->SelectionStart, end = data->SelectionEnd;
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, flowed.c_str(), flowed.c_str() + flowed.size());
    data->CursorPos = cursor;
    data->SelectionStart = start;
    data->SelectionEnd = end;
    return 0;
}

// The Notes box, at the full width left on the line, wrapping its text; true when `notes` changed.
bool notesField(const char* id, std::string& notes, float height) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // The scrollbar's room is kept always, so a note that grows past the box does not reflow twice.
    float wrap_width = ImGui::GetContentRegionAvail().x - style.FramePadding.x * 2 - style.ScrollbarSize - 2;
    std::string shown = softWrapped(notes, wrap_width);
    const bool changed = ImGui::InputTextMultiline(id, &shown, ImVec2(-1, height),
                                                   ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_CallbackCharFilter,
                                                   reflowNotes, &wrap_width);
    if (changed) notes = unwrapped(shown);
    return changed;
}

void wrapUpText(DeskSession& s, WrapUpField f, const char* id, const char* hint, std::string& value, bool multiline) {
    escapeKeepsText(id);
    if (s.wrap_focus == f && s.wrap_focus_moved) {
        ImGui::SetKeyboardFocusHere();
        s.wrap_focus_moved = false;
    }
    if (multiline) notesField(id, value, em(5.5f));
    else ImGui::InputTextWithHint(id, hint, &value);
    if (ImGui::IsItemActive()) s.wrap_focus = f;  // a click moves the Tab order too
    markWrapUpFocus(s, f);
}

void wrapUpCombo(DeskSession& s, WrapUpField f, const char* label, const char* id, std::string& value, const std::vector<Named>& items,
                 bool show_code) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(em(8));
    ImGui::SetNextItemWidth(-1);
    std::string preview = tr("Choose...");
    for (const auto& n : items)
        if (n.id == value) preview = show_code ? n.id + "  " + n.name : n.name;
    if (ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        s.wrap_focus = f;
        for (const auto& n : items) {
            ImGui::PushID(n.id.c_str());
            const std::string text = show_code ? n.id + "  " + n.name : n.name;
            if (ImGui::Selectable(text.c_str(), n.id == value)) value = n.id;
            recordItem((std::string(label) + ":" + n.id).c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    recordItem(label);
    markWrapUpFocus(s, f);
    if (s.wrap_focus == f) s.wrap_focus_moved = false;
}

void wrapUpLabel(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(em(8));
    ImGui::SetNextItemWidth(-1);
}

}  // namespace

void drawWrapUp(AppState& app, DeskSession& s) {
    const Sop& sop = app.content.sop;
    WrapUpForm& form = s.wrap_up;
    sectionHeader(icon::kPencil, tr("Wrap-up"));
    mutedText(tr("Log the interaction in the CRM: the issue category, the resolution, and any follow-up you promised. "
                 "Tab moves between fields, Up/Down change a choice, Ctrl+Enter submits."));
    ImGui::Spacing();
    // Its own window without ImGui's keyboard navigation, so Tab follows this form's order only.
    if (s.wrap_focus_moved) ImGui::SetNextWindowFocus();
    ImGui::BeginChild("##wrapupform", ImVec2(0, 0), false, ImGuiWindowFlags_NoNavInputs);
    const bool submit_key = wrapUpKeys(app, s);
    wrapUpCombo(s, WrapUpField::Disposition, tr("Disposition"), "##disposition", form.disposition, sop.disposition_codes, true);
    wrapUpCombo(s, WrapUpField::Category, tr("Category"), "##category", form.category, sop.categories, false);

    wrapUpLabel(tr("Notes"));
    wrapUpText(s, WrapUpField::Notes, "##notes", nullptr, form.notes, true);
    recordItem(tr("Notes"));

    ImGui::Dummy(ImVec2(em(8) - ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::SameLine();
    ImGui::Checkbox(tr("Create a follow-up task"), &form.follow_up);
    recordItem(tr("Create a follow-up task"));
    markWrapUpFocus(s, WrapUpField::FollowUp);
    if (form.follow_up) {
        wrapUpLabel(tr("Task"));
        wrapUpText(s, WrapUpField::Task, "##task", tr("e.g. Call back with the refund reference"), form.follow_up_task, false);
        recordItem(tr("Task"));
        wrapUpLabel(tr("Due"));
        wrapUpText(s, WrapUpField::Due, "##due", tr("e.g. within 48 hours"), form.follow_up_due, false);
        recordItem(tr("Due"));
    }
    ImGui::Spacing();
    if (!s.error.empty()) wrappedText(s.error.c_str(), colour::kBad);
    const bool ready = !form.disposition.empty();
    ImGui::BeginDisabled(!ready);
    const bool clicked = iconButton(icon::kCheck, tr("Submit wrap-up"), ButtonKind::Primary, ImVec2(em(12), em(2.2f)));
    ImGui::EndDisabled();
    markWrapUpFocus(s, WrapUpField::Submit);
    if (!ready) tooltip(tr("Choose a disposition code first."));
    if (s.wrap_focus != WrapUpField::Notes && s.wrap_focus != WrapUpField::Task && s.wrap_focus != WrapUpField::Due) s.wrap_focus_moved = false;
    ImGui::EndChild();
    if ((clicked || submit_key) && ready) {
        const ChooseResult r = s.engine->submitWrapUp(form, static_cast<int>(s.wrap_up_seconds));
        s.error = r.ok ? std::string() : r.error;
    } else if (submit_key) {
        s.error = tr("Choose a disposition code first.");
    }
}

}  // namespace frontline::ui
