// A second organisation's SOP (tests/fixtures/sop2: Northgrid Energy) with its own step ids, an
// extra mandatory step (vulnerability_check), its own critical rule, scripts and hang-up code.
// Scoring, coverage and certification must follow that SOP, not the bundled one: the code knows
// steps, rules, codes and outcomes only by the roles the SOP gives them.
#include <doctest/doctest.h>
#include <algorithm>
#include <fstream>
#include <functional>
#include "../temp_dir.hpp"
#include "cli_runner.hpp"
#include "frontline/certification.hpp"
#include "frontline/content.hpp"
#include "frontline/coverage.hpp"
#include "frontline/golden.hpp"
#include "frontline/policy.hpp"
#include "frontline/quiz.hpp"
#include "frontline/validator.hpp"

using namespace frontline;

namespace {

const std::filesystem::path kTree = std::filesystem::path(FRONTLINE_TEST_FIXTURES_DIR) / "sop2";

const ContentLibrary& northgrid() {
    static const ContentLibrary lib = loadContent(ContentPaths::at(kTree));
    return lib;
}

const Scenario& scenario(const std::string& id) {
    const Scenario* s = northgrid().scenario(id);
    REQUIRE_MESSAGE(s, id);
    return *s;
}

// The golden play-through of `scenario` whose name starts with `name`.
GoldenPlaythrough playthrough(const std::string& scenario_id, const std::string& name) {
    std::vector<Diagnostic> diags;
    auto golden = loadGoldenFile(kTree / "golden" / (scenario_id + ".golden.json"), diags);
    REQUIRE(golden);
    for (const auto& p : golden->playthroughs)
        if (p.name.rfind(name, 0) == 0) return p;
    FAIL("no play-through '" << name << "' in " << scenario_id);
    return {};
}

GoldenResult replay(const std::string& scenario_id, const std::string& name) {
    const ContentLibrary& lib = northgrid();
    return replayGolden(lib.sop, scenario(scenario_id), lib.default_settings, playthrough(scenario_id, name));
}

const StepScore& stepScore(const ScoreReport& r, const std::string& step) {
    auto it = std::find_if(r.steps.begin(), r.steps.end(), [&](const StepScore& s) { return s.step == step; });
    REQUIRE_MESSAGE(it != r.steps.end(), step);
    return *it;
}

bool breached(const ScoreReport& r, const std::string& rule) {
    return std::any_of(r.breaches.begin(), r.breaches.end(), [&](const Breach& b) { return b.rule == rule; });
}

// The tree's SOP with one edit made to its JSON, loaded from a temp file; the load must fail.
std::vector<Diagnostic> loadEditedSop(const std::function<void(nlohmann::json&)>& edit) {
    std::ifstream in(kTree / "sop" / "northgrid.sop.json");
    nlohmann::json j = nlohmann::json::parse(in);
    edit(j);
    test::TempDir dir;
    std::ofstream(dir / "edited.sop.json") << j.dump(2);
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadSop(dir / "edited.sop.json", diags).has_value());
    return diags;
}

bool anyError(const std::vector<Diagnostic>& diags, const std::string& text, const std::string& path) {
    return std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) {
        return d.severity == Severity::Error && d.message.find(text) != std::string::npos && d.json_path == path && d.line > 0;
    });
}

}  // namespace

TEST_CASE("second SOP: the tree loads with its own step ids, roles, scripts and hang-up code") {
    const ContentLibrary& lib = northgrid();
    REQUIRE(lib.sop_loaded);
    for (const auto& f : lib.failed)
        for (const auto& d : f.diagnostics) FAIL_CHECK(format(d));
    CHECK(lib.scenarios.size() == 3);
    const Sop& sop = lib.sop;
    CHECK(sop.id == "northgrid-customer-calls");
    CHECK(sop.stepIdWithRole("verify") == "identify_caller");
    CHECK(sop.stepIdWithRole("systems") == "check_account");
    CHECK(sop.stepIdWithRole("documentation") == "log_contact");
    CHECK(sop.stepIdWithRole("follow_up") == "callback_task");
    CHECK(sop.ruleIdCheckedBy("cold_transfer") == "warm_transfer_only");
    CHECK(sop.hang_up_disposition == "CALLER-LEFT");
    CHECK(sop.outcomeIdWithRole("hung_up") == "customer_ended_call");
    CHECK(sop.outcomeWithRole("warm_transfer") == nullptr);  // optional, and this SOP has none
    CHECK(sop.outcome("customer_hung_up") == nullptr);        // none of the bundled ids
    CHECK(sop.step("verify") == nullptr);  // none of the bundled ids
    CHECK(sop.script("psr_offer") != nullptr);
    CHECK(sop.script("greeting") == nullptr);
    for (const auto& s : lib.scenarios) {
        const auto required = requiredSteps(*s, sop);
        CHECK_MESSAGE(std::count(required.begin(), required.end(), "vulnerability_check") == 1, s->id);
    }
}

