// Demo state: scripted play-throughs and staged screens (screenshots, benchmarks, tests).
#include "frontline/ui/demo.hpp"
#include <algorithm>
#include "frontline/certs.hpp"
#include "frontline/validator.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

constexpr int kMaxSteps = 80;  // a scripted play never wanders for longer than this

bool chooseIfAvailable(Engine& engine, const std::string& id) {
    for (const auto& o : engine.options())
        if (o.id == id && o.available) return engine.choose(id).ok;
    return false;
}

// The first available conversational option, preferring ones that move the conversation on.
std::string firstAvailable(const Engine& engine) {
    std::string fallback;
    for (const auto& o : engine.options()) {
        if (o.desk || !o.available) continue;
        if (fallback.empty()) fallback = o.id;
    }
    return fallback;
}

void useDesk(Engine& engine) {
    for (const auto& o : engine.options()) {
        if (o.desk && o.available && deskToolServesSystemsStep(engine.scenario(), o.id)) engine.choose(o.id);
    }
}

WrapUpForm expectedWrapUp(const Engine& engine) {
    WrapUpForm form;
    if (const WrapUpExpectation* w = engine.wrapUpExpectation()) {
        if (!w->dispositions.empty()) form.disposition = w->dispositions.front();
        form.category = w->category;
        for (const auto& mention : w->notes_mention) {
            const std::string says = !mention.any_of.empty() ? mention.any_of.front() : mention.amounts.front();
            form.notes += (form.notes.empty() ? "" : "; ") + says;
        }
        form.follow_up = w->follow_up_required;
    }
    for (const auto& e : engine.log().events)
        if (!e.commitment.empty()) form.follow_up = true;
    if (form.follow_up) {
        form.follow_up_task = "Call the customer back with the outcome";
        form.follow_up_due = "within 48 hours";
    }
    if (form.notes.empty()) form.notes = "Customer contacted; issue handled as per SOP.";
    return form;
}

void playOut(Engine& engine, const std::vector<std::string>& choices, size_t count) {
    size_t used = 0;
    for (const auto& id : choices) {
        if (used++ >= count || engine.phase() != Phase::Live) break;
        if (!chooseIfAvailable(engine, id)) break;
    }
    for (int step = 0; step < kMaxSteps && engine.phase() == Phase::Live && used < count; ++step, ++used) {
        const std::string next = firstAvailable(engine);
        if (next.empty() || !engine.choose(next).ok) break;
    }
}

std::shared_ptr<const Scenario> firstOf(const AppState& app, Channel channel, const std::string& preferred = {}) {
    if (auto s = findScenario(app, preferred); s && s->channel == channel) return s;
    for (const auto& s : app.content.scenarios)
        if (s->channel == channel && !s->outbound) return s;
    return nullptr;
}

void clearSessions(AppState& app) {
    app.call.session.reset();
    app.chat.sessions.clear();
}

// The Team screen with its figures loaded (a screenshot cannot wait for the worker): the roster,
// the heatmap, the trends, or the busiest trainee opened.
void stageTeam(AppState& app, const std::string& name) {
    navigate(app, ScreenId::Certification);
    startTeamLoad(app);
    finishTeamLoad(app);
    CertificationScreenState& st = app.certification;
    st.tab = name == "team-heatmap" ? TeamTab::Heatmap : name == "team-trends" ? TeamTab::Trends : TeamTab::Roster;
    if (name != "team-trainee" || !st.overview) return;
    const TeamMember* busiest = nullptr;
    for (const auto& m : st.overview->members)
        if (!busiest || m.activity.attempts > busiest->activity.attempts) busiest = &m;
    if (busiest) openTraineeDrillDown(app, busiest->trainee.id);
}

}  // namespace

std::vector<std::string> bestPath(const ContentLibrary& content, const Scenario& scenario) {
    std::vector<Diagnostic> ignored;
    return validateGraph(scenario, content.sop, nullptr, ignored).best_path;
}

