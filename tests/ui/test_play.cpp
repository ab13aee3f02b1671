// Headless UI tests: a new hire creates a profile, plays scenarios with mouse and keyboard, fills
// the wrap-up by typing, and gets a debrief; the Store must hold exactly what the debrief shows.
#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include "frontline/ui/demo.hpp"
#include "../temp_dir.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
namespace k = frontline::test;

namespace {

bool isDeskAction(ActionType t) {
    return t == ActionType::Verify || t == ActionType::Hold || t == ActionType::Resume || t == ActionType::Transfer;
}

// An unavailable conversational option with a reason, reached on some inbound call's best path.
struct UnavailableOption {
    ui::DeskSession* session = nullptr;
    OptionView option;
    int key = 0;  // its number key (1-9)
};

// Starts each inbound call in turn (`on_answer` sees every answered session) and walks its best
// path until a node offers such an option among the first nine; nullopt when none does.
std::optional<UnavailableOption> walkToUnavailableOption(Harness& h,
                                                         const std::function<void(ui::DeskSession&)>& on_answer = {}) {
    for (const auto& sc : h.app.content.scenarios) {
        if (sc->channel != Channel::Call || sc->outbound) continue;
        REQUIRE(ui::startScenario(h.app, sc->id));
        h.frames(1);
        h.press(k::kEnter);
        ui::DeskSession& s = *h.app.call.session;
        if (on_answer) on_answer(s);
        for (const auto& step : ui::bestPath(h.app.content, *sc)) {
            if (s.engine->phase() != Phase::Live) break;
            int index = 0;
            for (const auto& o : s.engine->options()) {
                if (o.desk || isDeskAction(o.action.type)) continue;
                ++index;
                if (!o.available && index <= 9 && !o.unavailable_reason.empty()) return UnavailableOption{&s, o, index};
            }
            s.engine->choose(step);
            h.frames(1);
        }
    }
    return std::nullopt;
}

// Plays the scenario's best path through the desk UI: desk tools by mouse, conversational options
// alternately by number key and by mouse, desk actions with their desk buttons.
void playBestPath(Harness& h, ui::DeskSession& s) {
    if (h.visible("Open CRM record")) h.click("Open CRM record");
    CHECK(s.engine->variable("crm_opened") == true);
    h.click("History tab");
    if (h.visible("Review history and tickets")) h.click("Review history and tickets");
    h.click("Knowledge base tab");
    for (const auto& a : s.scenario->kb) {
        if (!a.relevant) continue;
        h.click("kb:" + a.id);  // opens the article; the list comes back with "Back to results"
        if (h.visible("Back to results")) h.click("Back to results");
    }
    h.click("Verify tab");

    int by_key = 0;
    for (const auto& id : ui::bestPath(h.app.content, *s.scenario)) {
        if (s.engine->phase() != Phase::Live) break;
        const auto options = s.engine->options();
        auto it = std::find_if(options.begin(), options.end(), [&](const OptionView& o) { return o.id == id; });
        REQUIRE_MESSAGE(it != options.end(), "option " << id << " not offered");
        REQUIRE_MESSAGE(it->available, "option " << id << " unavailable: " << it->unavailable_reason);
        const size_t before = s.engine->log().events.size();
        if (it->action.type == ActionType::Transfer) {
            h.click("Transfer...");
            h.click(id);
        } else if (isDeskAction(it->action.type)) {
            h.click(id);
        } else {
            int index = 0;
            for (const auto& o : options) {
                if (o.id == id) break;
                if (!o.desk && !isDeskAction(o.action.type)) ++index;
            }
            CHECK(h.visible("Option " + std::to_string(index + 1)));
            if (by_key++ % 2 == 0 && index < 9) h.press(k::kDigit1 + index);
            else h.click(id);
        }
        REQUIRE_MESSAGE(s.engine->log().events.size() > before, "choosing " << id << " did nothing");
        bool chosen = false;
        for (const auto& e : s.engine->log().events)
            if (e.type == EventType::Choice && e.id == id) chosen = true;
        CHECK_MESSAGE(chosen, id);
    }
}

void fillWrapUp(Harness& h, ui::DeskSession& s) {
    REQUIRE(s.engine->phase() == Phase::WrapUp);
    const WrapUpExpectation* w = s.engine->wrapUpExpectation();
    REQUIRE(w != nullptr);
    CHECK_FALSE(h.enabled("Submit wrap-up"));  // no disposition yet
    h.click("Disposition");
    h.click("Disposition:" + w->dispositions.front());
    if (!w->category.empty()) {
        h.click("Category");
        h.click("Category:" + w->category);
    }
    std::string notes = "Customer called;";
    for (const auto& mention : w->notes_mention)
        notes += " " + (!mention.any_of.empty() ? mention.any_of.front() : mention.amounts.front()) + ";";
    h.click("Notes");
    h.type(notes);
    bool commitment = w->follow_up_required;
    for (const auto& e : s.engine->log().events) commitment = commitment || !e.commitment.empty();
    if (commitment) {
        h.click("Create a follow-up task");
        h.fill("Task", "Call back with the outcome");
        h.fill("Due", "within 48 hours");
    }
    CHECK(s.wrap_up.notes == notes);
    CHECK(s.wrap_up.disposition == w->dispositions.front());
    h.click("Submit wrap-up");
}

// Plays the session's best path and the expected wrap-up; the debrief opens on the one attempt stored.
std::vector<AttemptRecord> playToDebrief(Harness& h, ui::DeskSession& s) {
    playBestPath(h, s);
    fillWrapUp(h, s);
    h.frames(2);
    REQUIRE(h.app.screen == ui::ScreenId::Debrief);
    auto attempts = h.app.store->attempts(h.app.trainee->id);
    REQUIRE(attempts.size() == 1);
    return attempts;
}

}  // namespace