TEST_CASE("second SOP: the loader checks the roles against the built-in table, with positions") {
    SUBCASE("a role the engine needs is missing") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["steps"][6].erase("role"); });
        CHECK(anyError(diags, "has the role 'documentation', which the engine needs", "/steps"));
    }
    SUBCASE("a role given twice") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["steps"][2]["role"] = "verify"; });
        CHECK(anyError(diags, "steps 'identify_caller' and 'vulnerability_check' both have the role 'verify'", "/steps/2/role"));
    }
    SUBCASE("an unknown role names the roles there are") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["steps"][2]["role"] = "vulnerability"; });
        CHECK(anyError(diags, "unknown role 'vulnerability' (expected one of: answer, verify, systems,", "/steps/2/role"));
    }
    SUBCASE("an unknown check") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["rules"][2]["checked_by"] = "transfer"; });
        CHECK(anyError(diags, "unknown checked_by 'transfer'", "/rules/2/checked_by"));
    }
    SUBCASE("no hang-up disposition") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["disposition_codes"][6].erase("role"); });
        CHECK(anyError(diags, "has the role 'hang_up', which the engine needs", "/disposition_codes"));
    }
    SUBCASE("two hang-up dispositions") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["disposition_codes"][0]["role"] = "hang_up"; });
        CHECK(anyError(diags, "'BILL-EXPLAINED' and 'CALLER-LEFT' both have the role 'hang_up'", "/disposition_codes/6/role"));
    }
    SUBCASE("an unknown outcome role names the outcome roles there are") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["outcomes"][1]["role"] = "callback"; });
        CHECK(anyError(diags, "unknown role 'callback' (expected one of: hung_up, warm_transfer)", "/outcomes/1/role"));
    }
    SUBCASE("two outcomes with the hang-up role") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["outcomes"][0]["role"] = "hung_up"; });
        CHECK(anyError(diags, "outcomes 'resolved_on_contact' and 'customer_ended_call' both have the role 'hung_up'", "/outcomes/3/role"));
    }
    SUBCASE("no outcome for a hang-up") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["outcomes"][3].erase("role"); });
        CHECK(anyError(diags, "none of the outcomes has the role 'hung_up', which the engine needs", "/outcomes"));
    }
    SUBCASE("an outcome id given twice") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j["outcomes"][1]["id"] = "resolved_on_contact"; });
        CHECK(anyError(diags, "outcome 'resolved_on_contact' is listed twice", "/outcomes/1/id"));
    }
    SUBCASE("no outcomes at all") {
        auto diags = loadEditedSop([](nlohmann::json& j) { j.erase("outcomes"); });
        REQUIRE_FALSE(diags.empty());
        CHECK(diags.front().message.find("outcomes") != std::string::npos);
    }
}

TEST_CASE("second SOP: a scenario ending with an outcome the SOP lacks is an error naming the SOP's outcomes") {
    std::ifstream in(kTree / "scenarios" / "psr-meter-reading.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string ours = "\"outcome\": \"resolved_on_contact\"";
    const auto at = text.find(ours);
    REQUIRE(at != std::string::npos);
    text.replace(at, ours.size(), "\"outcome\": \"resolved_first_contact\"");
    test::TempDir dir;
    std::ofstream(dir / "psr-meter-reading.json") << text;
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadScenario(dir / "psr-meter-reading.json", northgrid().sop, diags).has_value());
    auto it = std::find_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.json_path.find("/ending/outcome") != std::string::npos; });
    REQUIRE(it != diags.end());
    CHECK(it->severity == Severity::Error);
    CHECK(it->message == "unknown outcome 'resolved_first_contact' (the SOP's outcomes: resolved_on_contact, callback_booked, "
                         "caller_not_identified, customer_ended_call)");
    CHECK(it->line == static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1);
}

TEST_CASE("second SOP: every golden play-through of the tree replays to its expected score") {
    const ContentLibrary& lib = northgrid();
    int replayed = 0;
    for (const auto& path : contentFilesIn(kTree / "golden", ".golden.json")) {
        std::vector<Diagnostic> diags;
        auto golden = loadGoldenFile(path, diags);
        for (const auto& d : diags) FAIL_CHECK(format(d));
        REQUIRE(golden);
        const Scenario& s = scenario(golden->scenario);
        for (const auto& p : golden->playthroughs) {
            INFO(golden->scenario << " / " << p.name);
            for (const auto& problem : replayGolden(lib.sop, s, lib.default_settings, p).problems) FAIL_CHECK(problem);
            ++replayed;
        }
    }
    CHECK(replayed == 8);
}

