// Headless UI tests of the keyboard map (README "Keyboard"): the desk tabs and actions, the wrap-up
// form's Tab order, Esc that leaves a field keeping its text, the transfer dialog, Ctrl+N in the
// chat desk, quiz keys and the "?" overlay. Keys only, no clicks, wherever the map promises it.
#include <algorithm>
#include <doctest/doctest.h>
#include "frontline/ui/demo.hpp"
#include "desk_steps.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
namespace k = frontline::test;
using frontline::test::answerCall;
using frontline::test::openDesk;

namespace {

// Plays the best path straight through the engine up to the wrap-up form.
ui::DeskSession& callAtWrapUp(Harness& h) {
    ui::DeskSession& s = answerCall(h, "model-inbound-call");
    openDesk(s);
    for (const auto& id : ui::bestPath(h.app.content, *s.scenario)) {
        if (s.engine->phase() != Phase::Live) break;
        const ChooseResult r = s.engine->choose(id);
        REQUIRE_MESSAGE(r.ok, id << ": " << r.error);
    }
    h.frames(3);
    REQUIRE(s.engine->phase() == Phase::WrapUp);
    REQUIRE(h.visible("Submit wrap-up"));
    return s;
}

size_t agentActs(const ui::DeskSession& s) {
    return static_cast<size_t>(std::count_if(s.engine->log().events.begin(), s.engine->log().events.end(),
                                             [](const Event& e) { return e.type == EventType::Choice; }));
}

}  // namespace

TEST_CASE("Esc leaves the Notes field and keeps every word typed") {
    Harness h;
    h.openApp("Kim Keys");
    ui::DeskSession& s = callAtWrapUp(h);
    h.click("Notes");
    h.type("Caller verified, address updated.");
    REQUIRE(s.wrap_up.notes == "Caller verified, address updated.");
    h.press(k::kEscape);
    CHECK(s.wrap_up.notes == "Caller verified, address updated.");
    CHECK_FALSE(ImGui::GetIO().WantTextInput);  // out of the field
    CHECK(h.app.screen == ui::ScreenId::CallDesk);
}

TEST_CASE("the wrap-up form is filled and submitted with Tab, arrows, Space, typing and Ctrl+Enter") {
    Harness h;
    h.openApp("Kim Keys");
    ui::DeskSession& s = callAtWrapUp(h);
    CHECK(s.wrap_focus == ui::WrapUpField::Disposition);  // the form opens on its first field
    h.press(k::kDown);
    CHECK(s.wrap_up.disposition == h.app.content.sop.disposition_codes.front().id);
    h.press(k::kTab);
    h.press(k::kDown);
    CHECK(s.wrap_up.category == h.app.content.sop.categories.front().id);
    h.press(k::kTab);
    h.frames(1);
    h.type("Resolved on the call.");
    CHECK(s.wrap_up.notes == "Resolved on the call.");
    h.press(k::kTab);  // out of Notes (Tab does not type into it)
    CHECK(s.wrap_up.notes == "Resolved on the call.");
    CHECK(s.wrap_focus == ui::WrapUpField::FollowUp);
    h.press(k::kSpace);
    REQUIRE(s.wrap_up.follow_up);
    h.press(k::kTab);
    h.frames(1);
    h.type("Call back");
    CHECK(s.wrap_up.follow_up_task == "Call back");
    h.press(k::kTab, false, true);  // Shift+Tab: back to the check box
    CHECK(s.wrap_focus == ui::WrapUpField::FollowUp);
    h.press(k::kSpace);
    CHECK_FALSE(s.wrap_up.follow_up);
    h.press(k::kEnter, true);
    h.frames(2);
    CHECK(s.engine->phase() == Phase::Finished);
}

