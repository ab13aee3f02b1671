// The local store: schema and migrations, refusal of bad databases (byte-identical afterwards),
// crash safety of recordAttempt (injected failure and a real crashed process), round trips and the
// per-step statistics.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <algorithm>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include "frontline/store.hpp"
#include "../../app/store/src/migrations.hpp"
#include "../../app/store/src/sqlite_store.hpp"
#include "store_engines.hpp"

namespace fs = std::filesystem;
using namespace frontline;

namespace {

using frontline::test::TempDir;

std::string fileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Raw SQLite connection for setting up files and inspecting them behind the store's back.
class RawDb {
public:
    explicit RawDb(const fs::path& p) {
        if (sqlite3_open(p.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("sqlite3_open failed");
    }
    ~RawDb() { sqlite3_close_v2(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    void exec(const std::string& sql) { execOn(db_, sql); }
    sqlite3* get() const { return db_; }
    // The same on a connection owned elsewhere (a Store's handle).
    static void execOn(sqlite3* db, const std::string& sql) {
        char* error = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + message);
    }

private:
    sqlite3* db_ = nullptr;
};

// The file's page size, from its header (offset 16, big-endian; 1 means 65536).
std::size_t pageSizeOf(const std::string& bytes) {
    const std::size_t size = (static_cast<unsigned char>(bytes.at(16)) << 8) | static_cast<unsigned char>(bytes.at(17));
    return size == 1 ? 65536 : size;
}

std::int64_t scalar(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const std::int64_t value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

std::string scalarText(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    std::string value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return value;
}

AttemptLog makeLog(std::uint64_t seed, const std::string& scenario = "irate-billing") {
    AttemptLog log;
    log.scenario_id = scenario;
    log.scenario_version = 2;
    log.sop_id = "inbound-calls-chats";
    log.sop_version = "1.0.0";
    log.agent_name = "Ana";
    log.seed = seed;
    log.channel = Channel::Chat;
    Event answer;
    answer.seq = 0;
    answer.type = EventType::Answer;
    answer.data = {{"waited", 9}};
    Event choice;
    choice.seq = 1;
    choice.type = EventType::Choice;
    choice.clock = 35;
    choice.node = "greet";
    choice.id = "greet.warm";
    choice.text = "Thank you for calling Brightwave, this is Ana. How can I help? \xE2\x9C\x93";
    choice.steps = {"receive"};
    choice.honours = {"identify_self_and_company"};
    choice.script = "greeting";
    choice.empathy = true;
    choice.points = 10;
    choice.mood_before = 40;
    choice.mood_after = 48;
    choice.feedback = "A full greeting.";
    choice.sop_ref = "SOP §4 Step 1";
    log.events = {answer, choice};
    log.outcome = "resolved_first_contact";
    log.success = true;
    log.ending_node = "end_resolved";
    return log;
}

StepScore stepScore(const std::string& step, bool required, bool covered, bool in_order, int score) {
    StepScore s;
    s.step = step;
    s.required = required;
    s.covered = covered;
    s.in_order = in_order;
    s.score = score;
    s.reasons = {"because"};
    return s;
}

ScoreReport makeReport(std::vector<StepScore> steps, int adherence = 85) {
    ScoreReport r;
    r.scenario_id = "irate-billing";
    r.sop_version = "1.0.0";
    r.outcome = "resolved_first_contact";
    r.outcome_title = "Resolved on first contact";
    r.success_ending = true;
    r.passed = true;
    r.adherence = adherence;
    r.stars = 2;
    r.points.base = 40;
    r.points.bonuses = {{"Empathy", 5}};
    r.points.total = 45;
    r.metrics.handle_seconds = 312;
    r.metrics.fcr = true;
    r.metrics.csat = 4.2;
    r.metrics.answer_seconds = 9;
    r.steps = std::move(steps);
    r.strengths = {"Warm greeting"};
    return r;
}

ScoreReport typicalReport() {
    return makeReport({stepScore("receive", true, true, true, 100), stepScore("verify", true, true, false, 60),
                       stepScore("understand", true, false, true, 0), stepScore("follow_up", false, false, true, 0)});
}

std::int64_t recordTypical(Store& store, std::int64_t trainee, const std::string& finished_at, std::uint64_t seed = 7) {
    return store.recordAttempt(trainee, "The irate billing caller", makeLog(seed), typicalReport(),
                               "2026-03-01T09:00:00Z", finished_at);
}

StoreError::Kind openErrorKind(const fs::path& p, std::string* message = nullptr) {
    StoreOptions quick;
    quick.busy_timeout_ms = 50;
    try {
        Store::open(p, quick);
    } catch (const StoreError& e) {
        if (message) *message = e.what();
        return e.kind();
    }
    FAIL("the store opened a database it should have refused: " << p);
    return StoreError::Kind::Other;
}

// A real Frontline database with some content, closed (WAL checkpointed into the main file).
void makeRealDatabase(const fs::path& p, int attempts) {
    Store store = Store::open(p);
    const auto ana = store.createTrainee("Ana", "A").id;
    for (int i = 0; i < attempts; ++i) recordTypical(store, ana, "2026-03-01T10:00:00Z", static_cast<std::uint64_t>(i));
}

}  // namespace

TEST_CASE("store: a new database has the current schema, WAL, foreign keys and Frontline's id") {
    TempDir dir;
    const fs::path p = dir / "nested/deeper/frontline.db";  // parent folders are created
    Store store = Store::open(p);
    CHECK(fs::exists(p));
    CHECK(store.locator() == p.string());
    CHECK(Store::currentSchemaVersion() >= 1);
    CHECK(store.schemaVersion() == Store::currentSchemaVersion());
    CHECK(scalarText(sqliteHandle(store), "PRAGMA journal_mode") == "wal");
    CHECK(scalar(sqliteHandle(store), "PRAGMA foreign_keys") == 1);
    CHECK(scalar(sqliteHandle(store), "PRAGMA application_id") == store_schema::kApplicationId);
    for (const char* table : {"trainees", "attempts", "step_scores", "quiz_attempts", "certificates", "settings",
                              "preferences"}) {
        CAPTURE(table);
        CHECK(scalar(sqliteHandle(store), std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") +
                                         table + "'") == 1);
    }
    // The newest-first listing walks an index instead of sorting.
    sqlite3_stmt* plan = nullptr;
    REQUIRE(sqlite3_prepare_v2(sqliteHandle(store),
                               "EXPLAIN QUERY PLAN SELECT id FROM attempts WHERE trainee_id = 1"
                               " ORDER BY finished_at DESC, id DESC LIMIT 50",
                               -1, &plan, nullptr) == SQLITE_OK);
    std::string details;
    while (sqlite3_step(plan) == SQLITE_ROW) details += reinterpret_cast<const char*>(sqlite3_column_text(plan, 3));
    sqlite3_finalize(plan);
    CHECK(details.find("attempts_by_trainee_time") != std::string::npos);
    CHECK(details.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("store: :memory: works and keeps nothing") {
    {
        Store store = Store::open(":memory:");
        CHECK(store.schemaVersion() == Store::currentSchemaVersion());
        CHECK(scalar(sqliteHandle(store), "PRAGMA foreign_keys") == 1);
        store.createTrainee("Ana", "A");
        CHECK(store.trainees().size() == 1);
    }
    Store again = Store::open(":memory:");
    CHECK(again.trainees().empty());
}

TEST_CASE("store: an empty file is migrated - a current file is reopened without re-running migrations") {
    TempDir dir;
    const fs::path p = dir / "empty.db";
    writeFile(p, "");
    {
        Store store = Store::open(p);
        CHECK(store.schemaVersion() == Store::currentSchemaVersion());
        store.createTrainee("Ana", "A");
    }
    RawDb(p).exec("PRAGMA user_version");  // still a valid SQLite file for anyone else
    Store reopened = Store::open(p);
    CHECK(reopened.schemaVersion() == Store::currentSchemaVersion());
    REQUIRE(reopened.trainees().size() == 1);
    CHECK(reopened.trainees()[0].name == "Ana");
}

TEST_CASE("migrations: forward steps apply once each with their version - a failed step changes nothing") {
    TempDir dir;
    const fs::path p = dir / "v1.db";
    { Store::open(p).createTrainee("Ana", "A"); }
    RawDb db(p);

    const int current = Store::currentSchemaVersion();
    REQUIRE(store_schema::readUserVersion(db.get()) == current);

    // A later build's list: the real steps, then two new ones.
    std::vector<store_schema::Migration> later(store_schema::migrations().begin(), store_schema::migrations().end());
    later.push_back({current + 1, "ALTER TABLE trainees ADD COLUMN email TEXT NOT NULL DEFAULT ''"});
    later.push_back({current + 2, "CREATE TABLE badges (id INTEGER PRIMARY KEY)"});
    store_schema::applyMigrations(db.get(), later);
    CHECK(store_schema::readUserVersion(db.get()) == current + 2);
    CHECK(scalar(db.get(), "SELECT count(*) FROM trainees WHERE email = '' AND name = 'Ana'") == 1);
    store_schema::applyMigrations(db.get(), later);  // nothing left to do: no "duplicate column" error
    CHECK(store_schema::readUserVersion(db.get()) == current + 2);

    // The next step fails half-way: its first statement must not survive, nor the version bump.
    later.push_back({current + 3, "CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);"});
    CHECK_THROWS_AS(store_schema::applyMigrations(db.get(), later), StoreError);
    CHECK(store_schema::readUserVersion(db.get()) == current + 2);
    CHECK(scalar(db.get(), "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'") == 0);
}

TEST_CASE("migrations: schema 6 lets a schema-3 file hold email attempts and keeps every row") {
    TempDir dir;
    const fs::path p = dir / "v3.db";
    {
        RawDb db(p);
        db.exec("PRAGMA foreign_keys = ON");
        const auto all = store_schema::migrations();
        store_schema::applyMigrations(db.get(), all.first(3));  // a file written by the previous release
        REQUIRE(store_schema::readUserVersion(db.get()) == 3);
        db.exec("INSERT INTO trainees (id, name, created_at) VALUES (1, 'Ana', '2026-11-01T09:00:00Z')");
        db.exec("INSERT INTO attempts (id, trainee_id, scenario_id, scenario_version, scenario_title, sop_id, sop_version,"
                " channel, started_at, finished_at, outcome, passed, critical_failure, adherence, points, stars,"
                " handle_seconds, fcr, csat, answer_seconds, seed) VALUES (1, 1, 's', 1, 'S', 'sop', '1', 'chat',"
                " 'a', 'b', 'unresolved', 0, 0, 50, 10, 1, 60, 0, 3.0, 5, 1)");
        db.exec("INSERT INTO step_scores VALUES (1, 'receive', 0, 1, 1, 1, 100)");
        CHECK_THROWS(db.exec("UPDATE attempts SET channel = 'email'"));  // schema 3 refuses it
    }
    Store store = Store::open(p);  // migrates to the current schema
    RawDb db(p);
    CHECK(store_schema::readUserVersion(db.get()) == Store::currentSchemaVersion());
    CHECK(scalarText(db.get(), "PRAGMA integrity_check") == "ok");
    CHECK(scalar(db.get(), "SELECT count(*) FROM step_scores WHERE attempt_id = 1") == 1);
    CHECK(scalar(db.get(), "SELECT attempts FROM step_totals WHERE trainee_id = 1 AND step = 'receive'") == 1);

    const Trainee ana = *store.traineeByName("Ana");
    AttemptLog log = makeLog(7);
    log.channel = Channel::Email;
    const auto id = store.recordAttempt(ana.id, "The email", log, typicalReport(), "2026-11-30T09:00:00Z", "2026-11-30T09:05:00Z");
    CHECK(store.attempt(id)->channel == "email");
    CHECK(store.attempt(id)->log.channel == Channel::Email);
    CHECK_THROWS(db.exec("UPDATE attempts SET channel = 'fax' WHERE id = 1"));  // still checked
}

TEST_CASE("store: a file that is not SQLite is refused and left byte-identical") {
    TempDir dir;
    for (const std::string& content :
         {std::string("name,score\nAna,92\nBen,71\n"), std::string("x"), std::string(8192, '\x7f')}) {
        const fs::path p = dir / "notes.db";
        writeFile(p, content);
        std::string message;
        CHECK(openErrorKind(p, &message) == StoreError::Kind::NotADatabase);
        CHECK(message.find(p.string()) != std::string::npos);
        CHECK(message.find("nothing was changed") != std::string::npos);
        CHECK(fileBytes(p) == content);
    }
}

TEST_CASE("store: another application's SQLite file is refused, not taken over") {
    TempDir dir;
    const fs::path p = dir / "other.db";
    { RawDb(p).exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');"); }
    const std::string before = fileBytes(p);
    CHECK(openErrorKind(p) == StoreError::Kind::NotADatabase);
    CHECK(fileBytes(p) == before);

    const fs::path q = dir / "tagged.db";
    { RawDb(q).exec("PRAGMA application_id = 1234; CREATE TABLE t (x);"); }
    const std::string tagged = fileBytes(q);
    CHECK(openErrorKind(q) == StoreError::Kind::NotADatabase);
    CHECK(fileBytes(q) == tagged);
}

TEST_CASE("store: a database from a newer Frontline is refused and left byte-identical") {
    TempDir dir;
    const fs::path p = dir / "future.db";
    makeRealDatabase(p, 1);
    const int future = Store::currentSchemaVersion() + 1;
    { RawDb(p).exec("PRAGMA user_version = " + std::to_string(future)); }
    const std::string before = fileBytes(p);
    std::string message;
    CHECK(openErrorKind(p, &message) == StoreError::Kind::TooNew);
    CHECK(message.find(p.string()) != std::string::npos);
    CHECK(message.find("newer Frontline (schema " + std::to_string(future) + ", this build knows " +
                       std::to_string(Store::currentSchemaVersion()) + ")") != std::string::npos);
    CHECK(message.find("nothing was changed") != std::string::npos);
    CHECK(fileBytes(p) == before);
}

TEST_CASE("store: a damaged database is refused and left byte-identical") {
    TempDir dir;
    const fs::path p = dir / "damaged.db";
    makeRealDatabase(p, 40);
    std::string bytes = fileBytes(p);
    const std::size_t page = pageSizeOf(bytes);
    REQUIRE(bytes.size() > 8 * page);
    // Garbage over pages 3-6 (b-tree pages of the tables), as a bad disk sector would leave.
    for (std::size_t i = 2 * page; i < 6 * page; ++i) bytes[i] = static_cast<char>((i * 37) & 0xff);
    writeFile(p, bytes);
    std::string message;
    CHECK(openErrorKind(p, &message) == StoreError::Kind::Corrupt);
    CHECK(message.find(p.string()) != std::string::npos);
    CHECK(message.find("nothing was changed") != std::string::npos);
    CHECK(fileBytes(p) == bytes);
}

TEST_CASE("store: checkIntegrity on an open store finds the damage open() would have refused") {
    TempDir dir;
    const fs::path p = dir / "later.db";
    makeRealDatabase(p, 40);
    Store::open(p, StoreOptions{5000, false}).checkIntegrity();  // a sound file: no error
    std::string bytes = fileBytes(p);
    const std::size_t page = pageSizeOf(bytes);
    REQUIRE(bytes.size() > 8 * page);
    for (std::size_t i = 2 * page; i < 6 * page; ++i) bytes[i] = static_cast<char>((i * 37) & 0xff);
    writeFile(p, bytes);
    // What the desktop app does: open without the full-file check, check afterwards.
    Store store = Store::open(p, StoreOptions{5000, false});
    try {
        store.checkIntegrity();
        FAIL("the damaged file passed the integrity check");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Corrupt);
        const std::string message = e.what();
        CHECK(message.find(p.string()) != std::string::npos);
        CHECK(message.find("nothing was changed") != std::string::npos);
    }
}

TEST_CASE("store: a database another connection holds exclusively is reported Locked, unchanged") {
    TempDir dir;
    const fs::path p = dir / "busy.db";
    makeRealDatabase(p, 2);

    SUBCASE("WAL database (as Frontline makes them): the write lock is taken") {
        RawDb holder(p);
        holder.exec("BEGIN EXCLUSIVE");
        const std::string before = fileBytes(p);
        std::string message;
        CHECK(openErrorKind(p, &message) == StoreError::Kind::Locked);
        CHECK(message.find(p.string()) != std::string::npos);
        CHECK(message.find("nothing was changed") != std::string::npos);
        CHECK(fileBytes(p) == before);
        holder.exec("ROLLBACK");
    }
    SUBCASE("rollback-journal database: even reading is blocked") {
        { RawDb(p).exec("PRAGMA journal_mode = DELETE"); }
        RawDb holder(p);
        holder.exec("BEGIN EXCLUSIVE");
        const std::string before = fileBytes(p);
        CHECK(openErrorKind(p) == StoreError::Kind::Locked);
        CHECK(fileBytes(p) == before);
        holder.exec("ROLLBACK");
    }
    // Once released, the same file opens normally.
    Store store = Store::open(p);
    CHECK(store.attemptCount() == 2);
}

TEST_CASE("store: a folder where the file should be is CannotOpen") {
    TempDir dir;
    fs::create_directories(dir / "frontline.db");
    CHECK(openErrorKind(dir / "frontline.db") == StoreError::Kind::CannotOpen);
}

TEST_CASE_TEMPLATE("store: trainees", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const Trainee ana = store.createTrainee("Ana Lopez", "Team A");
    CHECK(ana.id > 0);
    CHECK(ana.name == "Ana Lopez");
    CHECK(ana.team == "Team A");
    CHECK(ana.created_at.size() == 20);  // 2026-11-23T09:41:00Z

    SUBCASE("names are unique, case-insensitively") {
        try {
            store.createTrainee("ana lopez", "Team B");
            FAIL("duplicate accepted");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Constraint);
            CHECK(std::string(e.what()).find("already exists") != std::string::npos);
        }
        REQUIRE(store.traineeByName("ANA LOPEZ"));
        CHECK(store.traineeByName("ANA LOPEZ")->id == ana.id);
    }
    SUBCASE("a blank name is refused") {
        CHECK_THROWS_AS(store.createTrainee("   ", ""), StoreError);
        CHECK(store.trainees().size() == 1);
    }
    SUBCASE("lookups and listing") {
        CHECK(store.traineeByNameOrCreate("Ana Lopez").id == ana.id);
        const Trainee ben = store.traineeByNameOrCreate("Ben", "Team B");
        CHECK(ben.id != ana.id);
        CHECK(store.trainee(ben.id)->team == "Team B");
        CHECK_FALSE(store.trainee(999));
        CHECK_FALSE(store.traineeByName("Nobody"));
        const auto all = store.trainees();
        REQUIRE(all.size() == 2);
        CHECK(all[0].name == "Ana Lopez");  // by name
        CHECK(all[1].name == "Ben");
    }
}

TEST_CASE_TEMPLATE("store: an attempt round-trips with its log, report and step rows", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    AttemptLog log = makeLog(0xFFFFFFFFFFFFFFF1ULL);  // a seed above INT64_MAX survives the int64 column
    const ScoreReport report = typicalReport();
    const auto id = store.recordAttempt(ana, "The irate billing caller", log, report, "2026-03-01T09:00:00Z",
                                        "2026-03-01T09:06:00Z");
    const auto loaded = store.attempt(id);
    REQUIRE(loaded);
    CHECK(loaded->trainee_id == ana);
    CHECK(loaded->trainee_name == "Ana");
    CHECK(loaded->scenario_id == "irate-billing");
    CHECK(loaded->scenario_version == 2);
    CHECK(loaded->scenario_title == "The irate billing caller");
    CHECK(loaded->sop_id == "inbound-calls-chats");
    CHECK(loaded->sop_version == "1.0.0");
    CHECK(loaded->channel == "chat");
    CHECK(loaded->started_at == "2026-03-01T09:00:00Z");
    CHECK(loaded->finished_at == "2026-03-01T09:06:00Z");
    CHECK(loaded->outcome == "resolved_first_contact");
    CHECK(loaded->passed);
    CHECK_FALSE(loaded->critical_failure);
    CHECK(loaded->adherence == 85);
    CHECK(loaded->points == 45);
    CHECK(loaded->stars == 2);
    CHECK(loaded->handle_seconds == 312);
    CHECK(loaded->fcr);
    CHECK(loaded->csat == doctest::Approx(4.2));
    CHECK(loaded->answer_seconds == 9);
    CHECK(loaded->seed == 0xFFFFFFFFFFFFFFF1ULL);
    CHECK(nlohmann::json(loaded->log) == nlohmann::json(log));
    CHECK(nlohmann::json(loaded->report) == nlohmann::json(report));
    CHECK(engine->scalar(store, "SELECT count(*) FROM step_scores WHERE attempt_id = " + std::to_string(id)) == 4);
    CHECK_FALSE(store.attempt(id + 1));
}

TEST_CASE_TEMPLATE("store: attempt listings are newest first, filter by trainee, limit, and skip the heavy JSON", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    const auto ben = store.createTrainee("Ben", "B").id;
    const auto a1 = recordTypical(store, ana, "2026-03-01T10:00:00Z");
    const auto b1 = recordTypical(store, ben, "2026-03-02T10:00:00Z");
    const auto a2 = recordTypical(store, ana, "2026-03-03T10:00:00Z");
    const auto a3 = recordTypical(store, ana, "2026-03-03T10:00:00Z");  // same second: later id first

    const auto all = store.attempts();
    REQUIRE(all.size() == 4);
    CHECK(all[0].id == a3);
    CHECK(all[1].id == a2);
    CHECK(all[2].id == b1);
    CHECK(all[3].id == a1);
    CHECK(all[2].trainee_name == "Ben");
    CHECK(all[0].log.events.empty());
    CHECK(all[0].report.steps.empty());
    CHECK(all[0].report.adherence == 85);  // the summary is there
    CHECK(all[0].log.channel == Channel::Chat);

    const auto anas = store.attempts(ana, 2);
    REQUIRE(anas.size() == 2);
    CHECK(anas[0].id == a3);
    CHECK(anas[1].id == a2);
    CHECK(store.attempts(ben).size() == 1);
    CHECK(store.attemptCount() == 4);
    CHECK(store.attemptCount(ana) == 3);
}

TEST_CASE_TEMPLATE("store: the mode an attempt was played in is recorded with it", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    AttemptLog log = makeLog(3);
    log.mode = AttemptMode::Assessment;
    const auto assessed = store.recordAttempt(ana, "t", log, typicalReport(), "2026-03-01T09:00:00Z", "2026-03-01T09:06:00Z");
    const auto practised = recordTypical(store, ana, "2026-03-02T09:06:00Z");
    CHECK(store.attempt(assessed)->mode == "assessment");
    CHECK(store.attempt(assessed)->log.mode == AttemptMode::Assessment);
    CHECK(store.attempt(practised)->mode == "practice");
    const auto listed = store.attempts(ana);
    REQUIRE(listed.size() == 2);
    CHECK(std::count_if(listed.begin(), listed.end(), [](const AttemptRecord& a) { return a.mode == "assessment"; }) == 1);
}

TEST_CASE_TEMPLATE("store: an attempt that fails half-way leaves nothing behind", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    recordTypical(store, ana, "2026-03-01T10:00:00Z");
    auto count = [&](const char* table) { return engine->scalar(store, std::string("SELECT count(*) FROM ") + table); };
    REQUIRE(count("attempts") == 1);
    REQUIRE(count("step_scores") == 4);

    SUBCASE("injected failure after some step rows") {
        int rows_seen = 0;
        store.setStepRowHookForTesting([&](int rows) {
            rows_seen = rows;
            if (rows == 2) throw std::runtime_error("disk pulled");
        });
        CHECK_THROWS_WITH(recordTypical(store, ana, "2026-03-02T10:00:00Z"), "disk pulled");
        CHECK(rows_seen == 2);
        store.setStepRowHookForTesting(nullptr);
    }
    SUBCASE("a step row the schema rejects (score out of range)") {
        ScoreReport bad = typicalReport();
        bad.steps[2].score = 140;
        try {
            store.recordAttempt(ana, "t", makeLog(1), bad, "a", "b");
            FAIL("accepted a score of 140");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Constraint);
        }
    }
    SUBCASE("an unknown trainee (foreign key)") {
        try {
            store.recordAttempt(4242, "t", makeLog(1), typicalReport(), "a", "b");
            FAIL("accepted an unknown trainee");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Constraint);
        }
    }
    CHECK(count("attempts") == 1);
    CHECK(count("step_scores") == 4);
    CHECK(engine->scalar(store, "SELECT count(*) FROM step_scores WHERE attempt_id NOT IN (SELECT id FROM attempts)") == 0);
    if (engine->name() == "sqlite") CHECK(sqlite3_get_autocommit(sqliteHandle(store)) != 0);  // no transaction left open
    // (On PostgreSQL the counts above come through another connection: a transaction left open
    // would hide the next attempt from it.)
    // And the store carries on.
    recordTypical(store, ana, "2026-03-04T10:00:00Z");
    CHECK(count("attempts") == 2);
    CHECK(count("step_scores") == 8);
}

TEST_CASE_TEMPLATE("store: inside a caller's transaction an attempt is a savepoint: its failure undoes only itself", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    Store::Batch batch(store);
    recordTypical(store, ana, "2026-03-01T10:00:00Z");
    store.setStepRowHookForTesting([](int rows) {
        if (rows == 1) throw std::runtime_error("injected");
    });
    CHECK_THROWS(recordTypical(store, ana, "2026-03-02T10:00:00Z"));
    store.setStepRowHookForTesting(nullptr);
    if (engine->name() == "sqlite") CHECK(sqlite3_get_autocommit(sqliteHandle(store)) == 0);  // the caller's transaction is still open
    recordTypical(store, ana, "2026-03-03T10:00:00Z");
    batch.commit();
    CHECK(store.attemptCount() == 2);
    CHECK(engine->scalar(store, "SELECT count(*) FROM step_scores") == 8);
}

TEST_CASE("store: a process that dies mid-attempt leaves the previous state intact") {
    TempDir dir;
    const fs::path p = dir / "crash.db";
    makeRealDatabase(p, 1);

    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child: one committed attempt (still only in the WAL), then death mid-transaction.
        try {
            Store store = Store::open(p);
            const auto ana = store.traineeByName("Ana")->id;
            recordTypical(store, ana, "2026-03-02T10:00:00Z");
            store.setStepRowHookForTesting([](int rows) {
                if (rows == 3) _exit(42);  // no destructors, no rollback, no checkpoint
            });
            recordTypical(store, ana, "2026-03-03T10:00:00Z");
        } catch (...) {
            _exit(3);
        }
        _exit(1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 42);
    CHECK(fs::exists(dir / "crash.db-wal"));  // the crash left a live write-ahead log

    Store store = Store::open(p);
    CHECK(store.attemptCount() == 2);  // the parent's and the child's committed one
    CHECK(scalar(sqliteHandle(store), "SELECT count(*) FROM step_scores") == 8);
    CHECK(scalar(sqliteHandle(store), "SELECT count(*) FROM step_scores WHERE attempt_id NOT IN (SELECT id FROM attempts)") == 0);
    CHECK(scalarText(sqliteHandle(store), "PRAGMA integrity_check") == "ok");
    CHECK(store.attempts(0, 1)[0].finished_at == "2026-03-02T10:00:00Z");
}

TEST_CASE_TEMPLATE("store: stepStats counts required rows only, per step in SOP order", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    const auto ben = store.createTrainee("Ben", "B").id;
    auto record = [&](std::int64_t who, std::vector<StepScore> steps) {
        store.recordAttempt(who, "t", makeLog(1), makeReport(std::move(steps)), "s", "f");
    };
    record(ana, {stepScore("receive", true, true, true, 100), stepScore("verify", true, false, true, 0),
                 stepScore("follow_up", false, false, true, 0)});
    record(ana, {stepScore("receive", true, true, false, 60), stepScore("verify", true, true, true, 100),
                 stepScore("follow_up", true, true, true, 100)});
    record(ben, {stepScore("receive", true, true, true, 100), stepScore("verify", true, false, true, 0),
                 stepScore("follow_up", false, false, true, 0)});

    const auto team = store.stepStats();
    REQUIRE(team.size() == 3);
    CHECK(team[0].step == "receive");
    CHECK(team[0].attempts == 3);
    CHECK(team[0].missed == 0);
    CHECK(team[0].out_of_order == 1);
    CHECK(team[0].mean_score == doctest::Approx((100 + 60 + 100) / 3.0));
    CHECK(team[1].step == "verify");
    CHECK(team[1].attempts == 3);
    CHECK(team[1].missed == 2);
    CHECK(team[1].out_of_order == 0);
    CHECK(team[1].mean_score == doctest::Approx(100 / 3.0));
    CHECK(team[2].step == "follow_up");  // required once only: the two optional rows do not count
    CHECK(team[2].attempts == 1);
    CHECK(team[2].missed == 0);
    CHECK(team[2].mean_score == doctest::Approx(100));

    const auto bens = store.stepStats(ben);
    REQUIRE(bens.size() == 2);
    CHECK(bens[0].step == "receive");
    CHECK(bens[0].attempts == 1);
    CHECK(bens[1].step == "verify");
    CHECK(bens[1].missed == 1);
    CHECK(store.stepStats(9999).empty());
}

namespace {

// stepStats() as a direct aggregate of the step rows: what the running totals must always equal.
// The SQL reads the same on both engines (SQLite takes true/false and CASE as PostgreSQL does).
std::string stepStatsFromRowsSql(std::int64_t trainee_id) {
    std::string sql =
        "SELECT s.step, count(*), sum(CASE WHEN s.covered THEN 0 ELSE 1 END),"
        " sum(CASE WHEN s.covered AND NOT s.in_order THEN 1 ELSE 0 END), avg(s.score)"
        " FROM step_scores s JOIN attempts a ON a.id = s.attempt_id WHERE s.required";
    if (trainee_id != 0) sql += " AND a.trainee_id = " + std::to_string(trainee_id);
    sql += " GROUP BY s.step ORDER BY min(s.position), s.step";
    return sql;
}

std::vector<StepStat> stepStatsFromRows(const std::vector<std::vector<std::string>>& rows) {
    std::vector<StepStat> out;
    for (const auto& row : rows)
        out.push_back({row.at(0), std::stoi(row.at(1)), std::stoi(row.at(2)), std::stoi(row.at(3)), std::stod(row.at(4))});
    return out;
}

std::vector<StepStat> stepStatsFromRows(test::StoreEngine& engine, Store& store, std::int64_t trainee_id) {
    return stepStatsFromRows(engine.query(store, stepStatsFromRowsSql(trainee_id)));
}

std::vector<StepStat> stepStatsFromRows(sqlite3* db, std::int64_t trainee_id) {
    const std::string sql = stepStatsFromRowsSql(trainee_id);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        auto& row = rows.emplace_back();
        for (int c = 0; c < 5; ++c) row.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)));
    }
    sqlite3_finalize(stmt);
    return stepStatsFromRows(rows);
}

