// Evidence is replayed, not trusted (issue 13): a genuine attempt and exam reproduce; every edit of
// a stored result or log, content that changed since, and rows invented in the database do not,
// each with a reason; `certify issue` signs from what reproduces and names what did not.
#include "../genuine_evidence.hpp"
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include "cli_runner.hpp"
#include "frontline/evidence_replay.hpp"
#include "store_engines.hpp"

using namespace frontline;
using frontline::test::TempDir;

namespace {

const ContentLibrary& content() {
    static const ContentLibrary lib = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR), false);
    return lib;
}

const QuizLibrary& quizzes() {
    static const QuizLibrary lib = loadQuizLibrary(content().paths.root / "questions", content().sop);
    return lib;
}

// A stored attempt as the store gives it back: the golden play-through `index` of `scenario_id`.
AttemptRecord played(const std::string& scenario_id, size_t index = 0) {
    const Scenario& scenario = *content().scenario(scenario_id);
    std::vector<Diagnostic> diags;
    const auto golden = loadGoldenFile(content().paths.root / "golden" / (scenario_id + ".golden.json"), diags);
    REQUIRE(golden);
    const GoldenResult g = replayGolden(content().sop, scenario, content().default_settings, golden->playthroughs.at(index));
    AttemptRecord r;
    r.scenario_id = scenario.id;
    r.scenario_version = scenario.version;
    r.sop_version = g.log.sop_version;
    r.mode = attemptModeName(g.log.mode);
    r.outcome = g.report.outcome;
    r.passed = g.report.passed;
    r.critical_failure = g.report.critical_failure;
    r.adherence = g.report.adherence;
    r.stars = g.report.stars;
    r.log = g.log;
    return r;
}

AttemptReplay replay(const AttemptRecord& r, const OrgSettings& settings = content().default_settings) {
    return replayStoredAttempt(content().sop, *content().scenario(r.scenario_id), settings, r);
}

}  // namespace

TEST_CASE("a genuine attempt reproduces, and every edit of its stored result does not") {
    const AttemptRecord genuine = played("failed-verification");
    REQUIRE(genuine.passed);
    CHECK(replay(genuine).reproduced);

    AttemptRecord edited = genuine;
    edited.stars = genuine.stars - 1;
    CHECK(replay(edited).why.find("stars") != std::string::npos);
    edited = genuine;
    edited.adherence = 100 - (genuine.adherence == 100);
    CHECK(replay(edited).why.find("SOP adherence") != std::string::npos);
    edited = genuine;
    edited.critical_failure = true;
    CHECK_FALSE(replay(edited).reproduced);
    edited = genuine;
    edited.outcome = "escalated";
    CHECK_FALSE(replay(edited).reproduced);
    edited = genuine;
    edited.mode = "assessment";  // the log says practice
    CHECK_FALSE(replay(edited).reproduced);
}

TEST_CASE("a failed attempt whose row was edited into a pass does not reproduce") {
    AttemptRecord failed = played("failed-verification", 1);  // gives a hint on the date of birth: critical
    REQUIRE(failed.critical_failure);
    CHECK(replay(failed).reproduced);  // as stored, it reproduces (and counts for nothing)
    failed.critical_failure = false;
    failed.passed = true;
    failed.stars = 3;
    const AttemptReplay r = replay(failed);
    CHECK_FALSE(r.reproduced);
    CHECK(r.why == "the stored result has no critical breach, the replay has one");
}

TEST_CASE("an edited event log does not reproduce") {
    const AttemptRecord genuine = played("price-objection-learn");
    SUBCASE("a broken rule taken out of a decision") {
        AttemptRecord bad = played("price-objection-learn", 1);
        bool removed = false;
        for (Event& e : bad.log.events)
            if (!e.breaks.empty() && !removed) e.breaks.clear(), removed = true;
        REQUIRE(removed);
        CHECK(replay(bad).why.find("its log differs from what the scenario gives") != std::string::npos);
    }
    SUBCASE("a customer line swapped for another") {
        AttemptRecord bad = genuine;
        for (Event& e : bad.log.events)
            if (e.type == EventType::CustomerLine) {
                e.id += ".calmer";
                break;
            }
        CHECK_FALSE(replay(bad).reproduced);
    }
    SUBCASE("the customer's mood after a reply edited") {
        AttemptRecord bad = genuine;
        for (Event& e : bad.log.events)
            if (e.type == EventType::Choice) {
                e.mood_after += e.mood_after > 50 ? -5 : 5;
                break;
            }
        CHECK(replay(bad).why.find("its log differs") != std::string::npos);
    }
    SUBCASE("a decision the scenario does not offer there") {
        AttemptRecord bad = genuine;
        for (Event& e : bad.log.events)
            if (e.type == EventType::Choice) {
                e.id = "no-such-option";
                break;
            }
        CHECK(replay(bad).why.find("cannot be made there") != std::string::npos);
    }
    SUBCASE("the events cut short") {
        AttemptRecord bad = genuine;
        bad.log.events.resize(bad.log.events.size() / 2);
        CHECK_FALSE(replay(bad).reproduced);
    }
    SUBCASE("no log at all, as a row written by hand") {
        AttemptRecord bad = genuine;
        bad.log.events.clear();
        CHECK(replay(bad).why == "it has no event log to replay");
    }
    SUBCASE("another seed than the one played") {
        AttemptRecord bad = genuine;
        bad.log.seed += 1;
        CHECK_FALSE(replay(bad).reproduced);
    }
}