PlayedAttempt playScenario(const ContentLibrary& content, const OrgSettings& settings, const Scenario& scenario,
                           const std::string& agent, std::uint64_t seed, const std::vector<std::string>& choices,
                           bool use_desk, bool good_wrap_up, int answer_after) {
    Engine engine(content.sop, scenario, settings, agent, seed);
    engine.answer(answer_after);
    if (use_desk) useDesk(engine);
    playOut(engine, choices, static_cast<size_t>(kMaxSteps));
    if (engine.phase() == Phase::WrapUp) {
        WrapUpForm form = expectedWrapUp(engine);
        if (!good_wrap_up) {
            form.notes = "Call handled.";
            form.follow_up = false;
        }
        engine.submitWrapUp(form);
    }
    PlayedAttempt out;
    out.log = engine.log();
    out.report = scoreAttempt(content.sop, scenario, settings, out.log);
    return out;
}

void seedDemo(AppState& app, const std::string& trainee_name) {
    if (!app.store) return;
    const Trainee t = app.store->traineeByNameOrCreate(trainee_name, "Billing");
    // A realistic first week: a model call, a near miss, a slip, a retry that passes, a chat.
    struct Plan {
        Channel channel;
        int nth;  // nth scenario of that channel in library order
        bool best;
        bool desk;
        int answer_after;
        const char* day;
        AttemptMode mode;
    };
    // The near miss was an assessment (the debrief screenshot shows one: no coaching, caps named).
    constexpr AttemptMode kPractice = AttemptMode::Practice;
    const Plan plans[] = {{Channel::Call, 0, true, true, 4, "2026-03-09", kPractice},
                          {Channel::Call, 1, false, false, 25, "2026-03-10", AttemptMode::Assessment},
                          {Channel::Call, 1, true, true, 5, "2026-03-10", kPractice},
                          {Channel::Call, 2, true, false, 9, "2026-03-11", kPractice},
                          {Channel::Chat, 0, true, true, 12, "2026-03-12", kPractice},
                          {Channel::Call, 3, true, true, 3, "2026-03-12", kPractice}};
    int n = 0;
    for (const Plan& p : plans) {
        std::shared_ptr<const Scenario> scenario;
        int seen = 0;
        for (const auto& s : app.content.scenarios) {
            if (s->channel != p.channel || s->outbound) continue;
            if (seen++ == p.nth) {
                scenario = s;
                break;
            }
        }
        if (!scenario) continue;
        const auto choices = p.best ? bestPath(app.content, *scenario) : std::vector<std::string>{};
        PlayedAttempt a = playScenario(app.content, app.settings, *scenario, t.name, 1000 + static_cast<std::uint64_t>(n), choices,
                                       p.desk, p.best, p.answer_after);
        a.log.mode = p.mode;
        const std::string started = std::string(p.day) + "T09:" + std::to_string(10 + n * 7) + ":00Z";
        const std::string finished = std::string(p.day) + "T09:" + std::to_string(16 + n * 7) + ":00Z";
        app.store->recordAttempt(t.id, scenario->title, a.log, a.report, started, finished);
        ++n;
    }
    selectTrainee(app, t);
}

const std::vector<std::string>& demoScreenNames() {
    static const std::vector<std::string> names = {"welcome", "profile", "home",  "library", "ringing", "call",
                                                   "wrapup",  "chat",    "email",   "debrief", "history", "settings", "quiz",
                                                   "certificates", "team", "team-heatmap", "team-trends", "team-trainee",
                                                   "keys",         "issuer-passphrase", "trainee-pin",  "manager-password"};  // last two: PINs on, a password set
    return names;
}