void checkSameStats(const std::vector<StepStat>& got, const std::vector<StepStat>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(want[i].step);
        CHECK(got[i].step == want[i].step);
        CHECK(got[i].attempts == want[i].attempts);
        CHECK(got[i].missed == want[i].missed);
        CHECK(got[i].out_of_order == want[i].out_of_order);
        CHECK(got[i].mean_score == doctest::Approx(want[i].mean_score));
    }
}

}  // namespace

TEST_CASE_TEMPLATE("store: step totals follow every attempt recorded or deleted, for a trainee and the team", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    const auto ben = store.createTrainee("Ben", "B").id;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 12; ++i) {
        // Vary coverage, order and score so every column of the totals moves.
        ScoreReport r = makeReport({stepScore("receive", true, true, i % 3 != 0, 100 - i * 5),
                                    stepScore("verify", i % 2 == 0, i % 4 != 1, true, i % 4 != 1 ? 90 : 0),
                                    stepScore("close", true, i % 5 != 2, i % 2 == 1, 70)});
        ids.push_back(store.recordAttempt(i % 3 == 0 ? ben : ana, "t", makeLog(static_cast<std::uint64_t>(i)), r,
                                          "s", "2026-03-01T10:00:00Z"));
    }
    auto checkAll = [&] {
        for (std::int64_t who : {std::int64_t{0}, ana, ben}) {
            CAPTURE(who);
            checkSameStats(store.stepStats(who), stepStatsFromRows(*engine, store, who));
        }
    };
    checkAll();
    CHECK(store.stepStats(ana).at(0).attempts == 8);

    // Deleting behind the store's back (an admin with sqlite3): an attempt with its cascade, a
    // lone step row, then every attempt of Ben. The totals stay the aggregate of what is left.
    engine->exec(store, "DELETE FROM attempts WHERE id = " + std::to_string(ids[1]));
    checkAll();
    engine->exec(store, "DELETE FROM step_scores WHERE step = 'close' AND attempt_id = " + std::to_string(ids[2]));
    checkAll();
    engine->exec(store, "DELETE FROM attempts WHERE trainee_id = " + std::to_string(ben));
    checkAll();
    CHECK(store.stepStats(ben).empty());
    CHECK(engine->scalar(store, "SELECT count(*) FROM step_totals WHERE trainee_id = " + std::to_string(ben)) == 0);
}

