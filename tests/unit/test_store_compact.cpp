// Compressed attempt details (issue 12, "at most 4 KB per attempt"): the event log and report are
// stored as zstd frames on both engines, old JSON text rows still read, the migrations compress
// old files, and damage is a Corrupt error naming the attempt.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <random>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "../temp_dir.hpp"
#include "frontline/store.hpp"
#include "old_schema.hpp"
#include "store_engines.hpp"
#include "../../app/store/src/compressed_json.hpp"
#include "../../app/store/src/sqlite_store.hpp"

using namespace frontline;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// A log of `choices` decisions, like a played chat (the strings repeat, as real ones do).
AttemptLog sampleLog(std::uint64_t seed, int choices) {
    AttemptLog log;
    log.scenario_id = "irate-billing";
    log.scenario_version = 2;
    log.sop_id = "inbound-calls-chats";
    log.sop_version = "1.0.0";
    log.agent_name = "Ana O'Neil";
    log.seed = seed;
    log.channel = Channel::Chat;
    for (int i = 0; i < choices; ++i) {
        Event e;
        e.seq = i;
        e.type = EventType::Choice;
        e.clock = 30 + i * 17;
        e.node = "node_" + std::to_string(i);
        e.id = e.node + ".option_" + std::to_string((seed + i) % 3);
        e.text = "I understand, let me check the account for you (" + std::to_string(seed * 7 + i) + ") \xE2\x9C\x93";
        e.steps = {"verify"};
        e.points = static_cast<int>((seed + i) % 10);
        e.feedback = "You checked before promising.";
        e.sop_ref = "SOP §4 Step 3";
        log.events.push_back(e);
    }
    log.outcome = "resolved_first_contact";
    log.success = true;
    log.ending_node = "end_resolved";
    return log;
}

ScoreReport sampleReport(int adherence) {
    ScoreReport r;
    r.scenario_id = "irate-billing";
    r.sop_version = "1.0.0";
    r.outcome = "resolved_first_contact";
    r.passed = adherence >= 70;
    r.adherence = adherence;
    r.stars = adherence / 34;
    for (const char* step : {"receive", "verify", "understand", "resolve", "close"}) {
        StepScore s;
        s.step = step;
        s.required = true;
        s.covered = true;
        s.in_order = true;
        s.score = adherence;
        r.steps.push_back(s);
    }
    r.strengths = {"You checked before promising."};
    return r;
}

std::int64_t recordSample(Store& store, std::int64_t trainee, std::uint64_t seed) {
    return store.recordAttempt(trainee, "The irate billing caller", sampleLog(seed, 4 + static_cast<int>(seed % 30)),
                               sampleReport(static_cast<int>(40 + seed % 60)), "2026-03-01T09:00:00Z",
                               "2026-03-01T10:00:" + std::to_string(10 + seed % 50) + "Z");
}

Json asJson(const AttemptRecord& r) { return Json{{"log", Json(r.log)}, {"report", Json(r.report)}}; }

bool onSqlite(test::StoreEngine& engine) { return engine.name() == "sqlite"; }

// A stored column's bytes as lowercase hex, and back: damage is made in C++, the same on both engines.
std::string storedHex(test::StoreEngine& engine, Store& store, std::int64_t id, const std::string& column) {
    const std::string value = onSqlite(engine) ? "lower(hex(" + column + "))" : "encode(" + column + ", 'hex')";
    return engine.query(store, "SELECT " + value + " FROM attempt_details WHERE attempt_id = " + std::to_string(id))[0][0];
}

void storeHex(test::StoreEngine& engine, Store& store, std::int64_t id, const std::string& column, const std::string& hex) {
    const std::string value = onSqlite(engine) ? "X'" + hex + "'" : "'\\x" + hex + "'::bytea";
    engine.exec(store, "UPDATE attempt_details SET " + column + " = " + value + " WHERE attempt_id = " + std::to_string(id));
}

// Writes the JSON text itself, as Frontline did before compression.
void storeText(test::StoreEngine& engine, Store& store, std::int64_t id, const std::string& column, std::string text) {
    for (std::size_t at = text.find('\''); at != std::string::npos; at = text.find('\'', at + 2)) text.insert(at, "'");
    const std::string value = onSqlite(engine) ? "'" + text + "'" : "convert_to('" + text + "', 'UTF8')";
    engine.exec(store, "UPDATE attempt_details SET " + column + " = " + value + " WHERE attempt_id = " + std::to_string(id));
}

void checkCorruptNaming(Store& store, std::int64_t id) {
    try {
        store.attempt(id);
        FAIL("read a damaged attempt");
    } catch (const StoreError& e) {
        CAPTURE(e.what());
        CHECK(e.kind() == StoreError::Kind::Corrupt);
        CHECK(std::string(e.what()).find("attempt " + std::to_string(id) + ":") != std::string::npos);
    }
}

}  // namespace

