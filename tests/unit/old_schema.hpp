#pragma once
// Takes a current SQLite file back to schema 6, as a Frontline from before the exports (7) and the
// dashboard totals (8) left it, so migration tests start from real rows. Undo newest first; a new
// migration adds its own undo here.
#include <initializer_list>
#include <sqlite3.h>
#include <doctest/doctest.h>

namespace frontline::test {

inline void backToSchema6(sqlite3* db) {
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

}  // namespace frontline::test
