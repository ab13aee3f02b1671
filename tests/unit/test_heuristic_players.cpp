// Players that know nothing of the SOP must not pass (issue 10), on the real engine and scorer
// over every bundled scenario: always the longest reply, always the first reply shown, and a
// uniformly random player over many seeds. The first two are given every advantage outside the
// replies: they open every desk tool as soon as the call is answered and fill in the wrap-up the
// ending expects, so only their choice of replies decides. The random player picks uniformly among
// everything on the screen (replies and unused desk tools) and fills the wrap-up at random; how
// random replies fare with the advantages is printed too when FRONTLINE_HEURISTIC_HELPED is set.
#include <doctest/doctest.h>
#include <cstdlib>
#include <functional>
#include <iostream>
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "test_support.hpp"

// The thresholds are the issue's, and all three cases gate CI. Measured on the bundled content
// (27 scenarios, 2026-11-30): the longest reply passes 0, the first reply shown 1
// (cross-sell-fab); the random player passes at most 3.7 % of 1,000 attempts in any scenario
// (documentation-wrap-up, compliance-consent; the email scenario 3.4 %).
// Before the content was tightened: first shown 3 of 26, random above 5 % in 11 scenarios (up to
// 31 %, returning-customer-open-ticket).

using namespace frontline;
using namespace frontline::test;

namespace {

// The 1,000 seeds in every build, the sanitizer one too (the seeds are fixed, so a smaller
// sample would be a different verdict, not a faster one). FRONTLINE_HEURISTIC_SEEDS in the
// environment lets an author try another count.
const int kRandomSeeds = [] {
    const char* env = std::getenv("FRONTLINE_HEURISTIC_SEEDS");
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n : 1000;
}();
constexpr int kMaxDecisions = 200;  // a player going round a loop gives up (and fails)

// Picks one of the available replies, in the order shown.
using Picker = std::function<size_t(const std::vector<const OptionView*>&)>;

WrapUpForm expectedForm(const Engine& engine) {
    WrapUpForm form;
    const WrapUpExpectation* w = engine.wrapUpExpectation();
    if (!w) return form;
    if (!w->dispositions.empty()) form.disposition = w->dispositions.front();
    form.category = w->category;
    for (const NotesMention& m : w->notes_mention)
        form.notes += (!m.any_of.empty() ? m.any_of.front() : m.amounts.front()) + "; ";
    bool follow_up = w->follow_up_required;
    for (const Event& e : engine.log().events) follow_up = follow_up || !e.commitment.empty();
    if (follow_up) {
        form.follow_up = true;
        form.follow_up_task = "Call back with the outcome";
        form.follow_up_due = "within 48 hours";
    }
    return form;
}

// A wrap-up filled in at random: any code, any category, nothing worth reading in the notes.
WrapUpForm randomForm(const Sop& sop, std::uint64_t draw) {
    WrapUpForm form;
    form.disposition = sop.disposition_codes[draw % sop.disposition_codes.size()].id;
    form.category = sop.categories[(draw / 7) % sop.categories.size()].id;
    form.notes = "Customer contacted.";
    return form;
}

struct Advantages {
    bool desk_first = true;     // every desk tool opened right after answering (else: tools are options like replies)
    bool expected_form = true;  // the wrap-up the ending expects (else: a random one)
};

// FRONTLINE_HEURISTIC_SHOW=<scenario id> prints every game of that scenario a player passes (its
// choices, wrap-up and score): what an author tightening the content needs to see.
void showPassingGame(const Scenario& scenario, const AttemptLog& log, const ScoreReport& report) {
    const char* show = std::getenv("FRONTLINE_HEURISTIC_SHOW");
    if (!show || scenario.id != show || !report.passed) return;
    std::cout << "  passed (adherence " << report.adherence << "%):";
    for (const Event& e : log.events)
        if (e.type == EventType::Choice || e.type == EventType::WrapUp) std::cout << " " << (e.id.empty() ? e.text : e.id);
    std::cout << "\n";
}

bool play(const ContentLibrary& lib, const Scenario& scenario, std::uint64_t seed, const Picker& pick,
          Advantages given = {}) {
    Engine engine(lib.sop, scenario, lib.default_settings, "Player", seed);
    engine.answer(0);
    if (given.desk_first)
        for (const OptionView& o : engine.options())
            if (o.desk) engine.choose(o.id);
    for (int n = 0; n < kMaxDecisions && engine.phase() == Phase::Live; ++n) {
        const std::vector<OptionView> options = engine.options();
        std::vector<const OptionView*> choices;
        for (const OptionView& o : options)
            if (o.available && (!o.desk || !given.desk_first)) choices.push_back(&o);
        if (choices.empty()) return false;
        REQUIRE(engine.choose(choices[pick(choices)]->id).ok);
    }
    if (engine.phase() == Phase::WrapUp)
        engine.submitWrapUp(given.expected_form ? expectedForm(engine) : randomForm(lib.sop, seed * 2654435761u));
    if (engine.phase() != Phase::Finished) return false;
    const ScoreReport report = scoreAttempt(lib.sop, scenario, lib.default_settings, engine.log());
    showPassingGame(scenario, engine.log(), report);
    return report.passed;
}

size_t longest(const std::vector<const OptionView*>& replies) {
    size_t best = 0;
    for (size_t i = 1; i < replies.size(); ++i)
        if (replies[i]->text.size() > replies[best]->text.size()) best = i;
    return best;
}

struct Library {
    ContentLibrary lib = loadContent(ContentPaths::at(contentDir()));
};
const Library& library() {
    static const Library l;
    return l;
}

}  // namespace