TEST_CASE("F1-F3 switch desk tabs, and every call starts on Verify whatever the last one left open") {
    Harness h;
    h.openApp("Kim Keys");
    answerCall(h, "model-inbound-call");
    CHECK_FALSE(h.visible("Knowledge base search"));
    h.press(k::kF1 + 2);
    CHECK(h.visible("Knowledge base search"));
    h.press(k::kF1);
    CHECK_FALSE(h.visible("Knowledge base search"));
    h.press(k::kF1 + 2);
    REQUIRE(h.visible("Knowledge base search"));

    h.app.call.session.reset();  // the next call, with the knowledge base left open
    answerCall(h, "hold-and-dead-air");
    CHECK_FALSE(h.visible("Knowledge base search"));
    CHECK(h.visible("Verify tab"));
}

TEST_CASE("F5 and on play the desk actions shown with those keys") {
    Harness h;
    h.openApp("Kim Keys");
    ui::DeskSession& s = answerCall(h, "model-inbound-call");
    openDesk(s);
    // Walk the best path until a verify decision is on the desk, then take it by key.
    bool pressed = false;
    for (const auto& id : ui::bestPath(h.app.content, *s.scenario)) {
        const auto options = s.engine->options();
        auto verify = std::find_if(options.begin(), options.end(), [](const OptionView& o) { return !o.desk && o.action.type == ActionType::Verify; });
        if (verify != options.end() && verify->available) {
            h.press(k::kF1 + 4);
            CHECK(s.engine->variable(verify->action.verify_result == "pass" ? "verified" : "verification_failed") == true);
            pressed = true;
            break;
        }
        REQUIRE(s.engine->choose(id).ok);
        h.frames(1);
    }
    CHECK(pressed);
}

TEST_CASE("Ctrl+2 in the chat desk switches chats and never picks reply 2, even when Ctrl is let go first") {
    Harness h;
    h.openApp("Ana Lima");
    h.app.library.chat_sessions = 2;
    REQUIRE(ui::startScenario(h.app, "chat-concurrent-a"));
    h.frames(2);
    h.press(k::kEnter);
    h.wait(7.0);
    REQUIRE(h.visible("Chat 2"));
    ui::DeskSession& first = *h.app.chat.sessions[0];
    REQUIRE(first.engine->phase() == Phase::Live);
    REQUIRE(h.visible("Option 2"));
    const size_t before = agentActs(first);

    // Ctrl goes down, then in one frame Ctrl comes up and 2 goes down (a quick chord).
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    h.frame();
    io.KeyCtrl = false;
    io.KeysDown[k::kDigit1 + 1] = true;
    h.frame();
    io.KeysDown[k::kDigit1 + 1] = false;
    h.frames(2);
    CHECK(h.app.chat.active == 1);
    CHECK(agentActs(first) == before);
}

TEST_CASE("quiz answers by letter or number, Enter checks and moves on") {
    Harness h;
    h.openApp("Quinn", 11);
    h.click("Quizzes");
    h.click("Practise:definitions");
    REQUIRE(h.app.quiz.active);
    auto& q = h.app.quiz;
    // Find a single-answer question by moving on with Enter (Skip is a click; Enter needs an answer).
    const Question* question = q.library.question(q.draw.questions[static_cast<size_t>(q.current)].question);
    REQUIRE(question);
    if (question->type == QuestionType::Single || question->type == QuestionType::TrueFalse || question->type == QuestionType::Judgement) {
        h.press(k::kA + 1);  // "b"
        CHECK(q.answers[static_cast<size_t>(q.current)].picks == std::vector<int>{1});
        h.press(k::kDigit1);  // "1" is "a"
        CHECK(q.answers[static_cast<size_t>(q.current)].picks == std::vector<int>{0});
    } else if (question->type == QuestionType::Multiple) {
        h.press(k::kA);
        h.press(k::kDigit1 + 1);
        CHECK(q.answers[static_cast<size_t>(q.current)].picks.size() == 2);
    }
    const int at = q.current;
    h.press(k::kEnter);
    REQUIRE(q.feedback.has_value());  // checked
    h.press(k::kEnter);
    CHECK(q.current == at + 1);  // and on to the next question
    CHECK_FALSE(q.feedback.has_value());
}

