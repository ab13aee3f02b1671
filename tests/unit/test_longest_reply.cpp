// The "always pick the longest reply" player, on the real engine and scorer: if length gave the
// answer away, this player would pass most scenarios. It is given every advantage besides judgement
// (it opens every desk tool that counts and files a perfect wrap-up for wherever it ends up), so
// what it passes is an upper bound of what length alone earns.
#include <doctest/doctest.h>
#include <algorithm>
#include "frontline/engine.hpp"
#include "frontline/scoring.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;

namespace {

size_t codePoints(const std::string& text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The longest available conversational reply; the first one listed on a tie.
const OptionView* longestReply(const std::vector<OptionView>& options) {
    const OptionView* longest = nullptr;
    for (const auto& o : options)
        if (!o.desk && o.available && (!longest || codePoints(o.text) > codePoints(longest->text))) longest = &o;
    return longest;
}

// The wrap-up the ending asks for, filled in perfectly.
WrapUpForm perfectWrapUp(const Engine& engine) {
    WrapUpForm form;
    const WrapUpExpectation* want = engine.wrapUpExpectation();
    if (!want) return form;
    if (!want->dispositions.empty()) form.disposition = want->dispositions.front();
    form.category = want->category;
    for (const auto& group : want->notes_mention)
        if (!group.empty()) form.notes += group.front() + ". ";
    form.follow_up = true;  // a task costs nothing when none is needed and saves a breach when one is
    form.follow_up_task = "Call the customer back as promised";
    form.follow_up_due = "within 48 hours";
    return form;
}

ScoreReport playLongest(const Scenario& scenario, const OrgSettings& settings) {
    Engine engine(bundledSop(), scenario, settings, "Longest", 1);
    engine.answer(0);
    for (const auto& o : engine.options())
        if (o.desk && o.available && deskToolCountsForStep4(scenario, o.id)) engine.choose(o.id);
    for (int decisions = 0; engine.phase() == Phase::Live && decisions < 100; ++decisions) {
        auto options = engine.options();  // keep the views alive while picking from them
        const OptionView* pick = longestReply(options);
        if (!pick) break;
        engine.choose(pick->id);
    }
    if (engine.phase() == Phase::WrapUp) engine.submitWrapUp(perfectWrapUp(engine));
    return scoreAttempt(bundledSop(), scenario, settings, engine.log());
}

}  // namespace

TEST_CASE("always picking the longest reply passes at most two bundled scenarios") {
    ContentLibrary lib = loadContent(ContentPaths::at(contentDir()));
    REQUIRE(lib.scenarios.size() >= 21);
    std::vector<std::string> passed;
    for (const auto& s : lib.scenarios)
        if (playLongest(*s, lib.default_settings).passed) passed.push_back(s->id);
    std::string list;
    for (const auto& id : passed) list += id + " ";
    MESSAGE("the longest-reply player passes " << passed.size() << " of " << lib.scenarios.size() << ": " << list);
    CHECK(passed.size() <= 2);
}
