// The store on a PostgreSQL server (the shared suite in test_store.cpp runs there too): versioned
// schema, errors in plain words, two desks at once; and how a desk finds its database.
#include <doctest/doctest.h>
#include <cstdlib>
#include <fstream>
#include <future>
#include <string>
#include "../temp_dir.hpp"
#include "frontline/store.hpp"
#include "store_engines.hpp"
#include "../../app/store/src/postgres_schema.hpp"
#include "../../app/store/src/postgres_store.hpp"

using namespace frontline;
namespace fs = std::filesystem;

namespace {

// Skips (with the reason) when the test cluster is not running.
bool havePostgres() {
    std::string why_not;
    if (!test::postgresTestUrl(&why_not).empty()) return true;
    MESSAGE("PostgreSQL part skipped: " << why_not);
    return false;
}

// A message for a person: no SQL, no server jargon.
void checkPlainWords(const std::string& message) {
    CAPTURE(message);
    for (const char* raw : {"ERROR:", "SQLSTATE", "violates", "constraint \"", "INSERT", "SELECT", "relation \"", "syntax"})
        CHECK(message.find(raw) == std::string::npos);
}

}  // namespace

TEST_CASE("store on PostgreSQL: a new database gets every migration once, with its version") {
    if (!havePostgres()) return;
    test::PostgresTestDatabase db;
    const int latest = pg_schema::migrations().back().version;
    {
        Store store = test::openServer(db.url());
        CHECK(store.schemaVersion() == latest);
        CHECK(store.latestSchemaVersion() == latest);
        CHECK(store.integrityProblem() == "");
        store.createTrainee("Ana", "A");
    }
    CHECK(db.query("SELECT count(*) FROM frontline_schema")[0][0] == "1");
    Store again = test::openServer(db.url());  // nothing re-applied: the data is still there
    CHECK(again.trainees().size() == 1);
    CHECK(again.locator() == displayLocator(db.url()));
    CHECK(again.locator().find("postgresql://postgres@127.0.0.1:") == 0);  // the password is not kept in it
}

TEST_CASE("store on PostgreSQL: a database from a newer Frontline is refused, unchanged") {
    if (!havePostgres()) return;
    test::PostgresTestDatabase db;
    { Store store = test::openServer(db.url()); }
    db.query("UPDATE frontline_schema SET version = 999");
    try {
        test::openServer(db.url());
        FAIL("opened a newer schema");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::TooNew);
        CHECK(std::string(e.what()).find("newer Frontline") != std::string::npos);
        checkPlainWords(e.what());
    }
    CHECK(db.query("SELECT version FROM frontline_schema")[0][0] == "999");
}

TEST_CASE("store on PostgreSQL: refusals come in plain words with their kind") {
    if (!havePostgres()) return;
    test::PostgresTestDatabase db;
    Store store = test::openServer(db.url());
    const auto ana = store.createTrainee("Ana", "A").id;
    QuizAttemptRecord q;
    q.trainee_id = ana + 100;  // no such trainee
    q.exam_id = "x";
    q.mode = "exam";
    try {
        store.recordQuizAttempt(q);
        FAIL("accepted an unknown trainee");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Constraint);
        CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
        checkPlainWords(e.what());
    }
    try {
        store.createTrainee("ANA", "B");
        FAIL("accepted a duplicate");
    } catch (const StoreError& e) {
        checkPlainWords(e.what());
    }
}

TEST_CASE("store on PostgreSQL: a wrong password is Denied - a server that is not there is Unreachable") {
    if (!havePostgres()) return;
    test::PostgresTestDatabase db;
    try {
        test::openServer(db.urlAs("postgres", "wrong-password"));
        FAIL("logged in with a wrong password");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Denied);
        CHECK(std::string(e.what()).find("wrong-password") == std::string::npos);  // never echoed
        checkPlainWords(e.what());
    }
    // A desk opens on a server that is down (its results will wait in the outbox); having never
    // reached it, it has nothing to start from, and says so naming the server in plain words.
    Store down = test::openServer("postgresql://nobody:secret@127.0.0.1:1/frontline?connect_timeout=2");
    CHECK(down.waitingResults() == 0);
    try {
        down.trainees();
        FAIL("reached a server on port 1");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Unreachable);
        CHECK(std::string(e.what()).find("cannot reach the server at 127.0.0.1:1 ") != std::string::npos);
        CHECK(std::string(e.what()).find("secret") == std::string::npos);
        checkPlainWords(e.what());
    }
}