TEST_CASE_TEMPLATE("store: listings carry each attempt's breaches and the answer target it was played under", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    ScoreReport report = typicalReport();
    report.metrics.target_answer_seconds = 15;
    report.breaches.resize(2);
    report.breaches[0].rule = "verify_before_disclose";
    report.breaches[1].rule = "hold_without_asking";
    store.recordAttempt(ana, "t", makeLog(1), report, "s", "2026-03-01T10:00:00Z");
    const auto listed = store.attempts(ana);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].breaches == 2);
    CHECK(listed[0].target_answer_seconds == 15);
    CHECK(listed[0].report.metrics.target_answer_seconds == 15);
}

TEST_CASE("migrations: a schema-1 file moves its JSON aside, gains breaches and targets, and totals its steps") {
    TempDir dir;
    const fs::path p = dir / "v1.db";
    ScoreReport report = typicalReport();
    report.metrics.target_answer_seconds = 20;
    report.breaches.resize(3);
    const AttemptLog log = makeLog(5);
    {
        // Exactly what a schema-1 Frontline wrote: one good attempt and one whose report JSON
        // was damaged by hand (the migration must not fail on it, nor lose it).
        RawDb raw(p);
        store_schema::applyMigrations(raw.get(), store_schema::migrations().first(1));
        raw.exec("INSERT INTO trainees (id, name, team, created_at) VALUES (1, 'Ana', 'A', '2026-01-01T00:00:00Z')");
        const std::string columns =
            "INSERT INTO attempts (id, trainee_id, scenario_id, scenario_version, scenario_title, sop_id, sop_version,"
            " channel, started_at, finished_at, outcome, passed, critical_failure, adherence, points, stars,"
            " handle_seconds, fcr, csat, answer_seconds, seed, report_json, event_log) VALUES ";
        auto quoted = [](std::string text) {
            for (std::size_t at = text.find('\''); at != std::string::npos; at = text.find('\'', at + 2)) text.insert(at, "'");
            return "'" + text + "'";
        };
        raw.exec(columns + "(1, 1, 'irate-billing', 2, 'The irate billing caller', 'inbound-calls-chats', '1.0.0', 'chat',"
                           " 's', '2026-03-01T10:00:00Z', 'resolved_first_contact', 1, 0, 85, 45, 2, 312, 1, 4.2, 9, 5, " +
                 quoted(nlohmann::json(report).dump()) + ", " + quoted(nlohmann::json(log).dump()) + ")");
        raw.exec(columns + "(2, 1, 'irate-billing', 2, 'The irate billing caller', 'inbound-calls-chats', '1.0.0', 'call',"
                           " 's', '2026-03-02T10:00:00Z', 'abandoned', 0, 0, 10, 3, 1, 60, 0, 1.0, 30, 6, '{not json', '{}')");
        raw.exec("INSERT INTO step_scores VALUES (1, 'receive', 0, 1, 1, 1, 100), (1, 'verify', 1, 1, 0, 1, 0),"
                 " (1, 'follow_up', 2, 0, 0, 1, 0), (2, 'receive', 0, 1, 1, 0, 60)");
        REQUIRE(store_schema::readUserVersion(raw.get()) == 1);
    }
    Store store = Store::open(p);
    CHECK(store.schemaVersion() == Store::currentSchemaVersion());
    CHECK(scalar(sqliteHandle(store), "SELECT count(*) FROM pragma_table_info('attempts') WHERE name IN ('report_json', 'event_log')") == 0);

    const auto listed = store.attempts(1);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == 2);
    CHECK(listed[0].breaches == 0);  // unreadable report: no count, and no failed migration
    CHECK(listed[0].mode == "practice");  // schema 3: attempts from before modes were practice
    CHECK(listed[0].target_answer_seconds == 0);
    CHECK(listed[1].breaches == 3);
    CHECK(listed[1].target_answer_seconds == 20);

    const auto first = store.attempt(1);
    REQUIRE(first);
    CHECK(nlohmann::json(first->report) == nlohmann::json(report));
    CHECK(nlohmann::json(first->log) == nlohmann::json(log));
    // Still there, still reported as the same damage (schema 9 compressed it byte for byte).
    CHECK_THROWS_WITH(store.attempt(2), doctest::Contains("attempt 2: the stored report is not valid JSON"));
    CHECK(scalar(sqliteHandle(store), "SELECT count(*) FROM attempt_details WHERE attempt_id = 2") == 1);

    checkSameStats(store.stepStats(1), stepStatsFromRows(sqliteHandle(store), 1));
    const auto stats = store.stepStats();
    REQUIRE(stats.size() == 2);
    CHECK(stats[0].step == "receive");
    CHECK(stats[0].attempts == 2);
    CHECK(stats[0].out_of_order == 1);
    CHECK(stats[0].mean_score == doctest::Approx(80));
    CHECK(stats[1].step == "verify");
    CHECK(stats[1].missed == 1);

    // New attempts keep adding to the migrated totals.
    store.recordAttempt(1, "t", makeLog(9), typicalReport(), "s", "2026-03-03T10:00:00Z");
    checkSameStats(store.stepStats(1), stepStatsFromRows(sqliteHandle(store), 1));
}