bool stageDemoScreen(AppState& app, const std::string& name) {
    clearSessions(app);
    app.issuer_passphrase = {};  // only its own screen shows the dialog
    app.keyboard_help = false;
    if (name == "welcome") {
        app.trainee.reset();
        app.screen = ScreenId::Profile;
        return true;
    }
    if (!app.trainee) return false;
    if (name == "profile") {
        navigate(app, ScreenId::Profile);
    } else if (name == "home") {
        navigate(app, ScreenId::Home);
    } else if (name == "library") {
        const auto s = firstOf(app, Channel::Call, "failed-verification");
        app.library.selected = s ? s->id : std::string();
        navigate(app, ScreenId::Library);
    } else if (name == "ringing" || name == "call" || name == "wrapup") {
        const auto s = firstOf(app, Channel::Call, name == "wrapup" ? "model-inbound-call" : "failed-verification");
        if (!s || !startScenario(app, s->id)) return false;
        DeskSession& d = *app.call.session;
        if (name == "ringing") {
            d.ring_seconds = 7.5;
            return true;
        }
        d.engine->answer(4);
        if (name == "call") {
            d.engine->choose("desk.crm");
            playOut(*d.engine, bestPath(app.content, *s), 1);  // a node with several (shuffled) replies
        } else {
            useDesk(*d.engine);
            playOut(*d.engine, bestPath(app.content, *s), static_cast<size_t>(kMaxSteps));
            d.wrap_up = expectedWrapUp(*d.engine);
            // Mid-typing, long enough to wrap in the Notes box.
            d.wrap_up.notes = "Customer's pay day moved to the 25th: direct debit moved from the 1st to the 28th from December; "
                              "one-off £34.65 for the extra days explained and agreed. Confirmation email to";
        }
    } else if (name == "email") {
        const auto s = firstOf(app, Channel::Email);
        if (!s || !startScenario(app, s->id)) return false;
        DeskSession& d = *app.call.session;
        d.engine->answer(20);
        d.engine->choose("desk.crm");
        playOut(*d.engine, bestPath(app.content, *s), 2);  // greeting written and verified: the answer is next
    } else if (name == "chat") {
        const auto s = firstOf(app, Channel::Chat);
        app.library.chat_sessions = 3;
        if (!s || !startScenario(app, s->id)) return false;
        for (size_t i = 0; i < app.chat.sessions.size(); ++i) {
            DeskSession& d = *app.chat.sessions[i];
            d.arrives_at = app.time - 20;
            if (i == 2) {
                d.ring_seconds = 11;
                continue;
            }
            d.engine->answer(8 + static_cast<int>(i) * 5);
            playOut(*d.engine, bestPath(app.content, *d.scenario), i == 0 ? 2 : 1);
            d.last_act_time = app.time - (i == 0 ? 14.0 : 48.0);
        }
    } else if (name == "debrief") {
        if (app.summary.recent.empty()) return false;
        // The most instructive attempt: a failed one if there is one.
        std::int64_t id = app.summary.recent.front().id;
        for (const auto& a : app.summary.recent)
            if (!a.passed) id = a.id;
        openDebrief(app, {id});
        app.debrief.shown_at = app.time - 10;  // the count-up has finished
    } else if (name == "history") {
        navigate(app, ScreenId::History);
        if (!app.summary.recent.empty()) {
            app.history.selected = app.summary.recent.front().id;
            app.history.loaded.reset();
            app.history.replay_step = 5;  // past the desk tools: a reply with the replies as shown
        }
    } else if (name == "settings") {
        // One value the organisation set (the screenshot database is a throwaway): the screen
        // shows how such a value is marked and offers its reset.
        if (app.store) {
            app.store->setSettings({{"hold_estimate", "about two minutes"}});
            app.settings = app.store->settings(app.content.default_settings);
        }
        navigate(app, ScreenId::Settings);
    } else if (name == "quiz") {
        navigate(app, ScreenId::Quiz);  // the quiz screen loads its banks and shows the picker
    } else if (name == "certificates") {
        navigate(app, ScreenId::Certificates);
    } else if (name == "keys") {
        navigate(app, ScreenId::Home);
        app.keyboard_help = true;  // the "?" map over Home
    } else if (name == "issuer-passphrase") {
        // A manager signs with the organisation's key: its passphrase is asked for each signature.
        navigate(app, ScreenId::Certificates);
        IssuerPassphraseState& s = app.issuer_passphrase;
        s.open = s.focus = true;
        s.what = "'Inbound agent — level 1' for " + (app.trainee ? app.trainee->name : std::string("a trainee"));
        s.fingerprint = keyFingerprint(loadOrCreateSigningKey(app.store->dataDirectory()).public_key);
        s.then = [](AppState&, const SigningKey&) {};
    } else if (name == "trainee-pin") {
        // A shared PC whose manager turned trainee PINs on: a colleague's profile chooses its PIN.
        app.settings.trainee_pin_digits = 4;
        navigate(app, ScreenId::Profile);
        signIn(app, app.store->traineeByNameOrCreate("Ana Lima", "Billing"));
    } else if (name == "manager-password") {
        // The dialog a trainee meets at Settings once a manager protected this file.
        if (!app.store->managerPasswordSet()) app.store->setManagerPassword("demo-manager-password");
        lockManager(app);
        navigate(app, ScreenId::Settings);
    } else if (name.rfind("team", 0) == 0) {
        stageTeam(app, name);
    } else {
        return false;
    }
    return true;
}

}  // namespace frontline::ui
