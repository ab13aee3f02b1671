#pragma once
// PostgreSQL schema migrations (see postgres_schema.cpp). Internal to the store; tests include it.
#include <span>
#include "pg.hpp"

namespace frontline::pg_schema {

struct Migration {
    int version;
    const char* sql;
    // What SQL alone cannot do (e.g. compress rows); runs after `sql`, in the same transaction.
    void (*apply)(PGconn* conn) = nullptr;
};

std::span<const Migration> migrations();  // the real list, oldest first
int readVersion(PGconn* conn);             // 0 for a database Frontline has not set up
// Applies every step newer than the database's version, in order. Throws StoreError.
void applyMigrations(PGconn* conn, std::span<const Migration> steps);

}  // namespace frontline::pg_schema
