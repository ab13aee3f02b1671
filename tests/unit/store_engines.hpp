#pragma once
// The engines the store tests run on. Every test written as
//     TEST_CASE_TEMPLATE("store: ...", Engine, test::OnSqlite, test::OnPostgres) {
//         auto engine = Engine::make();   // nullptr (after a MESSAGE) when PostgreSQL is unavailable
//         if (!engine) return;
//         Store store = engine->open();
// runs once on SQLite (":memory:") and once on a fresh database of the PostgreSQL test cluster
// (scripts/pg-test-cluster.sh, started by CTest; or $FRONTLINE_TEST_PG_URL for an admin URL).
// query()/exec() reach behind the store's back, as an administrator with sqlite3 or psql would.
#include <doctest/doctest.h>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "frontline/store.hpp"

namespace frontline::test {

class StoreEngine {
public:
    virtual ~StoreEngine() = default;
    virtual std::string name() const = 0;  // "sqlite" | "postgresql"
    virtual Store open() = 0;              // the same database on every call
    virtual std::string locator() const = 0;
    virtual std::vector<std::vector<std::string>> query(Store& store, const std::string& sql) = 0;
    void exec(Store& store, const std::string& sql) { query(store, sql); }
    std::int64_t scalar(Store& store, const std::string& sql);
};

// The admin URL of the PostgreSQL test cluster, or "" with `why_not` saying why there is none.
std::string postgresTestUrl(std::string* why_not = nullptr);

// A fresh empty database on the test cluster, dropped when this goes. Throws if there is no cluster.
class PostgresTestDatabase {
public:
    PostgresTestDatabase();
    ~PostgresTestDatabase();
    PostgresTestDatabase(const PostgresTestDatabase&) = delete;
    PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;
    const std::string& url() const { return url_; }  // as the cluster's superuser
    const std::string& name() const { return name_; }
    // The same database as another login (roles tests).
    std::string urlAs(const std::string& user, const std::string& password) const;
    // Runs SQL as the superuser on this database; rows as text ("" for NULL).
    std::vector<std::vector<std::string>> query(const std::string& sql) const;

private:
    std::string admin_url_, name_, url_;
};

// openStore on a server URL with this test process's own outbox folder (never the user's).
Store openServer(const std::string& url);
// The outbox folder openServer uses.
std::filesystem::path testOutboxDir();

// Sets (or, with nullptr, removes) an environment variable until the end of the scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

// The two instantiations of a store test (see the top of this file).
struct OnSqlite {
    static std::unique_ptr<StoreEngine> make();
};
struct OnPostgres {
    static std::unique_ptr<StoreEngine> make();  // nullptr, with a MESSAGE saying why, without a cluster
};

}  // namespace frontline::test

// Test names read "store: trainees<sqlite>" and "store: trainees<postgresql>".
TYPE_TO_STRING_AS("sqlite", frontline::test::OnSqlite);
TYPE_TO_STRING_AS("postgresql", frontline::test::OnPostgres);