TEST_CASE("an attempt on other content cannot be replayed, and says so") {
    AttemptRecord old = played("failed-verification");
    old.log.scenario_version += 1;
    CHECK(replay(old).why.find("cannot be replayed") != std::string::npos);
    old = played("failed-verification");
    old.sop_version = old.log.sop_version = "0.9";
    CHECK(replay(old).why.find("SOP version 0.9") != std::string::npos);
}

namespace {

// A copy of the bundled content (and its schemas) that a test may edit, as an author would.
ContentPaths editableContent(const TempDir& dir) {
    namespace fs = std::filesystem;
    const fs::path bundled(FRONTLINE_TEST_CONTENT_DIR);
    fs::copy(bundled, dir.path() / "content", fs::copy_options::recursive);
    fs::copy(bundled.parent_path() / "schema", dir.path() / "schema", fs::copy_options::recursive);
    return ContentPaths::at(dir.path() / "content");
}

// Rewrites the scenario file's version (and one line the customer says): the author's next version.
void bumpVersion(const std::filesystem::path& file, int version) {
    std::ifstream in(file);
    nlohmann::json j = nlohmann::json::parse(in);
    j["version"] = version;
    j["summary"] = j["summary"].get<std::string>() + " (revised)";
    std::ofstream(file) << j.dump(2);
}

}  // namespace

TEST_CASE("a scenario revised after an attempt: the attempt replays on the archived copy, and is refused without one") {
    TempDir dir;
    const ContentPaths paths = editableContent(dir);
    Store store = Store::open((dir.path() / "f.db").string());
    const Trainee ana = store.createTrainee("Ana Ruiz", "Blue");
    {
        const ContentLibrary v1 = loadContent(paths, false);
        // Two attempts on version 1: each is judged, though the copy is loaded once.
        test::recordGenuinePass(store, v1, ana.id, "failed-verification", "2026-11-05T09:00:00Z", "2026-11-05T09:06:00Z");
        test::recordGenuinePass(store, v1, ana.id, "failed-verification", "2026-11-06T09:00:00Z", "2026-11-06T09:06:00Z");
    }
    const auto scenario_file = paths.root / "scenarios" / "failed-verification.json";
    const auto original = paths.root / "original.json.txt";
    std::filesystem::copy_file(scenario_file, original);
    bumpVersion(scenario_file, 2);
    const ContentLibrary v2 = loadContent(paths, false);
    REQUIRE(v2.scenario("failed-verification")->version == 2);

    // No copy of version 1: the attempt cannot count, and the reason names the file to keep.
    ReplayedEvidence r = replayEvidence(store, ana, v2, quizzes(), v2.default_settings);
    REQUIRE(r.refused.size() == 2);
    for (const auto& refused : r.refused) {
        CHECK(refused.why.find("played on version 1 of the scenario, which is at version 2 now") != std::string::npos);
        CHECK(refused.why.find("archive/failed-verification.v1.json") != std::string::npos);
    }
    CHECK(r.evidence.attempts.empty());

    // The author kept version 1 in archive/: the attempt replays on it and counts.
    std::filesystem::create_directories(paths.root / "archive");
    const auto kept = archivedScenarioFile(paths, "failed-verification", 1);
    std::filesystem::copy_file(original, kept);
    r = replayEvidence(store, ana, v2, quizzes(), v2.default_settings);
    CHECK(r.refused.empty());
    CHECK(r.attempts_replayed == 2);
    REQUIRE(r.evidence.attempts.size() == 2);
    CHECK(r.evidence.attempts[0].passed);

    // A copy that is not the version its name says does not stand in for it, for any attempt on it.
    bumpVersion(kept, 3);
    r = replayEvidence(store, ana, v2, quizzes(), v2.default_settings);
    REQUIRE(r.refused.size() == 2);
    for (const auto& refused : r.refused)
        CHECK(refused.why.find("does not load: the file holds scenario 'failed-verification' version 3") != std::string::npos);

    // An id from a database row never reaches outside archive/.
    std::vector<Diagnostic> diags;
    CHECK_FALSE(loadArchivedScenario(v2, "../scenarios/failed-verification", 1, diags));
    CHECK(diags.empty());
}