TEST_CASE("second SOP: skipping the extra mandatory step counts as a missed required step") {
    const GoldenResult best = replay("psr-meter-reading", "best path");
    const GoldenResult skip = replay("psr-meter-reading", "skips the vulnerability check");
    CHECK(best.report.passed);
    CHECK(best.report.adherence == 100);
    const StepScore& done = stepScore(best.report, "vulnerability_check");
    CHECK(done.required);
    CHECK(done.covered);
    const StepScore& missed = stepScore(skip.report, "vulnerability_check");
    CHECK(missed.required);
    CHECK_FALSE(missed.covered);
    CHECK(missed.score == 0);
    CHECK(missed.title == "Check for Vulnerability");
    CHECK(skip.report.adherence < best.report.adherence);

    // A pass mark the skipping play does not reach fails it; the full play still passes.
    OrgSettings strict = northgrid().default_settings;
    strict.scenario_pass_mark = skip.report.adherence + 1;
    const Sop& sop = northgrid().sop;
    const Scenario& s = scenario("psr-meter-reading");
    CHECK_FALSE(scoreAttempt(sop, s, strict, skip.log).passed);
    CHECK(scoreAttempt(sop, s, strict, best.log).passed);

    // The scorecard lists the second SOP's steps, in its order, and none of the bundled ones.
    std::vector<std::string> ids;
    for (const StepScore& st : skip.report.steps) ids.push_back(st.step);
    CHECK(ids == std::vector<std::string>{"answer_call", "identify_caller", "vulnerability_check", "establish_need", "check_account",
                                          "resolve_query", "log_contact", "close_call", "callback_task"});
}

TEST_CASE("second SOP: its own critical rule fails the call") {
    const GoldenResult best = replay("psr-debt-call", "best path");
    const GoldenResult breach = replay("psr-debt-call", "books a prepayment warrant");
    CHECK(best.report.passed);
    CHECK_FALSE(breached(best.report, "never_disconnect_priority_services_customer"));
    CHECK(breached(breach.report, "never_disconnect_priority_services_customer"));
    CHECK(breach.report.critical_failure);
    CHECK_FALSE(breach.report.passed);
    CHECK(breach.report.stars == 0);
    CHECK(stepScore(breach.report, "resolve_query").score < 100);
}

TEST_CASE("second SOP: a hang-up asks for the SOP's hang-up code, and a promise for its follow-up step") {
    const GoldenResult hung_up = replay("psr-debt-call", "a brusque opening");
    CHECK(hung_up.report.outcome == "customer_ended_call");  // the outcome with the hung_up role
    CHECK(hung_up.report.outcome_title == "Caller ended the call");
    CHECK(hung_up.report.wrap_up.expected_disposition == "CALLER-LEFT");  // the code with the hang_up role
    CHECK(hung_up.report.wrap_up.disposition_correct);
    CHECK_FALSE(hung_up.report.metrics.fcr);

    const GoldenResult kept = replay("bill-query-callback", "best path");
    const GoldenResult forgot = replay("bill-query-callback", "promises the callback");
    CHECK(stepScore(kept.report, "callback_task").required);
    CHECK(stepScore(kept.report, "callback_task").score == 100);
    CHECK(stepScore(forgot.report, "callback_task").required);
    CHECK_FALSE(stepScore(forgot.report, "callback_task").covered);
    CHECK(breached(forgot.report, "task_every_promise"));
    CHECK(breached(forgot.report, "hold_with_consent"));
}

TEST_CASE("second SOP: first-contact resolution counts the outcomes the SOP marks, under its own ids") {
    const GoldenResult resolved = replay("psr-meter-reading", "best path");
    CHECK(resolved.report.outcome == "resolved_on_contact");
    CHECK(resolved.report.outcome_title == "Sorted on the first call");
    CHECK(resolved.report.metrics.fcr);
    const GoldenResult callback = replay("bill-query-callback", "best path");
    CHECK(callback.report.outcome == "callback_booked");
    CHECK_FALSE(callback.report.metrics.fcr);

    // The flag, not the id, decides: the same play under an SOP that does not count it is no FCR.
    Sop unmarked = northgrid().sop;
    for (SopOutcome& o : unmarked.outcomes) o.first_contact_resolution = false;
    const ScoreReport again = scoreAttempt(unmarked, scenario("psr-meter-reading"), northgrid().default_settings, resolved.log);
    CHECK(again.passed);
    CHECK_FALSE(again.metrics.fcr);
}

