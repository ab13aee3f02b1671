#include "store_engines.hpp"
#include <doctest/doctest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include "../../app/store/src/sqlite_store.hpp"
#include "../temp_dir.hpp"

namespace frontline::test {
namespace {

std::string withDatabase(const std::string& url, const std::string& db) {
    const auto scheme_end = url.find("://") + 3;
    const auto slash = url.find('/', scheme_end);
    const auto query = url.find('?', scheme_end);
    const std::string host_part = url.substr(0, slash == std::string::npos ? (query == std::string::npos ? url.size() : query) : slash);
    const std::string params = query == std::string::npos ? "" : url.substr(query);
    return host_part + "/" + db + params;
}

std::vector<std::vector<std::string>> pgQuery(const std::string& url, const std::string& sql) {
    std::unique_ptr<PGconn, void (*)(PGconn*)> conn(PQconnectdb(url.c_str()), PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) throw std::runtime_error(std::string("test cluster: ") + PQerrorMessage(conn.get()));
    PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
    std::unique_ptr<PGresult, void (*)(PGresult*)> r(PQexec(conn.get(), sql.c_str()), PQclear);
    const auto status = PQresultStatus(r.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        throw std::runtime_error(sql + ": " + PQresultErrorMessage(r.get()));
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < PQntuples(r.get()); ++i) {
        auto& row = rows.emplace_back();
        for (int c = 0; c < PQnfields(r.get()); ++c) row.emplace_back(PQgetvalue(r.get(), i, c));
    }
    return rows;
}

class SqliteEngine final : public StoreEngine {
public:
    std::string name() const override { return "sqlite"; }
    Store open() override { return Store::open(dir_ / "engine.db"); }
    std::string locator() const override { return (dir_ / "engine.db").string(); }
    std::vector<std::vector<std::string>> query(Store& store, const std::string& sql) override {
        sqlite3* db = sqliteHandle(store);
        std::vector<std::vector<std::string>> rows;
        const char* tail = sql.c_str();
        while (tail && *tail) {
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK)
                throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
            if (!stmt) break;  // trailing whitespace
            int rc;
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
                auto& row = rows.emplace_back();
                for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                    const auto* text = sqlite3_column_text(stmt, c);
                    row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
                }
            }
            sqlite3_finalize(stmt);
            if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
        }
        return rows;
    }

private:
    TempDir dir_;
};

class PostgresEngine final : public StoreEngine {
public:
    std::string name() const override { return "postgresql"; }
    Store open() override { return openServer(db_.url()); }
    std::string locator() const override { return db_.url(); }
    std::vector<std::vector<std::string>> query(Store&, const std::string& sql) override { return db_.query(sql); }

private:
    PostgresTestDatabase db_;
};

}  // namespace

std::filesystem::path testOutboxDir() {
    static TempDir dir("frontline-test-outbox");
    return dir.path();
}

Store openServer(const std::string& url) {
    StoreOptions options;
    options.outbox_dir = testOutboxDir();
    return openStore(url, options);
}

ScopedEnv::ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
        setenv(name, value, 1);
    else
        unsetenv(name);
}

ScopedEnv::~ScopedEnv() {
    if (old_)
        setenv(name_, old_->c_str(), 1);
    else
        unsetenv(name_);
}

std::int64_t StoreEngine::scalar(Store& store, const std::string& sql) {
    const auto rows = query(store, sql);
    if (rows.empty() || rows[0].empty()) throw std::runtime_error(sql + ": no value");
    return std::stoll(rows[0][0]);
}

std::string postgresTestUrl(std::string* why_not) {
    if (const char* url = std::getenv("FRONTLINE_TEST_PG_URL"); url && *url) return url;
    const std::string state = FRONTLINE_TEST_PG_STATE_DIR;
    std::string url;
    if (std::ifstream in(state + "/url"); in && std::getline(in, url) && !url.empty()) return url;
    if (why_not) {
        std::string reason;
        if (std::ifstream in(state + "/reason"); in) std::getline(in, reason);
        *why_not = reason.empty() ? "no test cluster is running (ctest starts one; by hand: scripts/pg-test-cluster.sh start " + state + ")"
                                  : "the test cluster could not start: " + reason;
    }
    return "";
}

PostgresTestDatabase::PostgresTestDatabase() : admin_url_(postgresTestUrl()) {
    if (admin_url_.empty()) throw std::runtime_error("no PostgreSQL test cluster");
    static std::atomic<int> counter{0};
    name_ = "frontline_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    pgQuery(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    pgQuery(admin_url_, "CREATE DATABASE " + name_);
    url_ = withDatabase(admin_url_, name_);
}

PostgresTestDatabase::~PostgresTestDatabase() {
    try {
        pgQuery(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The cluster is thrown away at the end of the run anyway.
    }
}

std::string PostgresTestDatabase::urlAs(const std::string& user, const std::string& password) const {
    const auto scheme_end = url_.find("://") + 3;
    const auto at = url_.find('@', scheme_end);
    return url_.substr(0, scheme_end) + user + ":" + password + url_.substr(at);
}

std::vector<std::vector<std::string>> PostgresTestDatabase::query(const std::string& sql) const { return pgQuery(url_, sql); }

std::unique_ptr<StoreEngine> OnSqlite::make() { return std::make_unique<SqliteEngine>(); }

std::unique_ptr<StoreEngine> OnPostgres::make() {
    std::string why_not;
    if (!postgresTestUrl(&why_not).empty()) return std::make_unique<PostgresEngine>();
    MESSAGE("PostgreSQL part skipped: " << why_not);
    return nullptr;
}

}  // namespace frontline::test
