#include <algorithm>
#include <cctype>
// frontline play SCENARIO — the call or chat in the terminal, for a person or scripted for tests.
//
// Input tokens (typed at the prompt, or listed in --answers a,b,c): a number picks the node's
// option (1-based, as listed), an option id picks it by id, `c` opens the CRM record, `h` the
// history, `k2` the second knowledge-base article, `w30` lets 30 seconds pass (dead air / a slow
// chat reply). The wrap-up comes from --disposition/--category/--notes/--follow-up when scripted.
#include <chrono>
#include <iostream>
#include <random>
#include "cli_support.hpp"
#include "debrief_text.hpp"
#include "frontline/engine.hpp"
#include "frontline/golden.hpp"
#include "frontline/scoring.hpp"

namespace frontline::cli {
namespace {

const char* kUsage =
    "usage: frontline play SCENARIO [--trainee NAME] [--answers 2,1,c,k1,3…] [--seed N]\n"
    "                      [--answer-after SECONDS] [--disposition CODE] [--category ID] [--notes TEXT]\n"
    "                      [--follow-up TASK] [--follow-up-due TEXT] [--json] [--no-record] [--db PATH] [--content DIR]\n"
    "                      [--assessment]\n"
    "       frontline play --list\n"
    "Tokens: a number = that option, an option id, c = open CRM record, h = history and tickets,\n"
    "kN = knowledge-base article N, wN = let N seconds pass. Unscripted play reads them from the keyboard.\n"
    "Replies are shuffled from the seed: numbers follow the order shown. --assessment: no hints until the debrief.\n";

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
                              : line.speaker == "agent"  ? std::string("You")
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
            if (!o.available) out() << "   [unavailable" << (coaching ? ": " + o.unavailable_reason : std::string()) << "]";
            out() << "\n";
        }
        out() << "  desk:";
        for (const auto& o : options) {
            if (!o.desk) continue;
            std::string key = o.id == "desk.crm" ? "c" : o.id == "desk.history" ? "h" : "k" + std::to_string(++k);
            const KbArticle* article = deskKbArticle(engine.scenario(), o.id);
            out() << "  " << key << "=" << (article ? article->title : o.id == "desk.crm" ? "CRM" : "history")
                  << (o.used ? " (open)" : "");
        }
        out() << "\n";
    }

    void showDeskResult(const std::string& id) {
        const auto& s = engine.scenario();
        if (id == "desk.crm") {
            out() << "  --- CRM record ---------------------------------\n";
            for (const auto& [label, value] : s.crm.fields) out() << "    " << label << ": " << value << "\n";
            if (!s.claims.empty()) {
                out() << "  --- What the caller says -----------------------\n";
                for (const auto& [label, value] : s.claims) out() << "    " << label << ": " << value << "\n";
            }
        } else if (id == "desk.history") {
            for (const auto& h : s.crm.history) out() << "    " << h.date << " " << h.channel << ": " << h.summary << "\n";
            for (const auto& t : s.crm.open_tickets) out() << "    ticket " << t.id << " [" << t.status << "]: " << t.summary << "\n";
        } else if (const auto* a = deskKbArticle(s, id)) {
            out() << "  --- KB: " << a->title << " ---\n    " << engine.fill(a->body) << "\n";
        }
    }

    // Maps a token to an engine call. Returns an error message or empty on success.
    std::string apply(const std::string& token, const std::vector<OptionView>& options) {
        if (token.empty()) return "empty answer";
        if (token[0] == 'w' && token.size() > 1 && std::isdigit(static_cast<unsigned char>(token[1]))) {
            engine.elapse(std::stoi(token.substr(1)));
            return {};
        }
        std::string id;
        if (token == "c") id = "desk.crm";
        else if (token == "h") id = "desk.history";
        else if (token[0] == 'k' && token.size() > 1 && std::isdigit(static_cast<unsigned char>(token[1]))) {
            size_t want = std::stoul(token.substr(1)), k = 0;
            for (const auto& o : options)
                if (o.desk && deskKbArticle(engine.scenario(), o.id) && ++k == want) id = o.id;
            if (id.empty()) return "no knowledge-base article " + token.substr(1);
        } else if (std::all_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            size_t want = std::stoul(token), n = 0;
            for (const auto& o : options)
                if (!o.desk && ++n == want) id = o.id;
            if (id.empty()) return "there is no option " + token;
        } else {
            id = token;
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

}  // namespace

int cmdPlay(const std::vector<std::string>& argv, Io& io) {
    auto args = parseArgs(argv, {"--json", "--help", "--no-record", "--list", "--assessment"}, io.err);
    if (!args) return 2;
    if (args->has("--help")) {
        io.out << kUsage;
        return 0;
    }
    auto content = loadContentOrReport(*args, io, true);
    if (!content) return 1;
    if (args->has("--list")) {
        for (const auto& s : content->scenarios)
            io.out << s->id << "  [" << channelName(s->channel) << ", " << difficultyName(s->difficulty) << "]  " << s->title << "\n";
        for (const auto& f : content->failed) io.out << "(failed to load) " << f.file << "\n";
        return 0;
    }
    if (args->positional.size() != 1) {
        io.err << kUsage;
        return 2;
    }
    const Scenario* scenario = content->scenario(args->positional[0]);
    if (!scenario) {
        for (const auto& f : content->failed)
            if (f.file.find(args->positional[0]) != std::string::npos)
                for (const auto& d : f.diagnostics) io.err << format(d) << "\n";
        io.err << "frontline: no playable scenario '" << args->positional[0] << "' (try `frontline play --list`)\n";
        return 1;
    }
    bool record = !args->has("--no-record");
    std::optional<Store> store;
    if (record) {
        store = openStoreOrReport(*args, io);
        if (!store) return 1;
    }
    OrgSettings settings = effectiveSettings(*content, store ? &*store : nullptr);
    std::string trainee = traineeNameFor(*args);
    std::uint64_t seed = args->has("--seed") ? std::stoull(args->get("--seed")) : std::random_device{}();
    bool scripted = args->has("--answers") || !io.interactive;
    bool json = args->has("--json");
    std::vector<std::string> answers = splitList(args->get("--answers"));
    size_t next_answer = 0;

    Engine engine(content->sop, *scenario, settings, trainee, seed);
    const bool assessment = args->has("--assessment");
    if (assessment) engine.setMode(AttemptMode::Assessment);
    Player player{engine, io, json, !assessment};
    std::string started_at = nowUtcIso();
    auto& out = player.out();
    out << "\n" << scenario->title << "  (" << channelName(scenario->channel) << ", " << difficultyName(scenario->difficulty)
        << ")\n" << (assessment ? std::string("Assessment: no hints until the debrief.") : scenario->summary) << "\nCustomer: " << scenario->persona.name << " — mood " << engine.mood() << "/100\n";

    int waited = std::stoi(args->get("--answer-after", "0"));
    if (!scripted) {
        auto t0 = std::chrono::steady_clock::now();
        prompt(io, scenario->outbound ? "\nPress Enter to place the call… " : scenario->channel == Channel::Chat
                                                                                 ? "\nA chat is waiting. Press Enter to accept… "
                                                                                 : "\nThe phone is ringing! Press Enter to answer… ");
        waited = static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0).count());
    }
    engine.answer(waited);

    while (engine.phase() == Phase::Live) {
        player.showNewLines();
        auto options = engine.options();
        std::string token;
        if (scripted) {
            if (next_answer >= answers.size()) {
                io.err << "frontline: the answers ran out at node '" << engine.currentNodeId() << "'; the attempt was not recorded\n";
                return 1;
            }
            token = answers[next_answer++];
        } else {
            player.showOptions(options);
            token = prompt(io, "> ");
            if (token == "\x04" || token == "q") {
                io.out << "\nAttempt abandoned; nothing was recorded.\n";
                return 1;
            }
            if (token == "?" || token == "help") {
                io.out << kUsage;
                continue;
            }
        }
        if (auto error = player.apply(token, options); !error.empty()) {
            if (scripted) {
                io.err << "frontline: answer " << next_answer << " ('" << token << "') at node '" << engine.currentNodeId() << "': " << error << "\n";
                return 1;
            }
            io.out << "  (" << (player.coaching ? error : std::string("not possible right now")) << ")\n";
        }
    }
    player.showNewLines();

    if (engine.phase() == Phase::WrapUp) {
        WrapUpForm form;
        if (scripted) {
            form.disposition = args->get("--disposition");
            form.category = args->get("--category");
            form.notes = args->get("--notes");
            form.follow_up_task = args->get("--follow-up");
            form.follow_up = !form.follow_up_task.empty();
            form.follow_up_due = args->get("--follow-up-due");
        } else {
            io.out << "\n--- Wrap-up: document the interaction ---\n";
            const auto& codes = content->sop.disposition_codes;
            for (size_t i = 0; i < codes.size(); ++i) io.out << "  " << i + 1 << ") " << codes[i].id << "  " << codes[i].name << "\n";
            auto pick = prompt(io, "Disposition code (number): ");
            if (auto n = std::atoi(pick.c_str()); n >= 1 && n <= static_cast<int>(codes.size())) form.disposition = codes[n - 1].id;
            const auto& cats = content->sop.categories;
            for (size_t i = 0; i < cats.size(); ++i) io.out << "  " << i + 1 << ") " << cats[i].name << "\n";
            pick = prompt(io, "Issue category (number): ");
            if (auto n = std::atoi(pick.c_str()); n >= 1 && n <= static_cast<int>(cats.size())) form.category = cats[n - 1].id;
            form.notes = prompt(io, "Notes (issue, resolution, commitments): ");
            auto task = prompt(io, "Follow-up task (leave empty for none): ");
            if (task != "\x04" && !task.empty()) {
                form.follow_up = true;
                form.follow_up_task = task;
                form.follow_up_due = prompt(io, "Due: ");
            }
        }
        engine.submitWrapUp(form);
    }

    ScoreReport report = scoreAttempt(content->sop, *scenario, settings, engine.log());
    std::int64_t attempt_id = 0;
    if (record) {
        try {
            auto t = store->traineeByNameOrCreate(trainee);
            attempt_id = store->recordAttempt(t.id, scenario->title, engine.log(), report, started_at, nowUtcIso());
        } catch (const StoreError& e) {
            io.err << "frontline: the attempt could not be saved: " << e.what() << "\n";
            return 1;
        }
    }
    if (json) {
        // A ready-made golden play-through: paste it into scenarios/content/golden/<id>.golden.json.
        nlohmann::json golden{{"name", "describe this path"}, {"seed", seed}, {"answer_after", waited}, {"choices", nlohmann::json::array()},
                               {"expect", goldenExpectation(report)}};
        for (const auto& e : engine.log().events) {
            if (e.type == EventType::Choice || e.type == EventType::Desk) golden["choices"].push_back(e.id);
            if (e.type == EventType::Wait) golden["choices"].push_back("wait:" + std::to_string(e.data.value("seconds", 0)));
            if (e.type == EventType::WrapUp) golden["wrap_up"] = e.data;
        }
        nlohmann::json j{{"attempt_id", attempt_id}, {"trainee", trainee}, {"scenario", scenario->id}, {"seed", seed},
                         {"golden", golden}, {"report", report}, {"log", engine.log()}};
        io.out << j.dump(2) << "\n";
    } else {
        printDebrief(report, content->sop, io.out);
        if (record) io.out << "\nSaved as attempt #" << attempt_id << " for " << trainee << ".\n";
    }
    return 0;
}

}  // namespace frontline::cli