TEST_CASE("? opens the keyboard map and Esc closes it, but a ? typed into a field is only text") {
    Harness h;
    h.openApp("Kim Keys");
    CHECK_FALSE(h.visible("Keyboard help"));
    h.type("?");
    CHECK(h.visible("Keyboard help"));
    h.press(k::kEscape);
    h.frames(1);
    CHECK_FALSE(h.visible("Keyboard help"));
    h.click("Scenarios");
    h.click("Search scenarios");
    h.type("?");
    CHECK_FALSE(h.visible("Keyboard help"));
}

TEST_CASE("while the keyboard map is open, a digit picks no reply and Esc closes only the map") {
    Harness h;
    h.openApp("Kim Keys");
    ui::DeskSession& s = answerCall(h, "model-inbound-call");
    REQUIRE(h.visible("Option 1"));
    const size_t before = agentActs(s);
    h.type("?");
    REQUIRE(h.visible("Keyboard help"));
    h.press(k::kDigit1);
    CHECK(agentActs(s) == before);
    CHECK(s.error.empty());  // not even a refusal: the key never reached the desk
    h.press(k::kEscape);
    h.frames(1);
    CHECK_FALSE(h.visible("Keyboard help"));
    CHECK(h.app.screen == ui::ScreenId::CallDesk);
    h.press(k::kDigit1);  // and the desk has its keys back
    CHECK((agentActs(s) == before + 1 || !s.error.empty()));
}

TEST_CASE("Alt+1.. opens the top bar's screens in the order shown, and Alt+digit on the desk picks no reply") {
    Harness h;
    h.openApp("Kim Keys");
    h.press(k::kDigit1 + 1, false, false, true);  // Alt+2
    CHECK(h.app.screen == ui::ScreenId::Library);
    h.press(k::kDigit1 + 3, false, false, true);  // Alt+4
    CHECK(h.app.screen == ui::ScreenId::Quiz);
    h.press(k::kDigit1, false, false, true);  // Alt+1
    CHECK(h.app.screen == ui::ScreenId::Home);

    ui::DeskSession& s = answerCall(h, "model-inbound-call");
    REQUIRE(h.visible("Option 1"));
    const size_t before = agentActs(s);
    h.press(k::kDigit1, false, false, true);  // Alt+1 leaves the call for Home; it is not reply 1
    CHECK(agentActs(s) == before);
    CHECK(h.app.screen == ui::ScreenId::Home);
}

TEST_CASE("the library's Down, Up and Home move the selection through the scenarios shown, and Enter plays it") {
    Harness h;
    h.openApp("Kim Keys");
    h.press(k::kDigit1 + 1, false, false, true);
    REQUIRE(h.app.screen == ui::ScreenId::Library);
    std::vector<std::string> shown;
    for (const auto& s : h.app.content.scenarios) shown.push_back(s->id);
    REQUIRE(shown.size() >= 3);
    h.press(k::kHome);
    CHECK(h.app.library.selected == shown[0]);
    h.press(k::kDown);
    h.press(k::kDown);
    CHECK(h.app.library.selected == shown[2]);
    h.press(k::kUp);
    CHECK(h.app.library.selected == shown[1]);
    h.press(k::kUp);
    h.press(k::kUp);  // stays on the first
    CHECK(h.app.library.selected == shown[0]);
    h.press(k::kDown);
    h.press(k::kEnter);
    const ui::DeskSession* started = h.app.call.session ? h.app.call.session.get()
                                     : h.app.chat.sessions.empty() ? nullptr : h.app.chat.sessions.front().get();
    REQUIRE(started != nullptr);
    CHECK(started->scenario->id == shown[1]);
}