TEST_CASE("migrations: upgrading a big schema-1 file compacts it instead of doubling it") {
    TempDir dir;
    const fs::path p = dir / "v1-big.db";
    {
        RawDb raw(p);
        store_schema::applyMigrations(raw.get(), store_schema::migrations().first(1));
        raw.exec("INSERT INTO trainees (id, name, team, created_at) VALUES (1, 'Ana', 'A', 'x')");
        raw.exec("BEGIN");
        // 300 attempts with a 20 KB log each: about 6 MB, like a busy trainee's year.
        for (int i = 1; i <= 300; ++i)
            raw.exec("INSERT INTO attempts (id, trainee_id, scenario_id, scenario_version, scenario_title, sop_id,"
                     " sop_version, channel, started_at, finished_at, outcome, passed, critical_failure, adherence,"
                     " points, stars, handle_seconds, fcr, csat, answer_seconds, seed, report_json, event_log) VALUES (" +
                     std::to_string(i) + ", 1, 's', 1, 't', 'sop', '1', 'call', 'a', 'b', 'o', 1, 0, 90, 10, 2, 60, 1, 4.0, 5, 1,"
                     " '{}', '{\"pad\": \"' || hex(zeroblob(10000)) || '\"}')");
        raw.exec("COMMIT");
    }
    const auto before = fs::file_size(p);
    REQUIRE(before > 5'000'000);
    {
        Store store = Store::open(p);
        CHECK(store.schemaVersion() == Store::currentSchemaVersion());
        CHECK(scalar(sqliteHandle(store), "SELECT count(*) FROM attempt_details") == 300);
        CHECK(scalar(sqliteHandle(store), "PRAGMA freelist_count") * 4 < scalar(sqliteHandle(store), "PRAGMA page_count"));
    }
    CHECK(fs::file_size(p) < before + before / 5);
}

