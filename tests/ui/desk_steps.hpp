#pragma once
// Steps the desk tests share: answer a call by keyboard, open every desk tool.
#include <string>
#include <doctest/doctest.h>
#include "frontline/ui/app.hpp"
#include "frontline/ui/demo.hpp"
#include "harness.hpp"

namespace frontline::test {

// Opens every desk tool (CRM, history, articles), as the best path assumes.
inline void openDesk(ui::DeskSession& s) {
    for (const auto& o : s.engine->options())
        if (o.desk && o.available) s.engine->choose(o.id);
}

// Starts `scenario_id` and answers it with Enter; returns its live session.
inline ui::DeskSession& answerCall(Harness& h, const std::string& scenario_id) {
    REQUIRE(ui::startScenario(h.app, scenario_id));
    h.frames(1);
    h.press(kEnter);
    REQUIRE(h.app.call.session);
    REQUIRE(h.app.call.session->engine->phase() == Phase::Live);
    h.frames(1);
    return *h.app.call.session;
}

// Follows the scenario's best path in the engine (no idle time passes) up to the wrap-up form.
inline void reachWrapUp(Harness& h, ui::DeskSession& s) {
    openDesk(s);
    for (const auto& step : ui::bestPath(h.app.content, *s.scenario)) {
        if (s.engine->phase() != Phase::Live) break;
        REQUIRE_MESSAGE(s.engine->choose(step).ok, step);
    }
    h.frames(1);
    REQUIRE(s.engine->phase() == Phase::WrapUp);
}

}  // namespace frontline::test