TEST_CASE("first run: a new hire creates a profile and lands on Home") {
    Harness h;
    h.openApp();
    CHECK(h.app.screen == ui::ScreenId::Profile);
    REQUIRE(h.visible("Your name"));
    h.click("Your name");
    h.type("Ana Lima");
    h.click("Team");
    h.type("Billing");
    h.click("Start training");
    REQUIRE(h.app.trainee);
    CHECK(h.app.trainee->name == "Ana Lima");
    CHECK(h.app.trainee->team == "Billing");
    CHECK(h.app.store->trainees().size() == 1);
    CHECK(h.app.screen == ui::ScreenId::Home);
    CHECK(h.visible("Play now"));
}

TEST_CASE("an empty name is refused with a message, not a trainee") {
    Harness h;
    h.openApp();
    h.click("Start training");
    CHECK_FALSE(h.app.trainee);
    CHECK(h.app.store->trainees().empty());
    CHECK_FALSE(h.app.profile.error.empty());
}

TEST_CASE("a call from the library, played with keys and mouse, is scored, stored and debriefed") {
    Harness h;
    h.openApp("Ana Lima");
    REQUIRE(h.app.screen == ui::ScreenId::Home);
    h.click("Scenarios");
    REQUIRE(h.app.screen == ui::ScreenId::Library);
    h.click("model-inbound-call");
    CHECK(h.app.library.selected == "model-inbound-call");
    h.click("Play");
    REQUIRE(h.app.screen == ui::ScreenId::CallDesk);
    ui::DeskSession& s = *h.app.call.session;
    CHECK(s.engine->phase() == Phase::Ringing);
    h.wait(2.0);  // two seconds of ringing
    h.press(k::kEnter);
    REQUIRE(s.engine->phase() == Phase::Live);
    CHECK(s.engine->log().events.front().data["waited"] == 2);

    const auto attempts = playToDebrief(h, s);
    CHECK(attempts[0].scenario_id == "model-inbound-call");
    CHECK(attempts[0].id == h.app.debrief.attempt_id);
    CHECK(h.app.debrief.report.points.total == attempts[0].points);
    CHECK(h.app.debrief.report.stars == attempts[0].stars);
    CHECK(attempts[0].passed);
    CHECK(h.app.debrief.report.breaches.empty());
    CHECK(h.visible("Debrief points"));
    // The home screen's numbers follow.
    CHECK(h.app.summary.progress.total_points == attempts[0].points);
    CHECK(h.app.summary.bestStars("model-inbound-call") == attempts[0].stars);

    // "Try again" starts a fresh attempt of the same scenario.
    h.click("Try again");
    REQUIRE(h.app.screen == ui::ScreenId::CallDesk);
    CHECK(h.app.call.session->scenario->id == "model-inbound-call");
    CHECK(h.app.call.session->engine->phase() == Phase::Ringing);
}

