#pragma once
// Schema migrations: an ordered list of SQL steps, version N taking the database from N-1 to N.
// Each step runs in its own IMMEDIATE transaction together with its PRAGMA user_version bump, so a
// failed step leaves the previous version intact and two processes never apply a step twice.
// Internal to the store; tests include it to migrate with their own lists.
#include <span>
#include <sqlite3.h>

namespace frontline::store_schema {

struct Migration {
    int version;
    const char* sql;
    // A step SQL text alone cannot express (it reads the schema first); runs after `sql`, in the
    // same transaction. Throws StoreError.
    void (*apply)(sqlite3* db) = nullptr;
};

// "FRNT": marks the file as Frontline's in its header (PRAGMA application_id).
inline constexpr int kApplicationId = 0x46524E54;

std::span<const Migration> migrations();  // the real list, oldest first
int readUserVersion(sqlite3* db);
// Applies every step newer than the database's user_version, in order. Throws StoreError.
void applyMigrations(sqlite3* db, std::span<const Migration> steps);

}  // namespace frontline::store_schema