TEST_CASE("store on PostgreSQL: two desks adding the same trainee and recording at once lose nothing") {
    if (!havePostgres()) return;
    test::PostgresTestDatabase db;
    { Store first = test::openServer(db.url()); }  // the schema, once
    auto desk = [&](int n) {
        Store store = test::openServer(db.url());
        const auto ana = store.traineeByNameOrCreate("Ana", "A").id;
        QuizAttemptRecord q;
        q.trainee_id = ana;
        q.exam_id = "desk-" + std::to_string(n);
        q.mode = "practice";
        for (int i = 0; i < 20; ++i) store.recordQuizAttempt(q);
        return ana;
    };
    auto a = std::async(std::launch::async, desk, 1);
    auto b = std::async(std::launch::async, desk, 2);
    CHECK(a.get() == b.get());  // one trainee, whoever came first
    Store store = test::openServer(db.url());
    CHECK(store.trainees().size() == 1);
    CHECK(store.quizAttempts().size() == 40);
}

TEST_CASE("store: a desk finds its database on --db, then $FRONTLINE_DB, then its desk settings, then the default") {
    test::TempDir dir;
    test::ScopedEnv config("XDG_CONFIG_HOME", dir.path().c_str());
    test::ScopedEnv data("XDG_DATA_HOME", (dir / "data").c_str());
    test::ScopedEnv env("FRONTLINE_DB", nullptr);
    CHECK(databaseLocator(std::nullopt) == (dir / "data" / "frontline" / "frontline.db").string());

    fs::create_directories(dir / "frontline");
    std::ofstream(dir / "frontline" / "desk.conf") << "# set by IT\n\n  database = postgresql://srv/frontline  \n";
    CHECK(deskSettingsPath() == dir / "frontline" / "desk.conf");
    CHECK(databaseLocator(std::nullopt) == "postgresql://srv/frontline");
    {
        test::ScopedEnv set("FRONTLINE_DB", "/srv/frontline.db");
        CHECK(databaseLocator(std::nullopt) == "/srv/frontline.db");
        CHECK(databaseLocator(std::string("mine.db")) == "mine.db");
    }
    std::ofstream(dir / "frontline" / "desk.conf") << "database postgresql://srv/frontline\n";
    try {
        databaseLocator(std::nullopt);
        FAIL("read a line without '='");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("desk.conf:1:") != std::string::npos);
    }
}

TEST_CASE("store: a server's locator is shown without its password") {
    CHECK(isServerLocator("postgresql://h/db"));
    CHECK(isServerLocator("postgres://h/db"));
    CHECK_FALSE(isServerLocator("/var/lib/frontline.db"));
    CHECK(displayLocator("postgresql://ana:s3cret@db.example:5432/frontline") == "postgresql://ana@db.example:5432/frontline");
    CHECK(displayLocator("postgresql://db/frontline?user=ana&password=s3cret&sslmode=require") ==
          "postgresql://db/frontline?user=ana&password=***&sslmode=require");
    CHECK(displayLocator("/home/ana/frontline.db") == "/home/ana/frontline.db");
    CHECK(displayLocator("postgresql://db:5432/frontline") == "postgresql://db:5432/frontline");  // a port is not a password
}

TEST_CASE("store on PostgreSQL: a connection the server dropped comes back with the desk's lock wait") {
    if (!havePostgres()) return;
    test::PostgresTestDatabase db;
    { Store schema = test::openServer(db.url()); }
    StoreOptions options(1234);
    PostgresStore store(db.url(), options);
    auto setting = [&](const char* sql) {
        PGresult* r = PQexec(store.connection(), sql);
        const std::string value = PQresultStatus(r) == PGRES_TUPLES_OK ? PQgetvalue(r, 0, 0) : "";
        PQclear(r);
        return value;
    };
    REQUIRE(setting("SHOW lock_timeout") == "1234ms");
    db.query("SELECT pg_terminate_backend(" + setting("SELECT pg_backend_pid()") + ")");
    CHECK_THROWS_AS(store.trainees(), StoreError);  // the desk notices the lost connection here
    REQUIRE(store.reconnect());
    // A reset connection starts from the server's defaults (no lock wait): the desk sets its own again.
    CHECK(setting("SHOW lock_timeout") == "1234ms");
    CHECK(setting("SHOW client_encoding") == "UTF8");
}
