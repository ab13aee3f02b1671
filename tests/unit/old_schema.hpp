#pragma once
// Takes a current SQLite file back to schema 6, as a Frontline from before the exports (7), the
// dashboard totals (8), the evidence totals (10) and trainee PINs (11) left it, so migration tests start from real
// rows (schema 9's compressed details stay: every later reader accepts them). Undo newest first;
// a new migration adds its own undo here.
#include <initializer_list>
#include <string>
#include <sqlite3.h>
#include <doctest/doctest.h>

namespace frontline::test {

// v11: trainee PINs, and the audit action they added to its CHECK (leaves user_version to the caller).
inline void undoSchema11(sqlite3* db) {
    for (const char* undo : {"DROP TABLE trainee_pins", "PRAGMA writable_schema = ON",
                             "UPDATE sqlite_schema SET sql = replace(sql, '''manager.password'', ''trainee.pin'')', '''manager.password'')')"
                             " WHERE type = 'table' AND name = 'audit'",
                             "PRAGMA writable_schema = OFF"})
        REQUIRE_MESSAGE(sqlite3_exec(db, undo, nullptr, nullptr, nullptr) == SQLITE_OK, undo << ": " << sqlite3_errmsg(db));
    sqlite3_stmt* q = nullptr;  // every connection reloads the edited schema
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &q, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    const std::string bump = "PRAGMA schema_version = " + std::to_string(sqlite3_column_int(q, 0) + 1);
    sqlite3_finalize(q);
    REQUIRE(sqlite3_exec(db, bump.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
}

// v10: the certification evidence totals, and every later step (leaves user_version to the caller).
inline void undoSchema10(sqlite3* db) {
    undoSchema11(db);
    for (const char* undo : {"DROP TRIGGER evidence_totals_add", "DROP TRIGGER evidence_totals_remove", "DROP TRIGGER quiz_totals_add",
                             "DROP TRIGGER quiz_totals_remove", "DROP TABLE evidence_totals", "DROP TABLE quiz_totals"})
        REQUIRE_MESSAGE(sqlite3_exec(db, undo, nullptr, nullptr, nullptr) == SQLITE_OK, undo << ": " << sqlite3_errmsg(db));
}

inline void backToSchema6(sqlite3* db) {
    undoSchema10(db);
    for (const char* undo : {// v8: the dashboard's weekly totals
                             "DROP TRIGGER week_totals_add", "DROP TRIGGER week_totals_remove", "DROP TABLE week_totals",
                             "DROP INDEX quiz_attempts_by_trainee_score",
                             // v7: xAPI statement ids and trainee accounts
                             "DROP TRIGGER attempts_uuid", "DROP TRIGGER quiz_attempts_uuid", "DROP TRIGGER trainees_account",
                             "DROP INDEX attempts_by_uuid", "DROP INDEX quiz_attempts_by_uuid", "DROP INDEX trainees_by_account",
                             "ALTER TABLE attempts DROP COLUMN uuid", "ALTER TABLE quiz_attempts DROP COLUMN uuid",
                             "ALTER TABLE trainees DROP COLUMN account", "DROP TABLE xapi_sent", "PRAGMA user_version = 6"})
        REQUIRE_MESSAGE(sqlite3_exec(db, undo, nullptr, nullptr, nullptr) == SQLITE_OK, undo << ": " << sqlite3_errmsg(db));
}

// Takes a PostgreSQL database from schema 9 back to 8 (the evidence totals): run as its owner, then
// set frontline_schema's version.
inline constexpr const char* kPostgresUndoSchema9 =
    "DROP TABLE evidence_totals; DROP TABLE quiz_totals;"
    " DROP FUNCTION evidence_totals_add, evidence_totals_remove, quiz_totals_add, quiz_totals_remove CASCADE;"
    " DROP FUNCTION frontline_irregular_time;";

}  // namespace frontline::test
