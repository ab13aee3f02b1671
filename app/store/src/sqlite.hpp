#pragma once
// A thin RAII layer over the SQLite C API in SQLiteCpp's style, private to the store:
//   Connection   the sqlite3* in a unique_ptr whose deleter closes it
//   Statement    a prepared statement (move-only) with bind / step / column helpers
//   Transaction  rolls back in its destructor unless commit() was called
// Failures throw frontline::StoreError with the SQLite code mapped to a StoreError::Kind.
// Destructors never throw.
#include <sqlite3.h>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include "frontline/store.hpp"

namespace frontline::sql {

struct ConnectionCloser {
    void operator()(sqlite3* db) const noexcept {
        // close_v2 defers the close until the last statement is finalized, so a leaked
        // statement can never make the destructor fail.
        sqlite3_close_v2(db);
    }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

inline StoreError::Kind kindFor(int rc) {
    switch (rc & 0xff) {  // primary code: extended codes keep it in the low byte
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return StoreError::Kind::Locked;
        case SQLITE_CORRUPT: return StoreError::Kind::Corrupt;
        case SQLITE_NOTADB: return StoreError::Kind::NotADatabase;
        case SQLITE_CONSTRAINT: return StoreError::Kind::Constraint;
        case SQLITE_IOERR:
        case SQLITE_FULL: return StoreError::Kind::Io;
        case SQLITE_CANTOPEN: return StoreError::Kind::CannotOpen;
        case SQLITE_READONLY: return StoreError::Kind::ReadOnly;
        default: return StoreError::Kind::Other;
    }
}

[[noreturn]] inline void fail(sqlite3* db, int rc, std::string_view context) {
    // SQLite's words ("attempt to write a readonly database") and our SQL context mean little to a trainee.
    if (kindFor(rc) == StoreError::Kind::ReadOnly)
        throw StoreError(StoreError::Kind::ReadOnly, "the database is read-only here (it can be browsed, not changed); nothing was saved");
    std::string message(context);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw StoreError(kindFor(rc), message);
}

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql) : db_(db) {
        const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt_);
            fail(db, rc, "cannot prepare statement");
        }
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept
        : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}
    Statement& operator=(Statement&& other) noexcept {
        if (this != &other) {
            sqlite3_finalize(stmt_);
            db_ = other.db_;
            stmt_ = std::exchange(other.stmt_, nullptr);
        }
        return *this;
    }
    ~Statement() { sqlite3_finalize(stmt_); }

    // Parameters are 1-based, as in SQL (?1, ?2…). Text is copied (SQLITE_TRANSIENT) so the
    // caller's strings may die before step().
    Statement& bind(int index, std::int64_t value) { return check(sqlite3_bind_int64(stmt_, index, value)); }
    Statement& bind(int index, int value) { return check(sqlite3_bind_int(stmt_, index, value)); }
    Statement& bind(int index, bool value) { return check(sqlite3_bind_int(stmt_, index, value ? 1 : 0)); }
    Statement& bind(int index, double value) { return check(sqlite3_bind_double(stmt_, index, value)); }
    Statement& bind(int index, std::string_view value) {
        return check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    // An unsigned 64-bit value (a seed) is stored as the signed integer with the same bits.
    Statement& bindBits(int index, std::uint64_t value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bindBlob(int index, std::string_view bytes) {
        return check(sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
    }
    Statement& bindNull(int index) { return check(sqlite3_bind_null(stmt_, index)); }
    Statement& bindTextOrNull(int index, const std::string& value) {
        return value.empty() ? bindNull(index) : bind(index, value);
    }

    // True while a row is available; false when done.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, rc, "statement failed");
    }
    // For statements that return no rows.
    void run() {
        while (step()) {
        }
    }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    int integer(int column) const { return sqlite3_column_int(stmt_, column); }
    bool boolean(int column) const { return sqlite3_column_int(stmt_, column) != 0; }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    std::uint64_t bits(int column) const { return static_cast<std::uint64_t>(sqlite3_column_int64(stmt_, column)); }
    bool isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::string text(int column) const {  // NULL reads as ""
        const auto* p = sqlite3_column_text(stmt_, column);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
    }

    // The bytes of a BLOB or TEXT column as stored (no conversion); NULL reads as "".
    std::string bytes(int column) const {
        const void* p = sqlite3_column_blob(stmt_, column);
        return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
    }

    sqlite3_stmt* get() const { return stmt_; }

private:
    Statement& check(int rc) {
        if (rc != SQLITE_OK) fail(db_, rc, "cannot bind parameter");
        return *this;
    }
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// Runs one or more statements that return no rows.
inline void exec(sqlite3* db, const char* sql, std::string_view context = "cannot execute SQL") {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, context);
}

class Transaction {
public:
    // IMMEDIATE takes the write lock up front, so a busy database fails here (Locked) instead of
    // halfway through the writes. Inside an outer transaction (a caller batching many writes) it
    // becomes a savepoint: it still undoes its own writes on failure, and the outer one decides.
    enum class Mode { Deferred, Immediate };
    explicit Transaction(sqlite3* db, Mode mode = Mode::Immediate) : db_(db), nested_(sqlite3_get_autocommit(db) == 0) {
        if (nested_)
            exec(db, "SAVEPOINT frontline_nested", "cannot begin savepoint");
        else
            exec(db, mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", "cannot begin transaction");
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        // A failed rollback leaves nothing better to do: SQLite rolls back itself when the
        // connection closes, and a destructor must not throw.
        if (done_) return;
        const char* undo = nested_ ? "ROLLBACK TO frontline_nested; RELEASE frontline_nested" : "ROLLBACK";
        sqlite3_exec(db_, undo, nullptr, nullptr, nullptr);
    }
    void commit() {
        exec(db_, nested_ ? "RELEASE frontline_nested" : "COMMIT", "cannot commit transaction");
        done_ = true;
    }

private:
    sqlite3* db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace frontline::sql
