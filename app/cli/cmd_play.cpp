// frontline play SCENARIO — the call or chat in the terminal, for a person or scripted for tests.
//
// Input tokens (typed at the prompt, or listed in --answers a,b,c): a number picks the node's
// option (1-based, as listed), an option id picks it by id, `c` opens the CRM record, `h` the
// history, `k2` the second knowledge-base article, `w30` lets 30 seconds pass (dead air / a slow
// chat reply). The wrap-up comes from --disposition/--category/--notes/--follow-up when scripted.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>
#include <random>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/translation.hpp"
#include "debrief_text.hpp"
#include "frontline/engine.hpp"
#include "frontline/golden.hpp"
#include "frontline/parse_number.hpp"
#include "frontline/pending.hpp"
#include "frontline/scoring.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {
namespace {

const char* kUsage = N_(
    "usage: frontline play SCENARIO [--trainee NAME] [--answers 2,1,c,k1,3…] [--seed N]\n"
    "                      [--answer-after SECONDS] [--disposition CODE] [--category ID] [--notes TEXT]\n"
    "                      [--follow-up TASK] [--follow-up-due TEXT] [--json] [--no-record] [--db PATH] [--content DIR]\n"
    "                      [--assessment] [--pin-file FILE]\n"
    "       frontline play --list [--json]\n"
    "Tokens: a number = that option, an option id, c = open CRM record, h = history and tickets,\n"
    "kN = knowledge-base article N, wN = let N seconds pass. Unscripted play reads them from the keyboard.\n"
    "Numbers: options and articles 1 to 99, waits and --answer-after 0 to 86400 seconds, --seed 0 to 2^64-1.\n"
    "Replies are shuffled from the seed: numbers follow the order shown. --assessment: no hints until the debrief.\n");

// One answer token: a wait, a desk tool, an option by its number, or an option id.
struct Token {
    enum Kind { Wait, Crm, History, Kb, Option, Id } kind = Id;
    int number = 0;
    std::string id;
};

constexpr std::int64_t kMaxListed = 99;  // option and article numbers as listed

bool startsWithDigitAfter(const std::string& text, char prefix) {
    return text.size() > 1 && text[0] == prefix && std::isdigit(static_cast<unsigned char>(text[1]));
}

// Throws UsageError for a number out of range ("w99999999999", "k0", "0"), so scripted answers
// are all checked before anything runs.
Token readToken(const std::string& text) {
    if (text.empty()) throw UsageError(tr("an answer is empty"));
    if (text == "c") return {Token::Crm, 0, {}};
    if (text == "h") return {Token::History, 0, {}};
    const auto number = [&](std::string_view digits, std::int64_t min, std::int64_t max, const std::string& what) {
        return static_cast<int>(wholeNumber(digits, min, max, what));
    };
    if (startsWithDigitAfter(text, 'w'))
        return {Token::Wait, number(std::string_view(text).substr(1), 0, Engine::kMaxWaitSeconds, fmt(tr("the wait '{0}'"), text)), {}};
    if (startsWithDigitAfter(text, 'k'))
        return {Token::Kb, number(std::string_view(text).substr(1), 1, kMaxListed, fmt(tr("the article '{0}'"), text)), {}};
    if (std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return {Token::Option, number(text, 1, kMaxListed, fmt(tr("the option number '{0}'"), text)), {}};
    return {Token::Id, 0, text};
}

struct Player {
    Engine& engine;
    Io& io;
    bool json;
    bool coaching = true;  // practice: reasons an option is unavailable; assessment: none
    size_t shown = 0;  // transcript lines already printed

    std::ostream& out() { return json ? io.err : io.out; }  // keep stdout clean JSON with --json

    void showNewLines() {
        const auto& t = engine.transcript();
        for (; shown < t.size(); ++shown) {
            const auto& line = t[shown];
            std::string who = line.speaker == "customer" ? engine.scenario().persona.name
                              : line.speaker == "agent"  ? std::string(tr("You"))
                              : line.speaker == "desk"   ? std::string("[desk]")
                                                         : "[" + line.speaker + "]";
            out() << "  " << who << ": " << line.text << "\n";
        }
    }

    void showOptions(const std::vector<OptionView>& options) {
        out() << "\n";
        int n = 0, k = 0;
        for (const auto& o : options) {
            if (o.desk) continue;
            ++n;
            out() << "  " << n << ") " << o.text;
            if (!o.available) out() << "   [" << tr("unavailable") << (coaching ? ": " + o.unavailable_reason : std::string()) << "]";
            out() << "\n";
        }
        out() << "  " << tr("desk:");
        for (const auto& o : options) {
            if (!o.desk) continue;
            std::string key = o.id == "desk.crm" ? "c" : o.id == "desk.history" ? "h" : "k" + std::to_string(++k);
            const KbArticle* article = deskKbArticle(engine.scenario(), o.id);
            out() << "  " << key << "=" << (article ? article->title : o.id == "desk.crm" ? "CRM" : tr("history"))
                  << (o.used ? " " + std::string(tr("(open)")) : std::string());
        }
        out() << "\n";
    }

    void showDeskResult(const std::string& id) {
        const auto& s = engine.scenario();
        if (id == "desk.crm") {
            out() << "  --- " << tr("CRM record") << " ---------------------------------\n";
            for (const auto& [label, value] : s.crm.fields) out() << "    " << label << ": " << value << "\n";
            if (!s.claims.empty()) {
                out() << "  --- " << tr("What the caller says") << " -----------------------\n";
                for (const auto& [label, value] : s.claims) out() << "    " << label << ": " << value << "\n";
            }
        } else if (id == "desk.history") {
            for (const auto& h : s.crm.history) out() << "    " << h.date << " " << h.channel << ": " << h.summary << "\n";
            for (const auto& t : s.crm.open_tickets) out() << "    " << fmt(tr("ticket {0} [{1}]: {2}"), t.id, t.status, t.summary) << "\n";
        } else if (const auto* a = deskKbArticle(s, id)) {
            out() << "  --- KB: " << a->title << " ---\n    " << engine.fill(a->body) << "\n";
        }
    }

    // Maps a token to an engine call. Returns an error message or empty on success.
    std::string apply(const std::string& text, const std::vector<OptionView>& options) {
        Token token;
        try {
            token = readToken(text);
        } catch (const UsageError& e) {
            return e.what();
        }
        std::string id = token.id;
        switch (token.kind) {
            case Token::Wait: engine.elapse(token.number); return {};
            case Token::Crm: id = "desk.crm"; break;
            case Token::History: id = "desk.history"; break;
            case Token::Kb: {
                int k = 0;
                for (const auto& o : options)
                    if (o.desk && deskKbArticle(engine.scenario(), o.id) && ++k == token.number) id = o.id;
                if (id.empty()) return fmt(tr("no knowledge-base article {0}"), token.number);
                break;
            }
            case Token::Option: {
                int n = 0;
                for (const auto& o : options)
                    if (!o.desk && ++n == token.number) id = o.id;
                if (id.empty()) return fmt(tr("there is no option {0}"), token.number);
                break;
            }
            case Token::Id: break;
        }
        auto result = engine.choose(id);
        if (!result.ok) return result.error;
        if (id.rfind("desk.", 0) == 0) showDeskResult(id);
        return {};
    }
};

std::string prompt(Io& io, const std::string& question) {
    io.out << question << std::flush;
    std::string line;
    if (!std::getline(io.in, line)) return "\x04";  // end of input
    return line;
}

// Free text typed at a prompt, asked again until it is UTF-8 (it is stored and exported as such).
std::string promptText(Io& io, const std::string& question) {
    while (true) {
        std::string text = prompt(io, question);
        if (text == "\x04") return {};
        if (utf8::valid(text)) return text;
        io.out << tr("  (that is not UTF-8 text: set the terminal to UTF-8 and type it again)\n");
    }
}

// What was typed on the command line, checked before content or the database is touched.
struct PlayOptions {
    std::uint64_t seed = 0;
    int answer_after = 0;
    bool scripted = false;
    bool json = false;
    bool record = true;
    std::vector<std::string> answers;
};

PlayOptions readPlayOptions(const Args& args, const Io& io) {
    PlayOptions o;
    o.seed = seedOption(args, "--seed").value_or(std::random_device{}());
    o.answer_after = static_cast<int>(numberOption(args, "--answer-after", 0, Engine::kMaxWaitSeconds, 0));
    o.scripted = args.has("--answers") || !io.interactive;
    o.json = args.has("--json");
    o.record = !args.has("--no-record");
    o.answers = splitList(args.get("--answers"));
    if (args.has("--answers") && o.answers.empty()) throw UsageError(tr("--answers lists no answers"));
    for (const auto& token : o.answers) readToken(token);
    return o;
}

void listScenarios(const ContentLibrary& content, bool json, Io& io) {
    if (json) {
        nlohmann::json scenarios = nlohmann::json::array(), failed = nlohmann::json::array();
        for (const auto& s : content.scenarios)
            scenarios.push_back({{"id", s->id}, {"title", s->title}, {"channel", channelName(s->channel)},
                                 {"difficulty", difficultyName(s->difficulty)}, {"tags", s->tags}});
        for (const auto& f : content.failed) {
            nlohmann::json errors = nlohmann::json::array();
            for (const auto& d : f.diagnostics)
                if (d.severity == Severity::Error) errors.push_back(format(d));
            failed.push_back({{"file", f.file}, {"errors", errors}});
        }
        io.out << jsonText({{"scenarios", scenarios}, {"failed", failed}}) << "\n";
        return;
    }
    for (const auto& s : content.scenarios)
        io.out << s->id << "  [" << channelText(s->channel) << ", " << difficultyText(s->difficulty) << "]  " << s->title << "\n";
    for (const auto& f : content.failed) io.out << tr("(failed to load)") << " " << f.file << "\n";
}

const Scenario* scenarioOrReport(const ContentLibrary& content, const std::string& id, Io& io) {
    const Scenario* scenario = content.scenario(id);
    if (scenario) return scenario;
    for (const auto& f : content.failed)
        if (f.file.find(id) != std::string::npos)
            for (const auto& d : f.diagnostics) io.err << format(d) << "\n";
    io.err << "frontline: " << fmt(tr("no playable scenario '{0}' (try `frontline play --list`)"), id) << "\n";
    return nullptr;
}

// The seconds until the call was answered: as scripted, or as long as the person took.
int answerCall(const Scenario& scenario, const PlayOptions& o, Io& io) {
    if (o.scripted) return o.answer_after;
    auto t0 = std::chrono::steady_clock::now();
    prompt(io, "\n" + std::string(scenario.outbound                   ? tr("Press Enter to place the call… ")
                                  : scenario.channel == Channel::Chat  ? tr("A chat is waiting. Press Enter to accept… ")
                                  : scenario.channel == Channel::Email ? tr("An email is waiting in the queue. Press Enter to open it… ")
                                                                       : tr("The phone is ringing! Press Enter to answer… ")));
    auto waited = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0).count();
    return static_cast<int>(std::min<std::int64_t>(waited, Engine::kMaxWaitSeconds));
}

// Plays until the conversation ends. Returns false when the attempt ends unrecorded (answers ran
// out, a scripted answer failed, or the person quit).
bool converse(Player& player, const PlayOptions& o, Io& io) {
    Engine& engine = player.engine;
    size_t next_answer = 0;
    while (engine.phase() == Phase::Live) {
        player.showNewLines();
        auto options = engine.options();
        std::string token;
        if (o.scripted) {
            if (next_answer >= o.answers.size()) {
                io.err << "frontline: " << fmt(tr("the answers ran out at node '{0}'; the attempt was not recorded"), engine.currentNodeId()) << "\n";
                return false;
            }
            token = o.answers[next_answer++];
        } else {
            player.showOptions(options);
            token = prompt(io, "> ");
            if (token == "\x04" || token == "q") {
                io.out << tr("\nAttempt abandoned; nothing was recorded.\n");
                return false;
            }
            if (token == "?" || token == "help") {
                io.out << tr(kUsage);
                continue;
            }
        }
        if (auto error = player.apply(token, options); !error.empty()) {
            if (o.scripted) {
                io.err << "frontline: " << fmt(tr("answer {0} ('{1}') at node '{2}': {3}"), next_answer, token, engine.currentNodeId(), error) << "\n";
                return false;
            }
            io.out << "  (" << (player.coaching ? utf8::sanitized(error) : std::string(tr("not possible right now"))) << ")\n";
        }
    }
    player.showNewLines();
    return true;
}

// A numbered pick from a list, or empty when the answer is not one of the numbers.
template <class List>
std::string pickFrom(Io& io, const List& list, const std::string& question) {
    auto n = parseWholeNumber(prompt(io, question), 1, static_cast<std::int64_t>(list.size()));
    return n ? list[static_cast<size_t>(*n - 1)].id : std::string();
}

WrapUpForm askWrapUp(const Sop& sop, Io& io) {
    WrapUpForm form;
    io.out << tr("\n--- Wrap-up: document the interaction ---\n");
    for (size_t i = 0; i < sop.disposition_codes.size(); ++i)
        io.out << "  " << i + 1 << ") " << sop.disposition_codes[i].id << "  " << sop.disposition_codes[i].name << "\n";
    form.disposition = pickFrom(io, sop.disposition_codes, tr("Disposition code (number): "));
    for (size_t i = 0; i < sop.categories.size(); ++i) io.out << "  " << i + 1 << ") " << sop.categories[i].name << "\n";
    form.category = pickFrom(io, sop.categories, tr("Issue category (number): "));
    form.notes = promptText(io, tr("Notes (issue, resolution, commitments): "));
    auto task = promptText(io, tr("Follow-up task (leave empty for none): "));
    if (!task.empty()) {
        form.follow_up = true;
        form.follow_up_task = task;
        form.follow_up_due = promptText(io, tr("Due: "));

    }
    return form;
}

WrapUpForm scriptedWrapUp(const Args& args) {
    WrapUpForm form;
    form.disposition = args.get("--disposition");
    form.category = args.get("--category");
    form.notes = args.get("--notes");
    form.follow_up_task = args.get("--follow-up");
    form.follow_up = !form.follow_up_task.empty();
    form.follow_up_due = args.get("--follow-up-due");
    return form;
}

// A ready-made golden play-through: paste it into scenarios/content/golden/<id>.golden.json.
nlohmann::json goldenBlock(const Engine& engine, const ScoreReport& report, const PlayOptions& o, int waited) {
    nlohmann::json golden{{"name", "describe this path"}, {"seed", o.seed}, {"answer_after", waited}, {"choices", nlohmann::json::array()},
                           {"expect", goldenExpectation(report)}};
    for (const auto& e : engine.log().events) {
        if (e.type == EventType::Choice || e.type == EventType::Desk) golden["choices"].push_back(e.id);
        if (e.type == EventType::Wait) golden["choices"].push_back("wait:" + std::to_string(e.data.value("seconds", 0)));
        if (e.type == EventType::WrapUp) golden["wrap_up"] = e.data;
    }
    return golden;
}

// The store refused the attempt: keep it in the recovery folder for `frontline recover`.
void keepUnsavedAttempt(const Store& store, const std::string& trainee, const Scenario& scenario, const AttemptLog& log,
                        const ScoreReport& report, const std::string& started_at, const std::string& why, Io& io) {
    try {
        const auto file = keepPending({{}, pendingKeyFor(store.locator()), trainee, "", scenario.title, started_at, nowUtcIso(), why, log, report});
        io.err << "frontline: " << fmt(tr("the attempt is kept in {0}; `frontline recover` saves it when the database can take it."), file.string()) << "\n";
    } catch (const StoreError& kept) {
        io.err << "frontline: " << kept.what() << "\n";
    }
}

}  // namespace