TEST_CASE_TEMPLATE("store: an attempt's log and report are stored compressed and read back equal", Engine, test::OnSqlite,
                   test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    for (std::uint64_t seed : {1u, 17u, 29u}) {
        CAPTURE(seed);
        const AttemptLog log = sampleLog(seed, 4 + static_cast<int>(seed % 30));
        const ScoreReport report = sampleReport(static_cast<int>(40 + seed % 60));
        const auto id = store.recordAttempt(ana, "t", log, report, "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z");
        const auto back = store.attempt(id);
        REQUIRE(back);
        CHECK(Json(back->log) == Json(log));
        CHECK(Json(back->report) == Json(report));
        for (const char* column : {"event_log", "report_json"}) {
            const std::string hex = storedHex(*engine, store, id, column);
            CHECK(hex.substr(0, 8) == "28b52ffd");  // a zstd frame, not text
        }
        // The report shares its strings with the log: stored, it is a fraction of its JSON.
        CHECK(storedHex(*engine, store, id, "report_json").size() / 2 < Json(report).dump().size() / 3);
        CHECK(storedHex(*engine, store, id, "event_log").size() / 2 < Json(log).dump().size() / 3);
    }
}

TEST_CASE_TEMPLATE("store: JSON text rows from before compression still read back", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    const auto id = recordSample(store, ana, 5);
    const auto original = store.attempt(id);
    REQUIRE(original);
    storeText(*engine, store, id, "event_log", Json(original->log).dump());
    storeText(*engine, store, id, "report_json", Json(original->report).dump());
    CHECK(storedHex(*engine, store, id, "event_log").substr(0, 2) == "7b");  // '{': text now
    const auto back = store.attempt(id);
    REQUIRE(back);
    CHECK(asJson(*back) == asJson(*original));
}

TEST_CASE_TEMPLATE("store: a damaged compressed row is a Corrupt error naming the attempt", Engine, test::OnSqlite,
                   test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "A").id;
    const auto id = recordSample(store, ana, 11);
    const auto other = recordSample(store, ana, 12);
    const std::string log = storedHex(*engine, store, id, "event_log");
    const std::string report = storedHex(*engine, store, id, "report_json");

    SUBCASE("garbage after the magic") { storeHex(*engine, store, id, "event_log", "28b52ffd00112233445566778899"); }
    SUBCASE("the magic alone") { storeHex(*engine, store, id, "event_log", "28b52ffd"); }
    SUBCASE("a truncated frame") { storeHex(*engine, store, id, "event_log", log.substr(0, log.size() - 10)); }
    SUBCASE("a changed byte inside the frame") {
        std::string changed = log;
        const std::size_t at = changed.size() / 2;
        changed[at] = changed[at] == '0' ? '1' : '0';
        storeHex(*engine, store, id, "event_log", changed);
    }
    SUBCASE("a header claiming 2^40 bytes") {
        // Frame header: single segment, 8-byte content size (FHD 0xE0), then the size itself.
        storeHex(*engine, store, id, "event_log", "28b52ffde00000000000010000" + log.substr(14));
    }
    SUBCASE("a report frame from another attempt (its log is the wrong prefix)") {
        storeHex(*engine, store, id, "report_json", storedHex(*engine, store, other, "report_json"));
    }
    // Half the bytes (an even number of hex digits: an odd one is no blob literal at all).
    SUBCASE("a truncated report") { storeHex(*engine, store, id, "report_json", report.substr(0, report.size() / 4 * 2)); }

    checkCorruptNaming(store, id);
    CHECK(store.attempt(other));          // the neighbour is untouched
    CHECK(store.attempts().size() == 2);  // listings never read the details
}

TEST_CASE("store: random damage to a compressed value is always an error, never a crash or other JSON") {
    const std::string json = Json(sampleLog(3, 25)).dump();
    const std::string frame = records::compressLog(json);
    REQUIRE(records::isCompressed(frame));
    CHECK(records::storedJsonText(frame, 1, "event log") == json);
    std::mt19937 random(12);
    int errors = 0;
    constexpr int kTries = 3000;
    for (int i = 0; i < kTries; ++i) {
        std::string damaged = frame;
        switch (i % 3) {
            case 0: damaged[4 + random() % (damaged.size() - 4)] ^= static_cast<char>(1 + random() % 255); break;
            case 1: damaged.resize(4 + random() % (damaged.size() - 4)); break;
            default:
                for (std::size_t b = 4; b < damaged.size(); ++b) damaged[b] = static_cast<char>(random());
        }
        try {
            const std::string read = records::storedJsonText(damaged, 42, "event log");
            CHECK(read == json);  // only a harmless change may read
        } catch (const StoreError& e) {
            ++errors;
            CHECK(e.kind() == StoreError::Kind::Corrupt);
            CHECK(std::string(e.what()).rfind("attempt 42: the stored event log is damaged", 0) == 0);
        }
    }
    CHECK(errors > kTries * 99 / 100);
}

