// Certification evidence from the trigger-kept totals (issue 12) against the raw attempts, on
// both engines: the totals equal a regrouping of the raw rows after inserts and deletes, and every
// policy evaluates to exactly the same status, requirements, messages and scores from either, at
// many `now`s, with certificates issued and revoked in between, evidence_max_age_days set, some
// finishes in the future and some written in a non-canonical form.
#include <doctest/doctest.h>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>
#include "frontline/certs.hpp"
#include "old_schema.hpp"
#include "store_engines.hpp"
#include "../../app/store/src/sqlite_store.hpp"
#include "../temp_dir.hpp"

using namespace frontline;

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;
const std::int64_t kBase = *parseUtc("2026-06-01T00:00:00Z");

// Everything an evaluation says, as one text, so a mismatch shows where.
std::string describe(const CertificationStatus& s) {
    std::ostringstream out;
    out << s.policy_id << " " << certStatusName(s.status) << " ready=" << s.ready_to_issue << " cert="
        << (s.certificate ? s.certificate->id : "-") << " due=" << s.refresher_due_from << " why=" << s.refresher_reason
        << " days=" << s.days_to_expiry << "\n";
    for (const auto& r : s.requirements)
        out << "  " << static_cast<int>(r.kind) << " " << r.subject << " met=" << r.met << " started=" << r.started << " | "
            << r.description << " | " << r.detail << "\n";
    for (const auto& m : s.missing) out << "  missing: " << m << "\n";
    out << "  scores: " << s.scores.dump() << "\n";
    return out.str();
}

// The policies as shipped, and each made stricter in the ways that change which evidence counts.
std::vector<Policy> policyVariants(const ContentLibrary& content) {
    std::vector<Diagnostic> problems;
    const std::vector<Policy> shipped = loadPolicies(content.paths.root / "policies", problems);
    REQUIRE(problems.empty());
    REQUIRE_FALSE(shipped.empty());
    std::vector<Policy> out;
    for (const Policy& p : shipped) {
        out.push_back(p);
        Policy recent = p;
        recent.evidence_max_age_days = 45;
        out.push_back(recent);
        Policy any_sop = p;
        any_sop.require_current_sop = false;
        any_sop.evidence_max_age_days = 120;
        out.push_back(any_sop);
        Policy strict = p;
        strict.practical.assessment_only = true;
        strict.practical.min_stars = 3;
        strict.practical.min_difficulty = 2;
        strict.practical.min_distinct_scenarios = 3;
        out.push_back(strict);
    }
    return out;
}

struct RandomCenter {
    std::mt19937 random;
    std::vector<std::string> scenario_ids;
    std::vector<std::string> exam_ids;
    std::vector<std::string> sop_versions;
    std::vector<std::string> policy_ids;

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }
    bool chance(int percent) { return pick(100) < percent; }

    // A finish up to 200 days before kBase; `ahead` adds some up to 10 days after it (a desk clock
    // ahead); `irregular` writes some another way SQLite and parseUtc both accept.
    std::string finish(bool ahead, bool irregular) {
        std::int64_t t = kBase - pick(200) * kDay + pick(static_cast<int>(kDay));
        if (ahead && chance(15)) t = kBase + pick(10) * kDay + pick(static_cast<int>(kDay));
        if (chance(5)) t = kBase - 100 * kDay;  // the same second again and again: ties
        std::string text = formatUtc(t);
        if (irregular && chance(30)) text = chance(50) ? text.substr(0, 19) + "+00:00" : text.substr(0, 19) + ".5Z";
        return text;
    }

    void attempt(Store& store, std::int64_t trainee, bool ahead, bool irregular) {
        AttemptLog log;
        log.scenario_id = scenario_ids[pick(static_cast<int>(scenario_ids.size()))];
        log.sop_version = chance(80) ? sop_versions.front() : sop_versions.back();
        log.mode = chance(30) ? AttemptMode::Assessment : AttemptMode::Practice;
        ScoreReport report;
        report.scenario_id = log.scenario_id;
        report.sop_version = log.sop_version;
        report.passed = chance(60);
        report.critical_failure = chance(10);
        report.stars = report.passed ? 1 + pick(3) : pick(2);
        const std::string title = chance(90) ? "" : (chance(50) ? "Renamed title" : "Old title");
        const std::string at = finish(ahead, irregular);
        store.recordAttempt(trainee, title, log, report, at, at);
    }

    void quiz(Store& store, std::int64_t trainee, bool ahead, bool irregular) {
        QuizAttemptRecord q;
        q.trainee_id = trainee;
        q.exam_id = exam_ids[pick(static_cast<int>(exam_ids.size()))];
        q.mode = chance(25) ? "practice" : "exam";
        q.score_percent = 50 + 5 * pick(11);
        q.passed = q.score_percent >= 80;
        q.sop_version = chance(80) ? sop_versions.front() : sop_versions.back();
        q.finished_at = q.started_at = finish(ahead, irregular);
        store.recordQuizAttempt(q);
    }

    void certificate(Store& store, std::int64_t trainee, int n) {
        CertificateRecord c;
        c.id = "cert-" + std::to_string(trainee) + "-" + std::to_string(n);
        c.trainee_id = trainee;
        c.policy_id = policy_ids[pick(static_cast<int>(policy_ids.size()))];
        c.policy_title = c.policy_id;
        c.sop_version = sop_versions[pick(static_cast<int>(sop_versions.size()))];
        const std::int64_t issued = kBase - pick(150) * kDay + pick(static_cast<int>(kDay));
        c.issued_at = formatUtc(issued);
        c.expires_at = formatUtc(issued + 365 * kDay);
        c.verification_code = "CODE-" + std::to_string(n);
        c.assertion_json = "{}";
        store.insertCertificate(c);
        if (chance(30)) store.revokeCertificate(c.id, "test", formatUtc(issued + pick(60) * kDay));
    }
};