TEST_CASE("frontline validate checks the archive and says which versions are not kept") {
    TempDir dir;
    const ContentPaths paths = editableContent(dir);
    const auto scenario_file = paths.root / "scenarios" / "failed-verification.json";
    std::filesystem::create_directories(paths.root / "archive");
    std::filesystem::copy_file(scenario_file, archivedScenarioFile(paths, "failed-verification", 1));
    bumpVersion(scenario_file, 3);
    auto run = test::runCli({"validate", paths.root.string()});
    INFO(run.out);
    CHECK(run.code == 0);
    CHECK(run.out.find("attempts played on version(s) 2 cannot count towards a certificate") != std::string::npos);

    std::filesystem::copy_file(scenario_file, paths.root / "archive" / "failed-verification.json");  // no version in the name
    std::filesystem::copy_file(scenario_file, archivedScenarioFile(paths, "failed-verification", 2));  // holds version 3
    run = test::runCli({"validate", paths.root.string()});
    INFO(run.out);
    CHECK(run.code == 1);
    CHECK(run.out.find("failed-verification.json: error: an archived scenario is named <scenario id>.v<version>.json") != std::string::npos);
    CHECK(run.out.find("failed-verification.v2.json: error: the file holds scenario 'failed-verification' version 3") != std::string::npos);
}

TEST_CASE("words filled in from the settings do not decide: an organisation renamed since still reproduces") {
    const AttemptRecord genuine = played("failed-verification");
    OrgSettings renamed = content().default_settings;
    renamed.company_name = "Brightwave & Sons";
    CHECK(replay(genuine, renamed).reproduced);
    AttemptRecord other_agent = genuine;
    other_agent.log.agent_name = "Someone Else";  // the {agent} in the greeting: words, not decisions
    CHECK(replay(other_agent).reproduced);
}

TEST_CASE("targets changed after the attempt do not fail it, but a raised pass mark does, with the reason") {
    const AttemptRecord genuine = played("irate-supervisor-request");
    OrgSettings later = content().default_settings;
    later.answer_within_rings = 1;  // the engine wrote the old target into the log
    later.ring_seconds = 2;
    CHECK(replay(genuine, later).reproduced);
    later = content().default_settings;
    later.scenario_pass_mark = 100;
    if (genuine.adherence < 100) {
        const AttemptReplay r = replay(genuine, later);
        CHECK_FALSE(r.reproduced);
        CHECK(r.why.find("pass mark") != std::string::npos);
    }
}

TEST_CASE("an exam is graded again from its stored draw and answers") {
    TempDir dir;
    Store store = Store::open(dir.path() / "f.db");
    const Trainee ana = store.createTrainee("Ana Ruiz", "Blue");
    const QuizAttemptRecord genuine = test::recordGenuineExam(store, content(), ana.id, "inbound-l1-exam", 2, "2026-11-06T09:00:00Z", 7);
    const OrgSettings& settings = content().default_settings;
    CHECK(regradeStoredQuiz(quizzes(), settings, genuine, ana.name).reproduced);

    QuizAttemptRecord edited = genuine;
    edited.score_percent = 100;
    CHECK(regradeStoredQuiz(quizzes(), settings, edited, ana.name).why.find("grading the stored answers gives") != std::string::npos);
    edited = genuine;
    edited.seed += 1;  // questions that are not the ones this seed draws
    CHECK(regradeStoredQuiz(quizzes(), settings, edited, ana.name).why.find("not the ones the exam draws") != std::string::npos);
    edited = genuine;
    edited.detail = nlohmann::json::object();
    CHECK_FALSE(regradeStoredQuiz(quizzes(), settings, edited, ana.name).reproduced);
    edited = genuine;
    edited.detail["answers"] = "all correct";
    CHECK(regradeStoredQuiz(quizzes(), settings, edited, ana.name).why == "its stored answers cannot be read");
    edited = genuine;
    edited.exam_id = "no-such-exam";
    CHECK_FALSE(regradeStoredQuiz(quizzes(), settings, edited, ana.name).reproduced);
}