TEST_CASE("migrations: a schema-8 file with text rows is compressed in batches and every attempt stays equal") {
    test::TempDir dir;
    const fs::path p = dir / "v8.db";
    std::vector<Json> originals;
    {
        Store store = Store::open(p);
        const auto ana = store.createTrainee("Ana", "A").id;
        for (std::uint64_t seed = 1; seed <= 1203; ++seed) recordSample(store, ana, seed);  // more than two batches
        // Back to what schema 8 stored: the JSON text (one row damaged by hand must survive as it was).
        sqlite3* db = sqliteHandle(store);
        sqlite3_stmt* write = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "UPDATE attempt_details SET event_log = ?2, report_json = ?3 WHERE attempt_id = ?1",
                                   -1, &write, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
        for (std::int64_t id = 1; id <= 1203; ++id) {
            const auto r = store.attempt(id);
            REQUIRE(r);
            originals.push_back(asJson(*r));
            const std::string log = Json(r->log).dump();
            const std::string report = id == 600 ? "{not json" : Json(r->report).dump();
            sqlite3_bind_int64(write, 1, id);
            sqlite3_bind_text(write, 2, log.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(write, 3, report.c_str(), -1, SQLITE_TRANSIENT);
            REQUIRE(sqlite3_step(write) == SQLITE_DONE);
            sqlite3_reset(write);
        }
        sqlite3_finalize(write);
        test::undoSchema10(db);
        REQUIRE(sqlite3_exec(db, "COMMIT; PRAGMA user_version = 8", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    Store store = Store::open(p);
    CHECK(store.schemaVersion() == Store::currentSchemaVersion());
    sqlite3* db = sqliteHandle(store);
    sqlite3_stmt* count = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT count(*) FROM attempt_details WHERE typeof(event_log) = 'blob'"
                               " AND hex(substr(event_log, 1, 4)) = '28B52FFD' AND hex(substr(report_json, 1, 4)) = '28B52FFD'",
                               -1, &count, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(count) == SQLITE_ROW);
    CHECK(sqlite3_column_int(count, 0) == 1203);
    sqlite3_finalize(count);
    for (std::int64_t id = 1; id <= 1203; ++id) {
        CAPTURE(id);
        if (id == 600) {
            try {
                store.attempt(id);
                FAIL("read the damaged report");
            } catch (const StoreError& e) {
                CHECK(std::string(e.what()).find("attempt 600: the stored report is not valid JSON") != std::string::npos);
            }
            continue;
        }
        const auto r = store.attempt(id);
        REQUIRE(r);
        CHECK(asJson(*r) == originals[static_cast<std::size_t>(id - 1)]);
    }
}

TEST_CASE("migrations on PostgreSQL: a schema-7 database with text rows is compressed and stays equal") {
    std::string why_not;
    if (test::postgresTestUrl(&why_not).empty()) {
        MESSAGE("PostgreSQL part skipped: " << why_not);
        return;
    }
    test::PostgresTestDatabase db;
    std::vector<Json> originals;
    std::vector<std::int64_t> ids;
    {
        Store store = test::openServer(db.url());
        const auto ana = store.createTrainee("Ana", "A").id;
        for (std::uint64_t seed = 1; seed <= 12; ++seed) ids.push_back(recordSample(store, ana, seed));
        for (const auto id : ids) originals.push_back(asJson(*store.attempt(id)));
    }
    // Back to what schema 7 stored: text columns holding the JSON.
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string log = originals[i]["log"].dump(), report = originals[i]["report"].dump();
        for (std::string* text : {&log, &report})
            for (std::size_t at = text->find('\''); at != std::string::npos; at = text->find('\'', at + 2)) text->insert(at, "'");
        db.query("UPDATE attempt_details SET event_log = convert_to('" + log + "', 'UTF8'), report_json = convert_to('" +
                 report + "', 'UTF8') WHERE attempt_id = " + std::to_string(ids[i]));
    }
    db.query("ALTER TABLE attempt_details ALTER COLUMN report_json TYPE text USING convert_from(report_json, 'UTF8'),"
             " ALTER COLUMN event_log TYPE text USING convert_from(event_log, 'UTF8')");
    db.query(test::kPostgresUndoSchema9);
    db.query("UPDATE frontline_schema SET version = 7");

    Store store = test::openServer(db.url());
    CHECK(store.schemaVersion() == store.latestSchemaVersion());
    CHECK(db.query("SELECT count(*) FROM attempt_details WHERE substring(event_log FROM 1 FOR 4) = '\\x28b52ffd'::bytea"
                   " AND substring(report_json FROM 1 FOR 4) = '\\x28b52ffd'::bytea")[0][0] == "12");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto r = store.attempt(ids[i]);
        REQUIRE(r);
        CHECK(asJson(*r) == originals[i]);
    }
}