// The groups the totals must hold, worked out from the raw rows.
using ScenarioKey = std::tuple<std::int64_t, std::string, std::string, std::string, bool, bool, bool, int>;
std::map<ScenarioKey, std::tuple<int, std::string, std::string>> regroup(const std::vector<AttemptRecord>& attempts) {
    std::map<ScenarioKey, std::tuple<int, std::string, std::string>> groups;
    for (const auto& a : attempts) {
        auto [it, fresh] = groups.try_emplace({a.trainee_id, a.scenario_id, a.scenario_title, a.sop_version, a.mode == "assessment",
                                               a.passed, a.critical_failure, a.stars},
                                              0, a.finished_at, a.finished_at);
        auto& [count, first, last] = it->second;
        ++count;
        first = std::min(first, a.finished_at);
        last = std::max(last, a.finished_at);
    }
    return groups;
}

void checkTotalsMatchRawRows(Store& store) {
    const EvidenceTotals totals = store.evidenceTotals();
    std::map<ScenarioKey, std::tuple<int, std::string, std::string>> kept;
    for (const auto& t : totals.scenarios)
        kept[{t.trainee_id, t.scenario_id, t.scenario_title, t.sop_version, t.assessment, t.passed, t.critical_failure, t.stars}] = {
            t.attempts, t.first_finished_at, t.last_finished_at};
    CHECK(kept == regroup(store.attempts()));
    int quiz_rows = 0;
    for (const auto& q : totals.quizzes) quiz_rows += q.attempts;
    CHECK(quiz_rows == static_cast<int>(store.quizAttempts().size()));
}

// Every trainee, every policy, every `now`: the totals (one trainee, and everyone at once) give
// what the raw attempts give. Returns how many evaluations took the totals' fast path.
int checkEvaluationsMatch(Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                          const std::vector<std::int64_t>& trainees) {
    int fast = 0;
    for (const std::int64_t offset_days : {-120, -60, -20, 0, 1, 3, 12, 40}) {
        const std::string now = formatUtc(kBase + offset_days * kDay + 3600);
        const EvidenceByTrainee everyone = gatherEvidenceOfAll(store, content, now);
        for (const std::int64_t id : trainees) {
            const TraineeEvidence raw = gatherEvidenceFromAttempts(store, id, content);
            const TraineeEvidence one = gatherEvidence(store, id, content, now);
            if (one.attempts.size() < raw.attempts.size()) ++fast;
            for (const Policy& policy : policies) {
                const std::string expected = describe(evaluateCertification(policy, raw, content.sop.version, content.default_settings, now));
                INFO("trainee " << id << " at " << now);
                CHECK(describe(evaluateCertification(policy, one, content.sop.version, content.default_settings, now)) == expected);
                CHECK(describe(evaluateCertification(policy, everyone.of(id), content.sop.version, content.default_settings, now)) ==
                      expected);
            }
        }
    }
    return fast;
}

}  // namespace

TEST_CASE_TEMPLATE("evidence totals: every policy evaluates exactly as from the raw attempts, through inserts and deletes",
                   Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const ContentLibrary content = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR));
    const std::vector<Policy> policies = policyVariants(content);

    RandomCenter center;
    center.random.seed(20261130);
    for (std::size_t i = 0; i < content.scenarios.size() && i < 5; ++i) center.scenario_ids.push_back(content.scenarios[i]->id);
    center.scenario_ids.push_back("retired-scenario");  // no longer in the content: no tags
    center.exam_ids = {"inbound-l1-exam", "inbound-l2-exam", "other-exam"};
    center.sop_versions = {content.sop.version, "0.9.0"};
    for (const Policy& p : policies) center.policy_ids.push_back(p.id);

    // Trainees 0 and 1 play on good clocks, 2 sometimes ahead, 3 writes some finishes another way;
    // 4 has nothing at all.
    std::vector<std::int64_t> trainees;
    for (const char* name : {"Ana", "Ben", "Cleo", "Dev", "Eli"}) trainees.push_back(store.createTrainee(name, "T").id);
    {
        Store::Batch batch(store, true);
        for (int i = 0; i < 1200; ++i) {
            const int who = i % 4;
            center.attempt(store, trainees[who], who == 2, who == 3);
            if (i % 4 == 0) center.quiz(store, trainees[who], who == 2, who == 3);
        }
        int n = 0;
        for (int who = 0; who < 4; ++who)
            for (int c = center.pick(4); c > 0; --c) center.certificate(store, trainees[who], ++n);
        batch.commit();
    }
    checkTotalsMatchRawRows(store);
    // The fast path is taken (otherwise this would compare the raw path with itself).
    CHECK(gatherEvidenceOfAll(store, content, formatUtc(kBase + kDay)).raw_fallbacks == 2);
    CHECK(checkEvaluationsMatch(store, content, policies, trainees) > 0);

    // Deletes: a group loses its first or last finish, or goes altogether.
    engine->exec(store, "DELETE FROM attempts WHERE id % 3 = 0");
    engine->exec(store, "DELETE FROM quiz_attempts WHERE id % 4 = 1");
    engine->exec(store, "DELETE FROM attempts WHERE trainee_id = " + std::to_string(trainees[1]) + " AND stars = 3");
    checkTotalsMatchRawRows(store);
    CHECK(checkEvaluationsMatch(store, content, policies, trainees) > 0);
}