TEST_CASE("heuristic players: always the longest reply passes at most 2 scenarios") {
    const auto& lib = library().lib;
    REQUIRE(lib.scenarios.size() >= 10);
    int passed = 0;
    for (const auto& s : lib.scenarios) {
        const bool pass = play(lib, *s, 1, longest);
        std::cout << "  longest reply  " << s->id << ": " << (pass ? "PASS" : "fail") << "\n";
        passed += pass ? 1 : 0;
    }
    std::cout << "heuristic players: always the longest reply passes " << passed << " of " << lib.scenarios.size()
              << " scenarios\n";
    CHECK(passed <= 2);
}

TEST_CASE("heuristic players: always the first reply shown passes at most 2 scenarios") {
    const auto& lib = library().lib;
    int passed = 0;
    for (const auto& s : lib.scenarios) {
        const bool pass = play(lib, *s, 1, [](const auto&) { return size_t{0}; });
        std::cout << "  first shown    " << s->id << ": " << (pass ? "PASS" : "fail") << "\n";
        passed += pass ? 1 : 0;
    }
    std::cout << "heuristic players: always the first reply shown passes " << passed << " of " << lib.scenarios.size()
              << " scenarios\n";
    CHECK(passed <= 2);
}

namespace {

// Percent of kRandomSeeds attempts a uniformly random player passes.
double randomPassPercent(const ContentLibrary& lib, const Scenario& scenario, Advantages given) {
    int passed = 0;
    for (int seed = 1; seed <= kRandomSeeds; ++seed) {
        std::uint64_t state = static_cast<std::uint64_t>(seed) * 0x9E3779B97F4A7C15ull;
        auto uniform = [&state](const std::vector<const OptionView*>& choices) {
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;  // xorshift64
            return static_cast<size_t>(state % choices.size());
        };
        passed += play(lib, scenario, static_cast<std::uint64_t>(seed), uniform, given) ? 1 : 0;
    }
    return 100.0 * passed / kRandomSeeds;
}

}  // namespace

TEST_CASE("heuristic players: a uniformly random player passes under 5 percent in every scenario") {
    const auto& lib = library().lib;
    for (const auto& s : lib.scenarios) {
        const double percent = randomPassPercent(lib, *s, Advantages{false, false});
        // The helped figure doubles the run time (minutes under the sanitizers): authors ask for it.
        const double helped = std::getenv("FRONTLINE_HEURISTIC_HELPED") ? randomPassPercent(lib, *s, Advantages{true, true}) : -1;
        std::cout << "  random player  " << s->id << ": " << percent << " % of " << kRandomSeeds
                  << (helped < 0 ? std::string() : " (random replies with every desk tool and the expected wrap-up: " + std::to_string(helped) + " %)") << "\n";
        CHECK_MESSAGE(percent < 5.0, s->id << ": the random player passes " << percent << " % of attempts");
    }
}
