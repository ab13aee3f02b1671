#include "migrations.hpp"
#include <array>
#include <string>
#include "sqlite.hpp"

namespace frontline::store_schema {
namespace {

// Large JSON columns come last in each table so listings read only the start of a row and never
// follow its overflow pages. Booleans are 0/1 with CHECKs; a seed (uint64) is stored as the
// int64 with the same bits.
constexpr const char* kSchemaV1 = R"sql(
PRAGMA application_id = 1179799124;

CREATE TABLE trainees (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    team        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE attempts (
    id                INTEGER PRIMARY KEY,
    trainee_id        INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    scenario_id       TEXT NOT NULL,
    scenario_version  INTEGER NOT NULL,
    scenario_title    TEXT NOT NULL,
    sop_id            TEXT NOT NULL,
    sop_version       TEXT NOT NULL,
    channel           TEXT NOT NULL CHECK (channel IN ('call', 'chat')),
    started_at        TEXT NOT NULL,
    finished_at       TEXT NOT NULL,
    outcome           TEXT NOT NULL,
    passed            INTEGER NOT NULL CHECK (passed IN (0, 1)),
    critical_failure  INTEGER NOT NULL CHECK (critical_failure IN (0, 1)),
    adherence         INTEGER NOT NULL CHECK (adherence BETWEEN 0 AND 100),
    points            INTEGER NOT NULL,
    stars             INTEGER NOT NULL CHECK (stars BETWEEN 0 AND 3),
    handle_seconds    INTEGER NOT NULL CHECK (handle_seconds >= 0),
    fcr               INTEGER NOT NULL CHECK (fcr IN (0, 1)),
    csat              REAL NOT NULL,
    answer_seconds    INTEGER NOT NULL,
    seed              INTEGER NOT NULL,
    report_json       TEXT NOT NULL,
    event_log         TEXT NOT NULL
);
CREATE INDEX attempts_by_time ON attempts (finished_at);
CREATE INDEX attempts_by_trainee_time ON attempts (trainee_id, finished_at);

CREATE TABLE step_scores (
    attempt_id  INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    step        TEXT NOT NULL,
    position    INTEGER NOT NULL,  -- index in the report: SOP order
    required    INTEGER NOT NULL CHECK (required IN (0, 1)),
    covered     INTEGER NOT NULL CHECK (covered IN (0, 1)),
    in_order    INTEGER NOT NULL CHECK (in_order IN (0, 1)),
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    PRIMARY KEY (attempt_id, step)
) WITHOUT ROWID;

CREATE TABLE quiz_attempts (
    id             INTEGER PRIMARY KEY,
    trainee_id     INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    exam_id        TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('practice', 'exam')),
    seed           INTEGER NOT NULL,
    started_at     TEXT NOT NULL,
    finished_at    TEXT NOT NULL,
    score_percent  INTEGER NOT NULL CHECK (score_percent BETWEEN 0 AND 100),
    passed         INTEGER NOT NULL CHECK (passed IN (0, 1)),
    sop_version    TEXT NOT NULL,
    detail_json    TEXT NOT NULL
);
CREATE INDEX quiz_attempts_by_trainee_time ON quiz_attempts (trainee_id, finished_at);

-- Certificates are history: never deleted (a trainee with certificates cannot be deleted either).
CREATE TABLE certificates (
    id                 TEXT PRIMARY KEY,
    trainee_id         INTEGER NOT NULL REFERENCES trainees(id),
    policy_id          TEXT NOT NULL,
    policy_title       TEXT NOT NULL,
    sop_version        TEXT NOT NULL,
    issued_at          TEXT NOT NULL,
    expires_at         TEXT NOT NULL,
    verification_code  TEXT NOT NULL,
    revoked_at         TEXT,
    revoke_reason      TEXT,
    supersedes         TEXT REFERENCES certificates(id),
    scores_json        TEXT NOT NULL,
    assertion_json     TEXT NOT NULL
);
CREATE INDEX certificates_by_trainee_time ON certificates (trainee_id, issued_at);
CREATE INDEX certificates_by_time ON certificates (issued_at);
CREATE INDEX certificates_by_code ON certificates (verification_code);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL  -- JSON
) WITHOUT ROWID;

CREATE TABLE preferences (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
)sql";

static_assert(kApplicationId == 1179799124, "kSchemaV1 writes the application id literally");

constexpr std::array<Migration, 1> kMigrations{{
    {1, kSchemaV1},
}};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int readUserVersion(sqlite3* db) {
    sql::Statement q(db, "PRAGMA user_version");
    return q.step() ? q.integer(0) : 0;
}

void applyMigrations(sqlite3* db, std::span<const Migration> steps) {
    for (const Migration& m : steps) {
        sql::Transaction tx(db);
        // Re-read under the write lock: another process may have migrated meanwhile.
        if (readUserVersion(db) < m.version) {
            sql::exec(db, m.sql, "migration to schema " + std::to_string(m.version) + " failed");
            sql::exec(db, ("PRAGMA user_version = " + std::to_string(m.version)).c_str());
        }
        tx.commit();
    }
}

}  // namespace frontline::store_schema