TEST_CASE_TEMPLATE("store: quiz attempts round-trip, newest first", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    QuizAttemptRecord q;
    q.trainee_id = ana;
    q.exam_id = "sop-basics";
    q.mode = "exam";
    q.seed = 0x8000000000000001ULL;
    q.started_at = "2026-03-01T09:00:00Z";
    q.finished_at = "2026-03-01T09:10:00Z";
    q.score_percent = 85;
    q.passed = true;
    q.sop_version = "1.0.0";
    q.detail = {{"sections", {{{"id", "verify"}, {"percent", 100}}}}};
    const auto first = store.recordQuizAttempt(q);
    q.mode = "practice";
    q.finished_at = "2026-03-02T09:10:00Z";
    const auto second = store.recordQuizAttempt(q);
    const auto all = store.quizAttempts(ana);
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == second);
    CHECK(all[1].id == first);
    CHECK(all[1].mode == "exam");
    CHECK(all[1].seed == 0x8000000000000001ULL);
    CHECK(all[1].detail == q.detail);
    CHECK(all[1].score_percent == 85);
    CHECK(all[1].passed);
    CHECK(store.quizAttempts().size() == 2);
    CHECK(store.quizAttempts(ana + 1).empty());
    q.mode = "cram";
    CHECK_THROWS_AS(store.recordQuizAttempt(q), StoreError);
}