TEST_CASE("the quiz picker: Down picks the next exam, P practises it, Enter starts the exam") {
    Harness h;
    h.openApp("Quinn", 11);
    h.press(k::kDigit1 + 3, false, false, true);  // Alt+4: Quizzes
    REQUIRE(h.app.screen == ui::ScreenId::Quiz);
    const auto& exams = h.app.quiz.library.exams;
    REQUIRE(!exams.empty());
    CHECK(h.visible("Picked exam:" + exams[0].id));
    if (exams.size() > 1) {
        h.press(k::kDown);
        CHECK(h.visible("Picked exam:" + exams[1].id));
        h.press(k::kUp);
    }
    h.press(k::kA + ('P' - 'A'));
    REQUIRE(h.app.quiz.active);
    CHECK(h.app.quiz.mode == QuizMode::Practice);
    CHECK(h.app.quiz.draw.quiz == exams[0].id);
}

TEST_CASE("F4 works the open tab's tool: the CRM record, then the knowledge base search where Enter opens an article") {
    Harness h;
    h.openApp("Kim Keys");
    ui::DeskSession& s = answerCall(h, "model-inbound-call");
    REQUIRE(h.visible("Open CRM record"));
    h.press(k::kF1 + 3);
    CHECK(s.engine->variable("crm_opened") == true);
    CHECK_FALSE(h.visible("Open CRM record"));

    h.press(k::kF1 + 2);  // the knowledge base tab
    REQUIRE(h.visible("Knowledge base search"));
    h.press(k::kF1 + 3);
    h.frames(1);
    CHECK(ImGui::GetIO().WantTextInput);  // the cursor is in the search
    REQUIRE(!s.scenario->kb.empty());
    const KbArticle& first = s.scenario->kb.front();
    h.type(first.title);
    h.press(k::kEnter);
    CHECK(s.open_article == first.id);
    h.frames(1);  // io.WantTextInput follows the field a frame later
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
}

namespace {
// Practises `bank` and moves to its first question of `type`; false when it draws none.
bool practiseUntil(Harness& h, const std::string& bank, QuestionType type) {
    h.click("Quizzes");
    h.click("Practise:" + bank);
    auto& q = h.app.quiz;
    REQUIRE(q.active);
    for (size_t i = 0; i < q.draw.questions.size(); ++i) {
        const Question* question = q.library.question(q.draw.questions[i].question);
        if (question && question->type == type) {
            q.current = static_cast<int>(i);
            h.frames(2);
            return true;
        }
    }
    return false;
}
}  // namespace

TEST_CASE("an ordering question by keys: Down picks a row, Ctrl+Up moves its item up") {
    Harness h;
    h.openApp("Quinn", 11);
    REQUIRE(practiseUntil(h, "definitions", QuestionType::Ordering));
    auto& picks = h.app.quiz.answers[static_cast<size_t>(h.app.quiz.current)].picks;
    REQUIRE(picks.size() >= 3);
    const std::vector<int> before = picks;
    h.press(k::kDown);
    h.press(k::kDown);                 // the third row
    h.press(k::kUp, true);             // Ctrl+Up: its item goes to second place
    CHECK(picks[1] == before[2]);
    CHECK(picks[2] == before[1]);
    h.press(k::kUp, true);             // and on to the top
    CHECK(picks[0] == before[2]);
    CHECK(picks[1] == before[0]);
}

TEST_CASE("a matching question by keys: a letter matches the current term, then the next term is current") {
    Harness h;
    h.openApp("Quinn", 11);
    REQUIRE(practiseUntil(h, "definitions", QuestionType::Matching));
    auto& picks = h.app.quiz.answers[static_cast<size_t>(h.app.quiz.current)].picks;
    REQUIRE(picks.size() >= 2);
    h.press(k::kA + 1);  // "b" for the first term
    CHECK(picks[0] == 1);
    h.press(k::kA);      // "a" for the second
    CHECK(picks[1] == 0);
    // Back to the first term (the second letter moved on to a third term when there is one).
    for (size_t up = 0; up < std::min<size_t>(2, picks.size() - 1); ++up) h.press(k::kUp);
    h.press(k::kDigit1 + 2);  // "3" is "c"
    CHECK(picks[0] == 2);
    CHECK(picks[1] == 0);
}
