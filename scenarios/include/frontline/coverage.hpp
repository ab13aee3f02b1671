#pragma once
// SOP coverage: for every SOP step, rule, escalation trigger and topic, the scenarios and the
// questions that exercise it. The CI gate: every step and every critical rule needs at least one
// scenario AND one question, so nothing the SOP demands goes untrained or untested.
#include <memory>
#include <string>
#include <vector>
#include "frontline/quiz.hpp"
#include "frontline/scenario.hpp"
#include "frontline/sop.hpp"

namespace frontline {

enum class CoverageKind { Step, Rule, Trigger, Topic };
const char* coverageKindName(CoverageKind k);  // "step" | "rule" | "trigger" | "topic"

struct CoverageItem {
    CoverageKind kind = CoverageKind::Step;
    std::string id;
    std::string title;
    std::string severity;  // rules: minor | major | critical
    bool gated = false;    // steps and critical rules: part of the CI gate
    std::vector<std::string> scenarios;  // ids, sorted, unique
    std::vector<std::string> questions;  // ids, sorted, unique
};

struct CoverageReport {
    std::vector<CoverageItem> items;  // steps (SOP order), rules (critical first), triggers, topics
    size_t scenario_count = 0;
    size_t question_count = 0;

    // Items lacking a scenario or a question: the gated ones, or all of them when `strict`.
    std::vector<const CoverageItem*> gaps(bool strict = false) const;
};

// A scenario exercises what its options declare (steps, breaks, honours, triggers), its topics,
// and what the engine checks by itself, found by role in the SOP: hold actions (the rules checked
// by hold_permission and hold_estimate), transfers (cold_transfer), approved-script claims
// (script_elements), commitments (follow_up_task and the follow_up step), wrap-up forms (the
// documentation step, disposition_code) and the desk's CRM (the systems step). A question
// exercises its tags. Ids the SOP does not know are ignored (the loaders report them).
CoverageReport buildCoverage(const Sop& sop, const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                             const std::vector<QuestionBank>& banks);

void to_json(nlohmann::json& j, const CoverageReport& r);

}  // namespace frontline