TEST_CASE_TEMPLATE("store: certificates are kept, listed newest first and revoked, never deleted", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    CertificateRecord c;
    c.id = "c-0001";
    c.trainee_id = ana;
    c.policy_id = "inbound-agent";
    c.policy_title = "Inbound Agent";
    c.sop_version = "1.0.0";
    c.issued_at = "2026-03-01T09:00:00Z";
    c.expires_at = "2026-09-01T09:00:00Z";
    c.verification_code = "K7Q-2MX";
    c.scores = {{"quiz", 92}, {"stars", 14}};
    c.assertion_json = R"({"type":"Assertion"})";
    store.insertCertificate(c);
    CertificateRecord renewal = c;
    renewal.id = "c-0002";
    renewal.issued_at = "2026-08-20T09:00:00Z";
    renewal.supersedes = "c-0001";
    store.insertCertificate(renewal);

    const auto loaded = store.certificate("c-0001");
    REQUIRE(loaded);
    CHECK(loaded->trainee_name == "Ana");
    CHECK(loaded->scores == c.scores);
    CHECK(loaded->verification_code == "K7Q-2MX");
    CHECK(loaded->assertion_json == c.assertion_json);
    CHECK(loaded->revoked_at.empty());
    CHECK(loaded->supersedes.empty());
    CHECK_FALSE(store.certificate("nope"));

    const auto list = store.certificates(ana);
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == "c-0002");
    CHECK(list[0].supersedes == "c-0001");
    CHECK(store.certificates().size() == 2);
    CHECK(store.certificates(ana + 1).empty());

    store.revokeCertificate("c-0001", "issued in error", "2026-04-01T00:00:00Z");
    store.revokeCertificate("c-0001", "second thoughts", "2026-05-01T00:00:00Z");  // the first one stands
    const auto revoked = store.certificate("c-0001");
    CHECK(revoked->revoked_at == "2026-04-01T00:00:00Z");
    CHECK(revoked->revoke_reason == "issued in error");
    CHECK(store.certificates().size() == 2);
    CHECK_THROWS_AS(store.revokeCertificate("nope", "r", "w"), StoreError);

    CertificateRecord duplicate = c;
    CHECK_THROWS_AS(store.insertCertificate(duplicate), StoreError);
    CertificateRecord dangling = c;
    dangling.id = "c-0003";
    dangling.supersedes = "c-9999";
    CHECK_THROWS_AS(store.insertCertificate(dangling), StoreError);
}

