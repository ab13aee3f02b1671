// Trainee PINs on a local file (issue 11): with trainee_pin_digits above 0 each trainee signs in
// with their own PIN. Stored as argon2id hashes, wrong tries counted in the file and paused after
// kPinFreeTries, reset by a manager, audited without the secret; the CLI asks before recording.
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include "../temp_dir.hpp"
#include "old_schema.hpp"
#include "cli_runner.hpp"
#include "frontline/store.hpp"
#include "../../app/store/src/sqlite_store.hpp"

using namespace frontline;
using frontline::test::CliRun;
using frontline::test::runCli;
using frontline::test::TempDir;

namespace {

std::string firstText(Store& store, const char* sql) {
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(sqliteHandle(store), sql, -1, &q, nullptr) == SQLITE_OK);
    std::string text;
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0)) text = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return text;
}

int quizAttempts(const std::string& db) {
    Store store = Store::open(db);
    int n = 0;
    for (const auto& t : store.trainees()) n += static_cast<int>(store.quizAttempts(t.id).size());
    return n;
}

}  // namespace

TEST_CASE("trainee PINs: chosen once, checked, kept as an argon2id hash, audited without the PIN") {
    Store store = Store::open(":memory:");
    const Trainee sam = store.createTrainee("Sam", "");
    CHECK_FALSE(store.traineePinSet(sam.id));
    CHECK(store.checkTraineePin(sam.id, "1234").outcome == PinOutcome::NotSet);
    CHECK_THROWS_AS(store.setTraineePin(sam.id, "123", 4), StoreError);    // too short for the policy
    CHECK_THROWS_AS(store.setTraineePin(sam.id, "12a4", 4), StoreError);   // digits only
    CHECK_THROWS_AS(store.setTraineePin(sam.id, "1234567890123", 4), StoreError);  // over kPinMaxDigits
    store.setTraineePin(sam.id, "482913", 4);
    CHECK(store.traineePinSet(sam.id));
    CHECK(store.checkTraineePin(sam.id, "482913").outcome == PinOutcome::Right);
    CHECK(store.checkTraineePin(sam.id, "000000").outcome == PinOutcome::Wrong);
    // Only a manager's reset clears a PIN: a second choice is refused.
    CHECK_THROWS_AS(store.setTraineePin(sam.id, "1111", 4), StoreError);
    const std::string hash = firstText(store, "SELECT hash FROM trainee_pins");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("482913") == std::string::npos);
    store.resetTraineePin(sam.id);
    CHECK_FALSE(store.traineePinSet(sam.id));
    CHECK(store.checkTraineePin(sam.id, "482913").outcome == PinOutcome::NotSet);
    const auto trail = store.auditTrail();
    REQUIRE(trail.size() == 2);
    CHECK(trail[1].action == "trainee.pin");
    CHECK(trail[1].subject == "Sam");
    CHECK(trail[1].new_value == "chosen");
    CHECK(trail[0].new_value.find("reset") == 0);
    for (const auto& a : trail) CHECK((a.old_value + a.new_value).find("4829") == std::string::npos);
    CHECK_THROWS_AS(store.setTraineePin(999, "1234", 4), StoreError);  // no such trainee
}

TEST_CASE("trainee PINs: wrong tries are counted in the file and pause the profile after kPinFreeTries") {
    TempDir dir;
    const std::string db = (dir / "desk.db").string();
    std::int64_t id = 0;
    {
        Store store = Store::open(db);
        id = store.createTrainee("Ana", "").id;
        store.setTraineePin(id, "2468", 4);
        for (int i = 1; i < kPinFreeTries; ++i) {
            const PinCheck c = store.checkTraineePin(id, "1357");
            CHECK(c.outcome == PinOutcome::Wrong);
            CHECK(c.failures == i);
            CHECK(c.paused_until.empty());
        }
        // A right PIN before the limit forgets the wrong ones.
        CHECK(store.checkTraineePin(id, "2468").outcome == PinOutcome::Right);
        for (int i = 1; i < kPinFreeTries; ++i) store.checkTraineePin(id, "1357");
    }
    // Another process (the CLI, a restart) sees the same count: the pause is not a window's.
    Store store = Store::open(db);
    const PinCheck last = store.checkTraineePin(id, "1357");
    CHECK(last.outcome == PinOutcome::Wrong);
    CHECK(last.failures == kPinFreeTries);
    CHECK(last.paused_until > nowUtcIso());
    const PinCheck paused = store.checkTraineePin(id, "2468");  // even the right PIN waits
    CHECK(paused.outcome == PinOutcome::Paused);
    CHECK(paused.paused_until == last.paused_until);
    // The pause over (moved into the past here), the right PIN signs in and clears the count.
    sqlite3_exec(sqliteHandle(store), "UPDATE trainee_pins SET paused_until = '2000-01-01T00:00:00Z'", nullptr, nullptr, nullptr);
    const PinCheck after = store.checkTraineePin(id, "2468");
    CHECK(after.outcome == PinOutcome::Right);
    CHECK(firstText(store, "SELECT failures FROM trainee_pins") == "0");
}