TEST_CASE("an email from the queue opens on the email desk, is answered part by part and debriefed") {
    Harness h;
    h.openApp("Ana Lima");
    h.click("Scenarios");
    h.app.library.channel = 3;  // the "Emails" filter: the list then fits without scrolling
    h.frames(1);
    h.click("email-bill-query");
    h.click("Play");
    REQUIRE(h.app.screen == ui::ScreenId::EmailDesk);
    ui::DeskSession& s = *h.app.call.session;
    CHECK(s.engine->phase() == Phase::Ringing);
    CHECK(h.visible("Open email"));
    CHECK_FALSE(h.app.requests.ring);  // an email waits quietly
    h.wait(1.0);
    h.click("Open email");
    REQUIRE(s.engine->phase() == Phase::Live);
    // The queue time counts towards the reply target; the second at the desk is added to it.
    CHECK(s.engine->log().events.front().data["waited"] == s.scenario->queued_minutes * 60 + 1);

    h.click("Home");  // leaving the desk keeps the email one click away
    REQUIRE(h.visible("Back to the email"));
    h.click("Back to the email");
    REQUIRE(h.app.screen == ui::ScreenId::EmailDesk);

    const auto attempts = playToDebrief(h, s);
    CHECK(attempts[0].channel == "email");
    CHECK(attempts[0].passed);
    CHECK(h.app.debrief.report.stars == 3);
}

TEST_CASE("answering late is passed to the engine as the real waited seconds") {
    Harness h;
    h.openApp("Ana Lima");
    REQUIRE(ui::startScenario(h.app, "model-inbound-call"));
    h.frames(1);
    const int target = h.app.settings.answerTargetSeconds(Channel::Call);
    h.wait(target + 5.0);
    h.click("Answer");
    const auto& answer = h.app.call.session->engine->log().events.front();
    CHECK(answer.type == EventType::Answer);
    CHECK(answer.data["waited"].get<int>() >= target + 4);
    CHECK(answer.data["late"] == true);
}

TEST_CASE("unavailable options are greyed and their number key explains why") {
    Harness h;
    h.openApp("Ana Lima");
    const auto found = walkToUnavailableOption(h);
    if (!found) FAIL("no scenario offers an unavailable option on its best path: the greyed-out path is untested");
    ui::DeskSession& s = *found->session;
    CHECK_FALSE(h.enabled(found->option.id));
    CHECK(h.visible(found->option.id));
    const size_t before = s.engine->log().events.size();
    h.press(k::kDigit1 + found->key - 1);
    CHECK(s.engine->log().events.size() == before);
    CHECK(s.error.find(found->option.unavailable_reason) != std::string::npos);
}

TEST_CASE("an assessment hides the summary and the reasons, and is recorded as one") {
    Harness h;
    h.openApp("Ana Lima");
    h.click("Scenarios");
    h.click("model-inbound-call");
    h.click("Mode: assessment");
    REQUIRE(h.app.library.assessment);
    const auto found = walkToUnavailableOption(h, [](ui::DeskSession& s) {
        CHECK(s.mode == AttemptMode::Assessment);
        CHECK(s.engine->log().mode == AttemptMode::Assessment);
    });
    if (!found) FAIL("no scenario offers an unavailable option on its best path: the assessment path is untested");
    ui::DeskSession& s = *found->session;
    h.press(k::kDigit1 + found->key - 1);
    CHECK_FALSE(s.error.empty());
    CHECK(s.error.find(found->option.unavailable_reason) == std::string::npos);  // no "do X first"
}