TEST_CASE_TEMPLATE("store: settings override the defaults key by key - preferences are key/value", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    OrgSettings defaults;
    defaults.company_name = "Default Co";
    {
        Store store = engine->open();
        CHECK(settingsToJson(store.settings(defaults)) == settingsToJson(defaults));
        OrgSettings mine = defaults;
        mine.company_name = "Northwind Energy";
        mine.answer_within_rings = 4;
        mine.target_csat = 4.5;
        store.saveSettings(mine);
        store.setPreference("ui_scale", "1.25");
        store.setPreference("ui_scale", "1.5");
    }
    Store store = engine->open();  // the same database again
    const OrgSettings loaded = store.settings(defaults);
    CHECK(loaded.company_name == "Northwind Energy");
    CHECK(loaded.answer_within_rings == 4);
    CHECK(loaded.target_csat == doctest::Approx(4.5));
    CHECK(store.preference("ui_scale") == "1.5");
    CHECK_FALSE(store.preference("missing"));

    // A hand-edited wrong type costs only that key.
    engine->exec(store, "UPDATE settings SET value = '\"four\"' WHERE key = 'answer_within_rings'");
    engine->exec(store, "UPDATE settings SET value = '{broken' WHERE key = 'target_csat'");
    const OrgSettings tolerant = store.settings(defaults);
    CHECK(tolerant.answer_within_rings == defaults.answer_within_rings);
    CHECK(tolerant.target_csat == doctest::Approx(defaults.target_csat));
    CHECK(tolerant.company_name == "Northwind Energy");
}