TEST_CASE("trainee PINs: an older file gains the table and its audit trail accepts PIN entries") {
    TempDir dir;
    const std::string db = (dir / "old.db").string();
    {
        Store store = Store::open(db);
        store.createTrainee("Kim", "");
    }
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        test::undoSchema11(raw);  // back to schema 10: no PIN table, the audit CHECK as v4 wrote it
        REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 10", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    Store store = Store::open(db);
    CHECK(store.schemaVersion() == store.latestSchemaVersion());
    const auto kim = store.traineeByName("Kim");
    REQUIRE(kim);
    store.setTraineePin(kim->id, "9753", 4);
    CHECK(store.auditTrail().front().action == "trainee.pin");
    CHECK(store.integrityProblem().empty());
}

TEST_CASE("trainee PINs: the CLI records for a trainee only with their PIN, and a manager resets a forgotten one") {
    TempDir dir;
    const std::string db = (dir / "desk.db").string();
    std::ofstream(dir / "sam.pin") << "482913\n";
    std::ofstream(dir / "wrong.pin") << "111111\n";
    std::ofstream(dir / "manager.pw") << "manager pass 1\n";
    const std::vector<std::string> quiz = {"quiz", "compliance", "--practice", "--answers", "-", "--trainee", "Sam", "--db", db};
    auto with = [&](std::vector<std::string> argv, const std::vector<std::string>& more) {
        argv.insert(argv.end(), more.begin(), more.end());
        return argv;
    };
    // Without the policy: one-click, as before.
    REQUIRE(runCli(quiz).code == 0);
    REQUIRE(runCli({"settings", "set", "trainee_pin_digits", "6", "--db", db}).code == 0);
    REQUIRE(runCli({"manager-password", "--password-file", (dir / "manager.pw").string(), "--db", db}).code == 0);

    const CliRun bare = runCli(quiz);
    CHECK(bare.code == 1);
    CHECK(bare.err.find("signs in with a PIN") != std::string::npos);
    const CliRun first = runCli(with(quiz, {"--pin-file", (dir / "sam.pin").string()}));  // no PIN yet: this one is Sam's
    INFO(first.err);
    CHECK(first.code == 0);
    CHECK(first.err.find("PIN set for Sam") != std::string::npos);
    const CliRun wrong = runCli(with(quiz, {"--pin-file", (dir / "wrong.pin").string()}));
    CHECK(wrong.code == 1);
    CHECK(wrong.err.find("not Sam's PIN") != std::string::npos);
    const CliRun typed = runCli(quiz, "482913\n", true);
    CHECK(typed.code == 0);
    CHECK(quizAttempts(db) == 3);  // the refused runs recorded nothing

    const CliRun reset_refused = runCli({"trainees", "reset-pin", "Sam", "--db", db});
    CHECK(reset_refused.code == 1);
    const CliRun reset = runCli({"trainees", "reset-pin", "Sam", "--db", db, "--manager-password-file", (dir / "manager.pw").string()});
    INFO(reset.err);
    CHECK(reset.code == 0);
    CHECK(reset.out.find("new PIN at their next sign-in") != std::string::npos);
    CHECK(runCli(with(quiz, {"--pin-file", (dir / "wrong.pin").string()})).code == 0);  // chosen anew
    CHECK(runCli({"trainees", "reset-pin", "Nobody", "--db", db}).code == 1);
}