TEST_CASE("replayEvidence keeps what reproduces and lists the rest, and certify issue signs only from it") {
    TempDir dir;
    const std::string db = (dir.path() / "f.db").string();
    {
        Store store = Store::open(db);
        const Trainee ana = store.createTrainee("Ana Ruiz", "Blue");
        for (const char* s : {"failed-verification", "price-objection-learn"})
            test::recordGenuinePass(store, content(), ana.id, s, "2026-11-05T09:00:00Z", "2026-11-05T09:06:00Z");
        test::recordGenuineExam(store, content(), ana.id, "inbound-l1-exam", 0, "2026-11-06T09:00:00Z");
        // The third situation, claimed with a made-up report and no log.
        AttemptLog log;
        log.scenario_id = "legal-safety-compliance";
        log.sop_version = content().sop.version;
        ScoreReport report;
        report.scenario_id = log.scenario_id;
        report.sop_version = log.sop_version;
        report.passed = true;
        report.stars = 3;
        store.recordAttempt(ana.id, "Legal safety", log, report, "2026-11-05T10:00:00Z", "2026-11-05T10:06:00Z");

        const ReplayedEvidence r = replayEvidence(store, ana, content(), quizzes(), content().default_settings);
        CHECK(r.attempts_replayed == 3);
        CHECK(r.quizzes_regraded == 1);
        CHECK(r.evidence.attempts.size() == 2);
        CHECK(r.evidence.quizzes.size() == 1);
        REQUIRE(r.refused.size() == 1);
        CHECK(r.refused[0].what.find("'Legal safety'") != std::string::npos);
        CHECK(refusedEvidenceText(r.refused).find("1 piece of evidence did not reproduce") == 0);
    }
    const auto refused = test::runCli({"certify", "issue", "--trainee", "Ana Ruiz", "--policy", "inbound-agent-l1", "--db", db});
    CHECK(refused.code == 1);
    CHECK(refused.err.find("did not reproduce when replayed") != std::string::npos);
    CHECK(refused.err.find("it has no event log to replay") != std::string::npos);
    {
        Store store = Store::open(db);
        CHECK(store.certificates(1).empty());
        test::recordGenuinePass(store, content(), 1, "legal-safety-compliance", "2026-11-07T09:00:00Z", "2026-11-07T09:06:00Z");
    }
    const auto issued = test::runCli({"certify", "issue", "--trainee", "Ana Ruiz", "--policy", "inbound-agent-l1", "--db", db});
    CHECK(issued.code == 0);
    CHECK(issued.out.find("evidence replayed: 4 attempts played again, 1 exam graded again") != std::string::npos);
    CHECK(issued.err.find("'Legal safety'") != std::string::npos);  // still named, though not needed
}

TEST_CASE_TEMPLATE("evidence replay: logs and exams reproduce after the store's round trip, and a row edited behind its back does not",
                   Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const Trainee ana = store.createTrainee("Ana Ruiz", "Blue");
    std::vector<std::int64_t> attempts;
    for (const char* s : {"failed-verification", "price-objection-learn", "legal-safety-compliance", "irate-supervisor-request"})
        attempts.push_back(test::recordGenuinePass(store, content(), ana.id, s, "2026-11-05T09:00:00Z", "2026-11-05T09:06:00Z"));
    const auto exam = test::recordGenuineExam(store, content(), ana.id, "inbound-l1-exam", 3, "2026-11-06T09:00:00Z", 11);
    ReplayedEvidence r = replayEvidence(store, ana, content(), quizzes(), content().default_settings);
    CHECK(r.refused.empty());
    CHECK(r.attempts_replayed == 4);
    CHECK(r.quizzes_regraded == 1);

    // What an administrator with sqlite3 or psql could do: raise a score, clear a critical flag.
    engine->exec(store, "UPDATE attempts SET adherence = adherence - 1 WHERE id = " + std::to_string(attempts[1]));
    engine->exec(store, "UPDATE quiz_attempts SET score_percent = 100 WHERE id = " + std::to_string(exam.id));
    r = replayEvidence(store, ana, content(), quizzes(), content().default_settings);
    REQUIRE(r.refused.size() == 2);
    CHECK(r.refused[0].what.find("attempt #" + std::to_string(attempts[1])) == 0);
    CHECK(r.refused[0].why.find("SOP adherence") != std::string::npos);
    CHECK(r.refused[1].why.find("the stored score is 100%") != std::string::npos);
    CHECK(r.evidence.attempts.size() == 3);
    CHECK(r.evidence.quizzes.empty());
}