int cmdPlay(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--list", "--no-record", "--assessment"},
                                          {"--answers", "--seed", "--answer-after", "--trainee"},
                                          {"--disposition", "--category", "--notes", "--follow-up", "--follow-up-due"},
                                          {"--pin-file"}});
    if (args.has("--help")) {
        io.out << tr(kUsage);
        return 0;
    }
    const PlayOptions o = readPlayOptions(args, io);
    if (!args.has("--list") && args.positional.size() != 1)
        throw UsageError(tr("play needs one SCENARIO (see `frontline play --list`)"));
    auto content = loadContentOrReport(args, io, true);
    if (content) applyContentTranslations(*content, i18n::language());
    if (!content) return 1;
    if (args.has("--list")) {
        listScenarios(*content, o.json, io);
        return 0;
    }
    const Scenario* scenario = scenarioOrReport(*content, args.positional[0], io);
    if (!scenario) return 1;
    std::optional<Store> store;
    if (o.record) {
        store = openStoreOrReport(args, io);
        if (!store) return 1;
        if (const std::string problem = store->writeProblem(); !problem.empty())
            io.err << "frontline: warning: " << fmt(tr("this attempt cannot be saved now ({0}); it will be kept in {1} until `frontline recover` saves it."), problem, pendingDirectory().string()) << "\n";
    }
    OrgSettings settings = o.record ? effectiveSettings(*content, &*store) : settingsWithoutRecording(*content, args, io);
    const std::string trainee = traineeNameFor(args);
    // The PIN before the call: a trainee should not play it through for a record that is refused.
    if (store && !traineePinConfirmed(*store, settings, trainee, args, io)) return 1;

    Engine engine(content->sop, *scenario, settings, trainee, o.seed);
    const bool assessment = args.has("--assessment");
    if (assessment) engine.setMode(AttemptMode::Assessment);
    Player player{engine, io, o.json, !assessment};
    const std::string started_at = nowUtcIso();
    player.out() << "\n" << scenario->title << "  (" << channelText(scenario->channel) << ", " << difficultyText(scenario->difficulty)
                 << ")\n" << (assessment ? std::string(tr("Assessment: no hints until the debrief.")) : scenario->summary) << "\n" << fmt(tr("Customer: {0} — mood {1}/100"), scenario->persona.name, engine.mood()) << "\n";
    const int waited = answerCall(*scenario, o, io);
    engine.answer(waited);
    if (!converse(player, o, io)) return 1;
    if (engine.phase() == Phase::WrapUp) engine.submitWrapUp(o.scripted ? scriptedWrapUp(args) : askWrapUp(content->sop, io));

    ScoreReport report = scoreAttempt(content->sop, *scenario, settings, engine.log());
    std::int64_t attempt_id = 0;
    if (o.record) {
        try {
            auto t = store->traineeByNameOrCreate(trainee);
            attempt_id = store->recordAttempt(t.id, scenario->title, engine.log(), report, started_at, nowUtcIso());
        } catch (const StoreError& e) {
            io.err << "frontline: " << fmt(tr("the attempt could not be saved: {0}"), e.what()) << "\n";
            keepUnsavedAttempt(*store, trainee, *scenario, engine.log(), report, started_at, e.what(), io);
            return 1;
        }
    }
    if (o.json) {
        io.out << jsonText({{"attempt_id", attempt_id}, {"trainee", trainee}, {"scenario", scenario->id}, {"seed", o.seed},
                            {"golden", goldenBlock(engine, report, o, waited)}, {"report", report}, {"log", engine.log()}})
               << "\n";
    } else {
        printDebrief(report, content->sop, io.out);
        if (o.record && attempt_id == 0)  // a server's desk offline: kept in its outbox
            io.out << "\n" << fmt(tr("Kept on this desk for {0}: the server cannot be reached; it is sent when it can (frontline sync)."), trainee) << "\n";
        else if (o.record)
            io.out << "\n" << fmt(tr("Saved as attempt #{0} for {1}."), attempt_id, trainee) << "\n";

    }
    return 0;
}

}  // namespace frontline::cli