TEST_CASE_TEMPLATE("store: only the keys the organisation set override settings.json - reset removes them, audited", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    OrgSettings defaults;
    store.setSettings({{"company_name", "Northwind Energy"}});
    CHECK(store.settingOverrides() == nlohmann::json{{"company_name", "Northwind Energy"}});

    // A later edit of settings.json reaches every key the organisation did not set.
    OrgSettings edited = defaults;
    edited.scenario_pass_mark = 85;
    edited.company_name = "Content Co";
    CHECK(store.settings(edited).scenario_pass_mark == 85);
    CHECK(store.settings(edited).company_name == "Northwind Energy");

    // A form saves only what was changed on it.
    OrgSettings form = store.settings(defaults);
    form.quiz_pass_mark = 90;
    store.saveSettingChanges(form, store.settings(defaults));
    CHECK(store.settingOverrides().size() == 2);
    CHECK(store.settings(edited).scenario_pass_mark == 85);

    CHECK_THROWS_AS(store.setSettings({{"quiz_pass_mark", 1000}}), std::invalid_argument);
    CHECK_THROWS_AS(store.setSettings({{"no_such_key", 1}}), std::invalid_argument);
    CHECK(store.settings(defaults).quiz_pass_mark == 90);  // nothing of a refused set is written

    store.resetSettings({"company_name"});
    CHECK(store.settings(edited).company_name == "Content Co");
    CHECK(store.settingOverrides() == nlohmann::json{{"quiz_pass_mark", 90}});
    const auto trail = store.auditTrail();
    REQUIRE(trail.size() == 3);  // set company_name, set quiz_pass_mark, reset company_name
    CHECK(trail[0].subject == "company_name");
    CHECK(trail[0].old_value == "\"Northwind Energy\"");
    CHECK(trail[0].new_value.empty());
    store.resetSettings({"company_name"});  // no override left: nothing to remove or record
    CHECK(store.auditTrail().size() == 3);
    store.resetSettings();
    CHECK(store.settingOverrides().empty());
    CHECK(settingsToJson(store.settings(edited)) == settingsToJson(edited));
    CHECK(store.auditTrail().size() == 4);
}

TEST_CASE_TEMPLATE("store: a database that saved every setting keeps them all as overrides until reset", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    OrgSettings old_content;
    store.saveSettings(old_content);  // what every save wrote before overrides were kept key by key
    CHECK(store.settingOverrides().size() == settingsToJson(old_content).size());
    OrgSettings new_content = old_content;
    new_content.scenario_pass_mark = 90;
    CHECK(store.settings(new_content).scenario_pass_mark == old_content.scenario_pass_mark);  // still pinned
    store.resetSettings({"scenario_pass_mark"});
    CHECK(store.settings(new_content).scenario_pass_mark == 90);
}

TEST_CASE_TEMPLATE("store: a damaged stored log is a Corrupt error naming the attempt, not a crash", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    const auto id = recordTypical(store, ana, "2026-03-01T10:00:00Z");
    engine->exec(store, "UPDATE attempt_details SET event_log = '{\"events\": 12' ");
    try {
        store.attempt(id);
        FAIL("read a damaged log");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Corrupt);
        CHECK(std::string(e.what()).find("attempt " + std::to_string(id)) != std::string::npos);
    }
    CHECK(store.attempts().size() == 1);  // listings never read the log
}

TEST_CASE_TEMPLATE("store: moving a Store keeps the connection", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store a = engine->open();
    a.createTrainee("Ana", "A");
    Store b = std::move(a);
    CHECK(b.trainees().size() == 1);
    Store c = Store::open(":memory:");
    c = std::move(b);
    CHECK(c.trainees().size() == 1);
}
