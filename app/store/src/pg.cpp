#include "pg.hpp"
#include <charconv>
#include <cstdio>
#include <cstring>
#include <new>

namespace frontline::pg {

Failure describe(const char* sqlstate) {
    using K = StoreError::Kind;
    const std::string code = sqlstate ? sqlstate : "";
    const std::string cls = code.substr(0, 2);
    if (code == "23505") return {K::Constraint, "that already exists"};
    if (code == "23503") return {K::Constraint, "it refers to a record that does not exist (or is still referred to)"};
    if (code == "23514") return {K::Constraint, "a value is outside its allowed range"};
    if (code == "23502") return {K::Constraint, "a required value is missing"};
    if (cls == "23") return {K::Constraint, "the change conflicts with what is stored"};
    if (code == "42710" || code == "42P04" || code == "42P07") return {K::Constraint, "that already exists"};
    if (code == "42501" || code == "42000") return {K::Denied, "your database login is not allowed to do this"};
    if (cls == "28") return {K::Denied, "the server did not accept this login (wrong user name or password)"};
    if (code == "25006") return {K::ReadOnly, "the database is read-only (it can be browsed, not changed)"};
    if (code == "40001" || code == "40P01") return {K::Locked, "another desk was changing the same records at the same moment; try again"};
    if (code == "55P03") return {K::Locked, "another desk or program is holding these records; try again in a moment"};
    if (code == "57014") return {K::Other, "the request was cancelled"};
    if (code == "53100") return {K::Io, "the server's disk is full"};
    if (cls == "53") return {K::Io, "the server is short of resources (memory or connections)"};
    if (cls == "08" || cls == "57") return {K::Unreachable, "the connection to the server was lost"};
    if (code == "XX001" || code == "XX002") return {K::Corrupt, "the server reports damaged data"};
    if (cls == "22") return {K::Constraint, "a value could not be stored (wrong format or too large)"};
    if (cls == "42") return {K::TooNew, "the server's tables are not what this Frontline expects (another version?)"};
    return {K::Other, "the server refused the request (code " + (code.empty() ? std::string("unknown") : code) + ")"};
}

std::string unreachableWords(PGconn* conn) {
    std::string where = "the server";
    if (conn && PQhost(conn) && *PQhost(conn)) {
        where += " at ";
        where += PQhost(conn);
        if (PQport(conn) && *PQport(conn)) where += std::string(":") + PQport(conn);
    }
    return "cannot reach " + where + " (is it running, and is the network up?)";
}

void fail(PGconn* conn, const PGresult* result, std::string_view context) {
    std::string message(context);
    message += ": ";
    if (PQstatus(conn) == CONNECTION_BAD) {
        message += unreachableWords(conn);
        throw StoreError(StoreError::Kind::Unreachable, message);
    }
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    Failure f = describe(state);
    message += f.words;
    throw StoreError(f.kind, message);
}

Params& Params::add(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return text(buf);
}

std::vector<const char*> Params::pointers() const {
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
}

Params& Params::addBytes(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex = "\\x";
    hex.reserve(2 + bytes.size() * 2);
    for (const unsigned char b : bytes) {
        hex += kHex[b >> 4];
        hex += kHex[b & 0xF];
    }
    return text(std::move(hex));
}

std::string Result::bytes(int row, const char* name) const {
    std::size_t length = 0;
    const auto* value = reinterpret_cast<const unsigned char*>(PQgetvalue(r_.get(), row, column(name)));
    std::unique_ptr<unsigned char, decltype(&PQfreemem)> raw(PQunescapeBytea(value, &length), &PQfreemem);
    if (!raw) throw std::bad_alloc();
    return std::string(reinterpret_cast<const char*>(raw.get()), length);
}

int Result::column(const char* name) const {
    const int c = PQfnumber(r_.get(), name);
    if (c < 0) throw StoreError(StoreError::Kind::Corrupt, std::string("the server's answer lacks the column ") + name);
    return c;
}

std::int64_t Result::int64(int row, const char* name) const {
    const int c = column(name);
    const char* text = PQgetvalue(r_.get(), row, c);
    std::int64_t value = 0;
    std::from_chars(text, text + std::strlen(text), value);
    return value;
}

double Result::real(int row, const char* name) const { return std::strtod(PQgetvalue(r_.get(), row, column(name)), nullptr); }

std::int64_t Result::affected() const {
    const char* n = PQcmdTuples(r_.get());
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

Result run(PGconn* conn, std::string_view sql, const Params& params, std::string_view context) {
    const std::string text(sql);
    const auto values = params.pointers();
    PGresult* raw = PQexecParams(conn, text.c_str(), params.size(), nullptr, values.data(), nullptr, nullptr, 0);
    Result r(raw);
    const ExecStatusType status = PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn, raw, context);
    return r;
}

void exec(PGconn* conn, const std::string& sql, std::string_view context) {
    PGresult* r = PQexec(conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(r);
        return;
    }
    Result owned(r);  // cleared whatever fail() throws
    fail(conn, r, context);
}

Transaction::Transaction(PGconn* conn) : conn_(conn), nested_(PQtransactionStatus(conn) == PQTRANS_INTRANS) {
    exec(conn, nested_ ? "SAVEPOINT frontline_nested" : "BEGIN", "cannot begin a transaction");
}

Transaction::~Transaction() {
    if (done_) return;
    // Nothing better to do if this fails: the server rolls back when the connection goes.
    PGresult* r = PQexec(conn_, nested_ ? "ROLLBACK TO SAVEPOINT frontline_nested; RELEASE SAVEPOINT frontline_nested" : "ROLLBACK");
    PQclear(r);
}

void Transaction::commit() {
    exec(conn_, nested_ ? "RELEASE SAVEPOINT frontline_nested" : "COMMIT", "cannot save the change");
    done_ = true;
}

}  // namespace frontline::pg