TEST_CASE("chat desk: concurrent chats, and a slow reply is recorded as a wait") {
    Harness h;
    h.openApp("Ana Lima");
    std::string chat_id;
    for (const auto& sc : h.app.content.scenarios)
        if (sc->channel == Channel::Chat) {
            chat_id = sc->id;
            break;
        }
    REQUIRE_FALSE(chat_id.empty());
    h.app.library.chat_sessions = 2;
    REQUIRE(ui::startScenario(h.app, chat_id));
    REQUIRE(h.app.screen == ui::ScreenId::ChatDesk);
    CHECK(h.app.chat.sessions.size() == 2);
    h.frames(2);
    h.press(k::kEnter);
    ui::DeskSession& first = *h.app.chat.sessions[0];
    REQUIRE(first.engine->phase() == Phase::Live);
    // The second chat arrives a few seconds later and shows up in the sidebar.
    CHECK_FALSE(h.visible("Chat 2"));
    h.wait(7.0);
    CHECK(h.visible("Chat 2"));

    const int limit = h.app.settings.chat_response_within_seconds;
    h.wait(limit + 6.0);
    REQUIRE(h.visible("Option 1"));
    h.press(k::kDigit1);
    bool slow_wait = false;
    for (const auto& e : first.engine->log().events)
        if (e.type == EventType::Wait && e.data["slow"] == true) slow_wait = true;
    CHECK(slow_wait);

    // Ctrl+2 switches to the second chat.
    h.press(k::kDigit1 + 1, true);
    CHECK(h.app.chat.active == 1);
}

TEST_CASE("history replays an attempt decision by decision") {
    Harness h;
    h.openApp();
    ui::seedDemo(h.app, "Sam Patel");
    h.frames(1);
    REQUIRE(h.app.summary.recent.size() >= 3);
    h.click("History");
    REQUIRE(h.app.screen == ui::ScreenId::History);
    const auto id = h.app.summary.recent.front().id;
    h.click("attempt:" + std::to_string(id));
    REQUIRE(h.app.history.loaded);
    CHECK(h.app.history.loaded->id == id);
    CHECK(h.app.history.replay_step == 0);
    h.click("Next decision");
    h.click("Next decision");
    CHECK(h.app.history.replay_step == 2);
    h.press(k::kLeft);
    CHECK(h.app.history.replay_step == 1);
    h.click("Show all");
    CHECK(h.app.history.replay_step == static_cast<int>(h.app.history.loaded->report.decisions.size()));
}

TEST_CASE("Home's badges judge each attempt by its own answer target and its own breaches") {
    Harness h;
    h.openApp("Ana Lima");
    // Today's target is far stricter than the one the attempts were played under: the badges
    // must not re-judge old attempts by it.
    h.app.settings.answer_within_rings = 1;
    h.app.settings.ring_seconds = 1;
    auto record = [&](int answered, int target, int breaches) {
        AttemptLog log;
        log.scenario_id = "failed-verification";  // tagged failed_verification: counts for Identity guardian
        log.channel = Channel::Call;
        ScoreReport report;
        report.scenario_id = log.scenario_id;
        report.passed = true;
        report.adherence = 90;
        report.stars = 2;
        report.metrics.answer_seconds = answered;
        report.metrics.target_answer_seconds = target;
        report.breaches.resize(static_cast<std::size_t>(breaches));
        h.app.store->recordAttempt(h.app.trainee->id, "Failed verification", log, report, "2026-03-01T09:00:00Z",
                                   "2026-03-01T09:05:00Z");
    };
    record(9, 20, 0);   // on time, clean
    record(9, 20, 2);   // on time, two rules broken
    record(30, 20, 0);  // late, clean
    ui::refreshSummary(h.app);
    REQUIRE(h.app.summary.valid);
    const Badge* quick = h.app.summary.progress.badge("quick_draw");
    const Badge* guardian = h.app.summary.progress.badge("identity_guardian");
    REQUIRE(quick);
    REQUIRE(guardian);
    CHECK(quick->progress == 2);
    CHECK(guardian->progress == 2);
    CHECK(h.app.summary.recent.size() == 3);
    CHECK(h.app.summary.recent.front().breaches == 0);  // newest first: the late, clean one
}