TEST_CASE_TEMPLATE("evidence totals: a trainee's totals go with their last attempt, and with the trainee", Engine, test::OnSqlite,
                   test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    RandomCenter center;
    center.scenario_ids = {"irate-billing"};
    center.exam_ids = {"inbound-l1-exam"};
    center.sop_versions = {"1.0.0"};
    const auto ana = store.createTrainee("Ana", "").id;
    const auto ben = store.createTrainee("Ben", "").id;
    for (int i = 0; i < 12; ++i) {
        center.attempt(store, i % 2 ? ana : ben, false, false);
        center.quiz(store, i % 2 ? ana : ben, false, false);
    }
    CHECK_FALSE(store.evidenceTotals(ana).scenarios.empty());
    for (const auto& t : store.evidenceTotals(ana).scenarios) CHECK(t.trainee_id == ana);
    engine->exec(store, "DELETE FROM attempts WHERE trainee_id = " + std::to_string(ana));
    engine->exec(store, "DELETE FROM quiz_attempts WHERE trainee_id = " + std::to_string(ana));
    CHECK(store.evidenceTotals(ana).scenarios.empty());
    CHECK(store.evidenceTotals(ana).quizzes.empty());
    CHECK(engine->scalar(store, "SELECT count(*) FROM evidence_totals WHERE trainee_id = " + std::to_string(ana)) == 0);
    CHECK(engine->scalar(store, "SELECT count(*) FROM quiz_totals WHERE trainee_id = " + std::to_string(ana)) == 0);
    checkTotalsMatchRawRows(store);
    engine->exec(store, "DELETE FROM trainees WHERE id = " + std::to_string(ben));
    CHECK(engine->scalar(store, "SELECT count(*) FROM evidence_totals") == 0);
    CHECK(engine->scalar(store, "SELECT count(*) FROM quiz_totals") == 0);
}

TEST_CASE("evidence totals: a schema-9 file with attempts and quizzes migrates with its totals filled from them") {
    test::TempDir dir;
    const auto path = dir.path() / "old.db";
    RandomCenter center;
    center.scenario_ids = {"irate-billing", "price-objection"};
    center.exam_ids = {"inbound-l1-exam"};
    center.sop_versions = {"1.0.0", "0.9.0"};
    {
        Store current = Store::open(path);  // realistic rows, then taken back to schema 9
        const auto ana = current.createTrainee("Ana", "").id;
        for (int i = 0; i < 60; ++i) {
            center.attempt(current, ana, true, i % 2 == 0);
            center.quiz(current, ana, false, false);
        }
        test::undoSchema10(sqliteHandle(current));
        REQUIRE(sqlite3_exec(sqliteHandle(current), "PRAGMA user_version = 9", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    Store migrated = Store::open(path);
    CHECK(migrated.schemaVersion() == Store::currentSchemaVersion());
    checkTotalsMatchRawRows(migrated);
    int irregular = 0;
    for (const auto& t : migrated.evidenceTotals().scenarios) irregular += t.irregular_times;
    CHECK(irregular > 0);  // the backfill marks them too
}

TEST_CASE("evidence totals: a PostgreSQL database at schema 8 migrates with its totals filled from its rows") {
    std::string why;
    if (test::postgresTestUrl(&why).empty()) {
        MESSAGE("skipped: " << why);
        return;
    }
    test::PostgresTestDatabase db;
    RandomCenter center;
    center.scenario_ids = {"irate-billing", "price-objection"};
    center.exam_ids = {"inbound-l1-exam"};
    center.sop_versions = {"1.0.0", "0.9.0"};
    {
        Store store = test::openServer(db.url());
        const auto ana = store.createTrainee("Ana", "").id;
        for (int i = 0; i < 40; ++i) {
            center.attempt(store, ana, true, i % 10 == 0);
            center.quiz(store, ana, false, false);
        }
    }
    db.query(test::kPostgresUndoSchema9);
    db.query("UPDATE frontline_schema SET version = 8");
    Store store = test::openServer(db.url());
    CHECK(store.schemaVersion() == store.latestSchemaVersion());
    checkTotalsMatchRawRows(store);
}
