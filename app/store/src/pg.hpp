#pragma once
// A thin RAII layer over libpq, private to the store:
//   pg::Connection  the PGconn in a unique_ptr whose deleter closes it
//   pg::Result      a PGresult, read by column name (columns are looked up once per result)
//   pg::Params      text parameters for $1, $2…; NULL for an empty optional
//   pg::Transaction rolls back in its destructor unless committed; a savepoint when nested
// Failures throw StoreError with the SQLSTATE mapped to a kind and a message in plain words: the
// server's own text (which may quote SQL) goes nowhere near a trainee.
#include <libpq-fe.h>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <string_view>
#include <vector>
#include "frontline/store.hpp"

namespace frontline::pg {

struct ConnectionCloser {
    void operator()(PGconn* c) const noexcept { PQfinish(c); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

// The kind of failure an SQLSTATE names, and what it means in plain words.
struct Failure {
    StoreError::Kind kind;
    std::string words;
};
Failure describe(const char* sqlstate);
// The failure of a connection that is gone (server stopped, network down).
std::string unreachableWords(PGconn* conn);

[[noreturn]] void fail(PGconn* conn, const PGresult* result, std::string_view context);

class Params {
public:
    Params& add(std::int64_t v) { return text(std::to_string(v)); }
    Params& add(int v) { return text(std::to_string(v)); }
    Params& add(bool v) { return text(v ? "true" : "false"); }
    Params& add(double v);
    Params& add(const std::string& v) { return text(v); }
    Params& add(const char* v) { return text(v); }
    Params& addBits(std::uint64_t v) { return add(static_cast<std::int64_t>(v)); }
    Params& addBytes(std::string_view bytes);  // a bytea value (sent in its hex text form)
    Params& addTextOrNull(const std::string& v) {
        values_.push_back(v.empty() ? std::nullopt : std::optional<std::string>(v));
        return *this;
    }
    std::vector<const char*> pointers() const;
    int size() const { return static_cast<int>(values_.size()); }

private:
    Params& text(std::string v) {
        values_.emplace_back(std::move(v));
        return *this;
    }
    std::vector<std::optional<std::string>> values_;
};

class Result {
public:
    explicit Result(PGresult* r) : r_(r) {}
    int rows() const { return PQntuples(r_.get()); }
    int column(const char* name) const;  // throws StoreError Corrupt for a missing column
    bool isNull(int row, const char* name) const { return PQgetisnull(r_.get(), row, column(name)) != 0; }
    std::string text(int row, const char* name) const {  // NULL reads as ""
        const int c = column(name);
        return std::string(PQgetvalue(r_.get(), row, c), static_cast<std::size_t>(PQgetlength(r_.get(), row, c)));
    }
    std::string bytes(int row, const char* name) const;  // a bytea column's bytes
    std::int64_t int64(int row, const char* name) const;
    int integer(int row, const char* name) const { return static_cast<int>(int64(row, name)); }
    bool boolean(int row, const char* name) const { return PQgetvalue(r_.get(), row, column(name))[0] == 't'; }
    double real(int row, const char* name) const;
    std::uint64_t bits(int row, const char* name) const { return static_cast<std::uint64_t>(int64(row, name)); }
    std::int64_t affected() const;

private:
    struct Clear {
        void operator()(PGresult* r) const noexcept { PQclear(r); }
    };
    std::unique_ptr<PGresult, Clear> r_;
};

// Runs one statement (rows or not). Throws StoreError.
Result run(PGconn* conn, std::string_view sql, const Params& params = {}, std::string_view context = "the database refused the request");
// Runs statements without parameters (schema, BEGIN…). Throws StoreError.
void exec(PGconn* conn, const std::string& sql, std::string_view context = "the database refused the request");

class Transaction {
public:
    explicit Transaction(PGconn* conn);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    PGconn* conn_;
    bool nested_;
    bool done_ = false;
};

}  // namespace frontline::pg