TEST_CASE("settings are saved to the store and used by the next attempt") {
    Harness h;
    h.openApp("Ana Lima");
    h.click("Settings");
    REQUIRE(h.app.screen == ui::ScreenId::Settings);
    h.fill("Company name", "Northwind Energy");
    h.click("Save settings");
    CHECK(h.app.settings.company_name == "Northwind Energy");
    CHECK(h.app.store->settings(h.app.content.default_settings).company_name == "Northwind Energy");
    REQUIRE(ui::startScenario(h.app, "model-inbound-call"));
    CHECK(h.app.call.session->settings.company_name == "Northwind Energy");
}

TEST_CASE("content that fails to load is listed in the library, not hidden") {
    const auto dir = std::filesystem::temp_directory_path() / "frontline-ui-bad-content";
    std::filesystem::remove_all(dir);
    std::filesystem::copy(FRONTLINE_TEST_CONTENT_DIR, dir, std::filesystem::copy_options::recursive);
    std::ofstream(dir / "scenarios" / "zz-broken.json") << "{ \"id\": \"broken\", \"title\": ";
    Harness h;
    h.openApp("Ana Lima", 7, dir);
    REQUIRE_FALSE(h.app.content.failed.empty());
    h.click("Scenarios");
    CHECK(h.visible("failed:zz-broken.json"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("every demo screen draws at 1280x800 and 1920x1080") {
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080)}) {
        Harness h(size);
        h.openApp();
        for (const auto& name : ui::demoScreenNames()) {
            if (name != "welcome" && !h.app.trainee) ui::seedDemo(h.app);
            CAPTURE(name);
            REQUIRE(ui::stageDemoScreen(h.app, name));
            h.frames(3);
        }
    }
}

TEST_CASE("a call the database refuses is announced before answering, kept, and saved once from Home") {
    frontline::test::TempDir dir;
    Harness h;
    h.openApp("Ana Lima");
    h.app.pending_dir = dir / "unsaved";
    h.app.store.emplace(Store::open(dir / "desk.db", StoreOptions{50, false}));
    ui::openApp(h.app, "Ana Lima");
    h.frames(2);
    // Another program holds the write lock for the whole call.
    Store other = Store::open(dir / "desk.db");
    auto held = std::make_optional<Store::Batch>(other);

    REQUIRE(ui::startScenario(h.app, "model-inbound-call"));
    h.frames(1);
    ui::DeskSession& s = *h.app.call.session;
    CHECK(s.save_problem.find("another program is writing") != std::string::npos);  // known before the call
    h.press(k::kEnter);
    playBestPath(h, s);
    fillWrapUp(h, s);
    h.frames(2);
    CHECK(h.app.screen == ui::ScreenId::CallDesk);  // not debriefed as if saved
    CHECK(h.visible("Try saving again"));
    INFO(s.error);
    CHECK(s.error.find("kept safe in") != std::string::npos);
    h.frames(10);  // no new try by itself while the lock is held (each would wait for it)
    CHECK(std::distance(std::filesystem::directory_iterator(dir / "unsaved"), std::filesystem::directory_iterator()) == 1);
    REQUIRE_FALSE(s.pending_file.empty());
    CHECK(std::filesystem::exists(s.pending_file));

    held.reset();  // rolled back: the lock is free
    h.click("Home");
    REQUIRE(h.app.screen == ui::ScreenId::Home);
    CHECK(h.app.pending_attempts == 1);
    h.click("Save it now");
    CHECK(h.app.pending_attempts == 0);
    CHECK(h.app.store->attemptCount(h.app.trainee->id) == 1);
    CHECK_FALSE(std::filesystem::exists(s.pending_file));

    // Back at the desk, "Try saving again" finds it saved: the same attempt, not a second one.
    ui::navigate(h.app, ui::ScreenId::CallDesk);
    h.frames(2);
    h.click("Try saving again");
    CHECK(h.app.screen == ui::ScreenId::Debrief);
    CHECK(h.app.store->attemptCount(h.app.trainee->id) == 1);
}