TEST_CASE("second SOP: coverage lists the second SOP's steps and rules") {
    const ContentLibrary& lib = northgrid();
    const QuizLibrary quiz = loadQuizLibrary(kTree / "questions", lib.sop);
    CHECK(quiz.failed.empty());
    REQUIRE(quiz.banks.size() == 1);
    const CoverageReport report = buildCoverage(lib.sop, lib.scenarios, quiz.banks);
    auto item = [&](CoverageKind kind, const std::string& id) -> const CoverageItem* {
        for (const auto& i : report.items)
            if (i.kind == kind && i.id == id) return &i;
        return nullptr;
    };
    std::vector<std::string> steps;
    for (const auto& i : report.items)
        if (i.kind == CoverageKind::Step) steps.push_back(i.id);
    CHECK(steps.size() == lib.sop.steps.size());
    CHECK(item(CoverageKind::Step, "verify") == nullptr);
    const CoverageItem* vulnerability = item(CoverageKind::Step, "vulnerability_check");
    REQUIRE(vulnerability);
    CHECK(vulnerability->scenarios.size() == 3);
    CHECK(vulnerability->questions == std::vector<std::string>{"ng.vuln.when"});
    const CoverageItem* critical = item(CoverageKind::Rule, "never_disconnect_priority_services_customer");
    REQUIRE(critical);
    CHECK(critical->severity == "critical");
    CHECK(critical->scenarios == std::vector<std::string>{"psr-debt-call"});
    // The desk checks count by role: the wrap-up exercises log_contact, a commitment callback_task.
    CHECK_FALSE(item(CoverageKind::Step, "log_contact")->scenarios.empty());
    CHECK(item(CoverageKind::Step, "callback_task")->scenarios == std::vector<std::string>{"bill-query-callback"});
}

TEST_CASE("second SOP: a certification policy over the tree certifies from its exam and scenarios") {
    const ContentLibrary& lib = northgrid();
    std::vector<Diagnostic> diags;
    const std::vector<Policy> policies = loadPolicies(kTree / "policies", diags);
    for (const auto& d : diags) FAIL_CHECK(format(d));
    const Policy* policy = findPolicy(policies, "northgrid-adviser");
    REQUIRE(policy);
    CHECK(policy->sop == lib.sop.id);

    // Practical evidence from real scored plays of the tree's scenarios.
    auto practical = [&](const std::string& id, const std::string& play, const std::string& when) {
        const GoldenResult r = replay(id, play);
        PracticalAttempt a;
        a.scenario_id = id;
        a.tags = scenario(id).tags;
        a.passed = r.report.passed;
        a.critical_failure = r.report.critical_failure;
        a.stars = r.report.stars;
        a.finished_at = when;
        a.sop_version = lib.sop.version;
        return a;
    };
    TraineeEvidence evidence;
    evidence.quizzes = {QuizEvidence{"northgrid-adviser-exam", false, 100, "2026-03-01T10:00:00Z", lib.sop.version, true}};
    evidence.attempts = {practical("psr-debt-call", "books a prepayment warrant", "2026-03-02T10:00:00Z")};
    const std::string now = "2026-03-05T10:00:00Z";
    CertificationStatus status = evaluateCertification(*policy, evidence, lib.sop.version, lib.default_settings, now);
    CHECK_FALSE(status.ready_to_issue);  // the debt call failed on the critical rule

    evidence.attempts.push_back(practical("psr-debt-call", "best path", "2026-03-03T10:00:00Z"));
    status = evaluateCertification(*policy, evidence, lib.sop.version, lib.default_settings, now);
    CHECK(status.ready_to_issue);
    CHECK(status.scores.dump().find("psr-debt-call") != std::string::npos);
    // Evidence recorded against the bundled SOP's version does not count here.
    for (auto& a : evidence.attempts) a.sop_version = "1.0.0";
    for (auto& q : evidence.quizzes) q.sop_version = "1.0.0";
    CHECK_FALSE(evaluateCertification(*policy, evidence, lib.sop.version, lib.default_settings, now).ready_to_issue);
}

TEST_CASE("second SOP: frontline validate passes the tree with no errors") {
    const auto run = test::runCli({"validate", "--quiet", kTree.string()});
    INFO(run.out << run.err);
    CHECK(run.code == 0);
    CHECK(run.out.find(" 0 errors") != std::string::npos);
    CHECK(run.out.find(": error:") == std::string::npos);
}
