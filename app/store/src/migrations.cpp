#include "migrations.hpp"
#include <array>
#include <string>
#include <vector>
#include "compressed_json.hpp"
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

// v2, for a fast start with a long history (issue #3: Home over 10,000 attempts).
// - The JSON moves to attempt_details: a 15 KB row filled a leaf page of its own, so listing
//   10,000 summaries read 40 MB; narrow rows put ~40 attempts on a page.
// - Two summary columns the listings lacked: the rules broken and the answer target in force.
//   Old rows are filled from their stored report (0 if it is not valid JSON).
// - step_totals: the per-trainee, per-step sums stepStats() reports, kept by triggers in the
//   same transaction as the rows they count, so they cannot drift from step_scores whichever
//   code writes. A deleted attempt is subtracted before its step rows cascade away (a cascade's
//   triggers can no longer see the attempt, hence its trainee); a step row deleted on its own
//   is subtracted by its own trigger, which ignores cascades for that same reason.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE attempt_details (
    attempt_id   INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    report_json  TEXT NOT NULL,
    event_log    TEXT NOT NULL
);
INSERT INTO attempt_details (attempt_id, report_json, event_log) SELECT id, report_json, event_log FROM attempts;

ALTER TABLE attempts ADD COLUMN breaches INTEGER NOT NULL DEFAULT 0 CHECK (breaches >= 0);
ALTER TABLE attempts ADD COLUMN target_answer_seconds INTEGER NOT NULL DEFAULT 0;
UPDATE attempts SET
    breaches = CASE WHEN json_valid(report_json)
                    THEN coalesce(json_array_length(report_json, '$.breaches'), 0) ELSE 0 END,
    target_answer_seconds = CASE WHEN json_valid(report_json)
                    THEN coalesce(json_extract(report_json, '$.metrics.target_answer_seconds'), 0) ELSE 0 END;
ALTER TABLE attempts DROP COLUMN report_json;
ALTER TABLE attempts DROP COLUMN event_log;

CREATE TABLE step_totals (
    trainee_id    INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    step          TEXT NOT NULL,
    position      INTEGER NOT NULL,  -- the lowest position seen: SOP order
    attempts      INTEGER NOT NULL,  -- attempts where the step was required
    missed        INTEGER NOT NULL,
    out_of_order  INTEGER NOT NULL,
    score_sum     INTEGER NOT NULL,
    PRIMARY KEY (trainee_id, step)
) WITHOUT ROWID;
INSERT INTO step_totals (trainee_id, step, position, attempts, missed, out_of_order, score_sum)
    SELECT a.trainee_id, s.step, min(s.position), count(*), sum(s.covered = 0),
           sum(s.covered = 1 AND s.in_order = 0), sum(s.score)
    FROM step_scores s JOIN attempts a ON a.id = s.attempt_id
    WHERE s.required = 1 GROUP BY a.trainee_id, s.step;

CREATE TRIGGER step_totals_add AFTER INSERT ON step_scores WHEN NEW.required = 1 BEGIN
    INSERT INTO step_totals (trainee_id, step, position, attempts, missed, out_of_order, score_sum)
        SELECT a.trainee_id, NEW.step, NEW.position, 1, NEW.covered = 0,
               NEW.covered = 1 AND NEW.in_order = 0, NEW.score
        FROM attempts a WHERE a.id = NEW.attempt_id
    ON CONFLICT (trainee_id, step) DO UPDATE SET
        position = min(position, excluded.position),
        attempts = attempts + 1,
        missed = missed + excluded.missed,
        out_of_order = out_of_order + excluded.out_of_order,
        score_sum = score_sum + excluded.score_sum;
END;

CREATE TRIGGER step_totals_remove_attempt BEFORE DELETE ON attempts BEGIN
    UPDATE step_totals SET
        attempts = attempts - 1,
        missed = missed - (SELECT s.covered = 0 FROM step_scores s
                           WHERE s.attempt_id = OLD.id AND s.step = step_totals.step),
        out_of_order = out_of_order - (SELECT s.covered = 1 AND s.in_order = 0 FROM step_scores s
                                       WHERE s.attempt_id = OLD.id AND s.step = step_totals.step),
        score_sum = score_sum - (SELECT s.score FROM step_scores s
                                 WHERE s.attempt_id = OLD.id AND s.step = step_totals.step)
    WHERE trainee_id = OLD.trainee_id
      AND step IN (SELECT step FROM step_scores WHERE attempt_id = OLD.id AND required = 1);
    DELETE FROM step_totals WHERE trainee_id = OLD.trainee_id AND attempts <= 0;
END;

CREATE TRIGGER step_totals_remove_row AFTER DELETE ON step_scores WHEN OLD.required = 1 BEGIN
    UPDATE step_totals SET
        attempts = attempts - 1,
        missed = missed - (OLD.covered = 0),
        out_of_order = out_of_order - (OLD.covered = 1 AND OLD.in_order = 0),
        score_sum = score_sum - OLD.score
    WHERE trainee_id = (SELECT trainee_id FROM attempts WHERE id = OLD.attempt_id) AND step = OLD.step;
    DELETE FROM step_totals WHERE step = OLD.step AND attempts <= 0
      AND trainee_id = (SELECT trainee_id FROM attempts WHERE id = OLD.attempt_id);
END;
)sql";

// v3: the mode an attempt was played in (practice coaches, an assessment does not); attempts
// recorded before it were all practice.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE attempts ADD COLUMN mode TEXT NOT NULL DEFAULT 'practice' CHECK (mode IN ('practice', 'assessment'));
)sql";

// v4: the audit trail (issue 11): who changed which setting from what to what, who issued and
// who revoked which certificate. Rows are only ever added.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('settings.change', 'certificate.issue', 'certificate.revoke',
                                            'manager.password')),
    subject    TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX audit_by_time ON audit (at);
)sql";

// v5: the manager password of a local file (issue 11): one argon2id hash (libsodium's
// crypto_pwhash_str), never the password.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE manager_password (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    hash    TEXT NOT NULL,
    set_at  TEXT NOT NULL
);
)sql";

// v6: the email channel (SOP §2). SQLite cannot alter a CHECK; rebuilding `attempts` would
// cascade-delete its step rows and details under foreign_keys, so the CHECK text is widened in
// place: the documented procedure for changes that leave every stored row valid (sqlite.org,
// ALTER TABLE, "making other kinds of table schema changes"): edit sqlite_schema with
// writable_schema, bump schema_version so every connection reloads, verify.
constexpr const char* kChannelCheckV1 = "CHECK (channel IN ('call', 'chat'))";
constexpr const char* kChannelCheckV6 = "CHECK (channel IN ('call', 'chat', 'email'))";

int schemaVersion(sqlite3* db) {
    sql::Statement q(db, "PRAGMA schema_version");
    return q.step() ? q.integer(0) : 0;
}

bool tableHas(sqlite3* db, const char* table, const char* text) {
    sql::Statement q(db, "SELECT instr(sql, ?2) > 0 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    q.bind(1, table).bind(2, text);
    return q.step() && q.integer(0) == 1;
}

// Replaces a CHECK's text in a table's stored definition; `version` names the migration in errors.
void widenCheck(sqlite3* db, const char* table, const char* before, const char* after, int version) {
    const int schema_version = schemaVersion(db);
    sql::exec(db, "PRAGMA writable_schema = ON");
    {
        sql::Statement edit(db, "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3) WHERE type = 'table' AND name = ?1");
        edit.bind(1, table).bind(2, before).bind(3, after);
        edit.step();
    }
    sql::exec(db, ("PRAGMA schema_version = " + std::to_string(schema_version + 1)).c_str());
    sql::exec(db, "PRAGMA writable_schema = OFF");
    if (!tableHas(db, table, after))
        throw StoreError(StoreError::Kind::Other, "migration to schema " + std::to_string(version) + " failed: the " + table +
                                                      " table's check was not found");
}

void widenChannelCheck(sqlite3* db) { widenCheck(db, "attempts", kChannelCheckV1, kChannelCheckV6, 6); }

// v7: records that leave Frontline (issue 12, xAPI). Each attempt and quiz attempt keeps the UUID
// its xAPI statement carries, so a re-export gives the same ids and an LRS never counts one twice
// (certificate ids are UUIDs already). A trainee gets an account id, the xAPI actor's name (an
// organisation may set its own, e.g. the LMS login or an e-mail). New rows get a random v4 UUID
// from a trigger, so no insert needs to know. xapi_sent remembers, per LRS, what it acknowledged.
#define FRONTLINE_SQL_UUID                                                                                   \
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " \
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
constexpr const char* kSchemaV7 =
    "ALTER TABLE attempts ADD COLUMN uuid TEXT;\n"
    "UPDATE attempts SET uuid = " FRONTLINE_SQL_UUID ";\n"
    "CREATE UNIQUE INDEX attempts_by_uuid ON attempts (uuid);\n"
    "CREATE TRIGGER attempts_uuid AFTER INSERT ON attempts WHEN NEW.uuid IS NULL BEGIN\n"
    "    UPDATE attempts SET uuid = " FRONTLINE_SQL_UUID " WHERE id = NEW.id;\n"
    "END;\n"
    "ALTER TABLE quiz_attempts ADD COLUMN uuid TEXT;\n"
    "UPDATE quiz_attempts SET uuid = " FRONTLINE_SQL_UUID ";\n"
    "CREATE UNIQUE INDEX quiz_attempts_by_uuid ON quiz_attempts (uuid);\n"
    "CREATE TRIGGER quiz_attempts_uuid AFTER INSERT ON quiz_attempts WHEN NEW.uuid IS NULL BEGIN\n"
    "    UPDATE quiz_attempts SET uuid = " FRONTLINE_SQL_UUID " WHERE id = NEW.id;\n"
    "END;\n"
    "ALTER TABLE trainees ADD COLUMN account TEXT;\n"
    "UPDATE trainees SET account = " FRONTLINE_SQL_UUID ";\n"
    "CREATE UNIQUE INDEX trainees_by_account ON trainees (account);\n"
    "CREATE TRIGGER trainees_account AFTER INSERT ON trainees WHEN NEW.account IS NULL BEGIN\n"
    "    UPDATE trainees SET account = " FRONTLINE_SQL_UUID " WHERE id = NEW.id;\n"
    "END;\n"
    "CREATE TABLE xapi_sent (\n"
    "    lrs           TEXT NOT NULL,\n"
    "    statement_id  TEXT NOT NULL,\n"
    "    sent_at       TEXT NOT NULL,\n"
    "    PRIMARY KEY (lrs, statement_id)\n"
    ") WITHOUT ROWID;\n";
#undef FRONTLINE_SQL_UUID

// v8: the manager's dashboard at center scale (issue 12). week_totals keeps, per trainee and
// week (the Monday, UTC, of finished_at; '' when it is not a date), what the weekly trends and
// each trainee's attempt count read, kept by triggers in the attempt's own transaction as
// step_totals is. The activity's last finish and best exam score come from indexes (a max()
// over an index prefix is one seek). Old files are backfilled here.
constexpr const char* kSchemaV8 = R"sql(
CREATE TABLE week_totals (
    trainee_id     INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    week           TEXT NOT NULL,
    attempts       INTEGER NOT NULL,
    passed         INTEGER NOT NULL,
    adherence_sum  INTEGER NOT NULL,
    critical       INTEGER NOT NULL,
    PRIMARY KEY (trainee_id, week)
) WITHOUT ROWID;
INSERT INTO week_totals (trainee_id, week, attempts, passed, adherence_sum, critical)
    SELECT trainee_id, coalesce(date(substr(finished_at, 1, 10), 'weekday 0', '-6 days'), ''), count(*),
           sum(passed), sum(adherence), sum(critical_failure)
    FROM attempts GROUP BY 1, 2;

CREATE TRIGGER week_totals_add AFTER INSERT ON attempts BEGIN
    INSERT INTO week_totals (trainee_id, week, attempts, passed, adherence_sum, critical)
        VALUES (NEW.trainee_id, coalesce(date(substr(NEW.finished_at, 1, 10), 'weekday 0', '-6 days'), ''), 1,
                NEW.passed, NEW.adherence, NEW.critical_failure)
    ON CONFLICT (trainee_id, week) DO UPDATE SET
        attempts = attempts + 1,
        passed = passed + excluded.passed,
        adherence_sum = adherence_sum + excluded.adherence_sum,
        critical = critical + excluded.critical;
END;

CREATE TRIGGER week_totals_remove AFTER DELETE ON attempts BEGIN
    UPDATE week_totals SET
        attempts = attempts - 1,
        passed = passed - OLD.passed,
        adherence_sum = adherence_sum - OLD.adherence,
        critical = critical - OLD.critical_failure
    WHERE trainee_id = OLD.trainee_id
      AND week = coalesce(date(substr(OLD.finished_at, 1, 10), 'weekday 0', '-6 days'), '');
    DELETE FROM week_totals WHERE trainee_id = OLD.trainee_id AND attempts <= 0;
END;

CREATE INDEX quiz_attempts_by_trainee_score ON quiz_attempts (trainee_id, mode, score_percent);
)sql";

// v9: the event log and report of each attempt are stored zstd-compressed (issue 12: ~20 KB of
// JSON became ~2 KB). Old rows are compressed here a batch at a time, so a file of any size needs
// one batch of memory; the step is one transaction like the others (a crash leaves schema 8, whose
// text rows the reader still accepts). A row whose log is compressed already is left alone.
constexpr int kCompressBatch = 500;

struct StoredDetails {
    std::int64_t attempt_id = 0;
    std::string report;
    std::string log;
};

std::vector<StoredDetails> nextTextRows(sql::Statement& q, std::int64_t after) {
    q.reset();
    q.bind(1, after).bind(2, kCompressBatch);
    std::vector<StoredDetails> batch;
    while (q.step()) batch.push_back({q.int64(0), q.bytes(1), q.bytes(2)});
    return batch;
}

void compressAttemptDetails(sqlite3* db) {
    sql::Statement next(db,
                        "SELECT attempt_id, report_json, event_log FROM attempt_details"
                        " WHERE attempt_id > ?1 ORDER BY attempt_id LIMIT ?2");
    sql::Statement update(db, "UPDATE attempt_details SET report_json = ?2, event_log = ?3 WHERE attempt_id = ?1");
    std::int64_t after = 0;
    for (auto batch = nextTextRows(next, after); !batch.empty(); batch = nextTextRows(next, after)) {
        for (const StoredDetails& row : batch) {
            if (records::isCompressed(row.log)) continue;
            // Byte for byte, damaged text included: it reads back exactly as damaged as before.
            update.bind(1, row.attempt_id)
                .bindBlob(2, records::isCompressed(row.report) ? row.report : records::compressReport(row.report, row.log))
                .bindBlob(3, records::compressLog(row.log));
            update.run();
            update.reset();
        }
        after = batch.back().attempt_id;
    }
}

// v10: certification evidence at center scale (issue 12: `certify status` over 1M attempts).
// evidence_totals groups a trainee's attempts by everything certification reads of one but the
// time (scenario, title, SOP version, assessment mode, passed, critical breach, stars) and
// keeps the count and the first and last finish; quiz_totals does the same for quizzes. Kept
// by triggers in the attempt's own transaction, as step_totals is; a deleted row recomputes only
// the bound it was. irregular_times counts finishes not in the canonical UTC form, whose text
// order may not be time order: the reader then falls back to that trainee's raw rows.
constexpr const char* kSchemaV10 = R"sql(
CREATE TABLE evidence_totals (
    trainee_id         INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    scenario_id        TEXT NOT NULL,
    scenario_title     TEXT NOT NULL,
    sop_version        TEXT NOT NULL,
    assessment         INTEGER NOT NULL,
    passed             INTEGER NOT NULL,
    critical_failure   INTEGER NOT NULL,
    stars              INTEGER NOT NULL,
    attempts           INTEGER NOT NULL,
    irregular_times    INTEGER NOT NULL,
    first_finished_at  TEXT NOT NULL,
    last_finished_at   TEXT NOT NULL,
    PRIMARY KEY (trainee_id, scenario_id, scenario_title, sop_version, assessment, passed, critical_failure, stars)
) WITHOUT ROWID;
INSERT INTO evidence_totals
    SELECT trainee_id, scenario_id, scenario_title, sop_version, mode = 'assessment', passed, critical_failure, stars,
           count(*), sum(NOT (finished_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')),
           min(finished_at), max(finished_at)
    FROM attempts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TRIGGER evidence_totals_add AFTER INSERT ON attempts BEGIN
    INSERT INTO evidence_totals VALUES (NEW.trainee_id, NEW.scenario_id, NEW.scenario_title, NEW.sop_version,
        NEW.mode = 'assessment', NEW.passed, NEW.critical_failure, NEW.stars, 1,
        NOT (NEW.finished_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
        NEW.finished_at, NEW.finished_at)
    ON CONFLICT DO UPDATE SET
        attempts = attempts + 1,
        irregular_times = irregular_times + excluded.irregular_times,
        first_finished_at = min(first_finished_at, excluded.first_finished_at),
        last_finished_at = max(last_finished_at, excluded.last_finished_at);
END;

CREATE TRIGGER evidence_totals_remove AFTER DELETE ON attempts BEGIN
    UPDATE evidence_totals SET
        attempts = attempts - 1,
        irregular_times = irregular_times - (NOT (OLD.finished_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')),
        first_finished_at = CASE WHEN first_finished_at <> OLD.finished_at THEN first_finished_at
            ELSE coalesce((SELECT min(a.finished_at) FROM attempts a WHERE a.trainee_id = OLD.trainee_id AND a.scenario_id = OLD.scenario_id
              AND a.scenario_title = OLD.scenario_title AND a.sop_version = OLD.sop_version
              AND (a.mode = 'assessment') = (OLD.mode = 'assessment') AND a.passed = OLD.passed
              AND a.critical_failure = OLD.critical_failure AND a.stars = OLD.stars), '') END,
        last_finished_at = CASE WHEN last_finished_at <> OLD.finished_at THEN last_finished_at
            ELSE coalesce((SELECT max(a.finished_at) FROM attempts a WHERE a.trainee_id = OLD.trainee_id AND a.scenario_id = OLD.scenario_id
              AND a.scenario_title = OLD.scenario_title AND a.sop_version = OLD.sop_version
              AND (a.mode = 'assessment') = (OLD.mode = 'assessment') AND a.passed = OLD.passed
              AND a.critical_failure = OLD.critical_failure AND a.stars = OLD.stars), '') END
    WHERE trainee_id = OLD.trainee_id AND scenario_id = OLD.scenario_id AND scenario_title = OLD.scenario_title
      AND sop_version = OLD.sop_version AND assessment = (OLD.mode = 'assessment') AND passed = OLD.passed
      AND critical_failure = OLD.critical_failure AND stars = OLD.stars;
    DELETE FROM evidence_totals WHERE trainee_id = OLD.trainee_id AND scenario_id = OLD.scenario_id AND scenario_title = OLD.scenario_title
      AND sop_version = OLD.sop_version AND assessment = (OLD.mode = 'assessment') AND passed = OLD.passed
      AND critical_failure = OLD.critical_failure AND stars = OLD.stars
      AND attempts <= 0;
END;

CREATE TABLE quiz_totals (
    trainee_id         INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    exam_id            TEXT NOT NULL,
    sop_version        TEXT NOT NULL,
    practice           INTEGER NOT NULL,
    score_percent      INTEGER NOT NULL,
    passed             INTEGER NOT NULL,
    attempts           INTEGER NOT NULL,
    irregular_times    INTEGER NOT NULL,
    first_finished_at  TEXT NOT NULL,
    last_finished_at   TEXT NOT NULL,
    PRIMARY KEY (trainee_id, exam_id, sop_version, practice, score_percent, passed)
) WITHOUT ROWID;
INSERT INTO quiz_totals
    SELECT trainee_id, exam_id, sop_version, mode = 'practice', score_percent, passed, count(*),
           sum(NOT (finished_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')),
           min(finished_at), max(finished_at)
    FROM quiz_attempts GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER quiz_totals_add AFTER INSERT ON quiz_attempts BEGIN
    INSERT INTO quiz_totals VALUES (NEW.trainee_id, NEW.exam_id, NEW.sop_version, NEW.mode = 'practice',
        NEW.score_percent, NEW.passed, 1,
        NOT (NEW.finished_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
        NEW.finished_at, NEW.finished_at)
    ON CONFLICT DO UPDATE SET
        attempts = attempts + 1,
        irregular_times = irregular_times + excluded.irregular_times,
        first_finished_at = min(first_finished_at, excluded.first_finished_at),
        last_finished_at = max(last_finished_at, excluded.last_finished_at);
END;

CREATE TRIGGER quiz_totals_remove AFTER DELETE ON quiz_attempts BEGIN
    UPDATE quiz_totals SET
        attempts = attempts - 1,
        irregular_times = irregular_times - (NOT (OLD.finished_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')),
        first_finished_at = CASE WHEN first_finished_at <> OLD.finished_at THEN first_finished_at
            ELSE coalesce((SELECT min(q.finished_at) FROM quiz_attempts q WHERE q.trainee_id = OLD.trainee_id AND q.exam_id = OLD.exam_id AND q.sop_version = OLD.sop_version
              AND q.mode = OLD.mode AND q.score_percent = OLD.score_percent AND q.passed = OLD.passed), '') END,
        last_finished_at = CASE WHEN last_finished_at <> OLD.finished_at THEN last_finished_at
            ELSE coalesce((SELECT max(q.finished_at) FROM quiz_attempts q WHERE q.trainee_id = OLD.trainee_id AND q.exam_id = OLD.exam_id AND q.sop_version = OLD.sop_version
              AND q.mode = OLD.mode AND q.score_percent = OLD.score_percent AND q.passed = OLD.passed), '') END
    WHERE trainee_id = OLD.trainee_id AND exam_id = OLD.exam_id AND sop_version = OLD.sop_version
      AND practice = (OLD.mode = 'practice') AND score_percent = OLD.score_percent AND passed = OLD.passed;
    DELETE FROM quiz_totals WHERE trainee_id = OLD.trainee_id AND exam_id = OLD.exam_id AND sop_version = OLD.sop_version
      AND practice = (OLD.mode = 'practice') AND score_percent = OLD.score_percent AND passed = OLD.passed
      AND attempts <= 0;
END;
)sql";

// v11: trainee PINs on a local file (issue 11), asked when the trainee_pin_digits setting is on:
// one argon2id hash per profile, never the PIN. Wrong PINs in a row are counted here, not in a
// window, so neither the CLI nor a restart resets the pause that follows too many. Setting and
// resetting a PIN joins the audit trail (its CHECK widened in place as v6 did for channels).
constexpr const char* kSchemaV11 = R"sql(
CREATE TABLE trainee_pins (
    trainee_id    INTEGER PRIMARY KEY REFERENCES trainees(id) ON DELETE CASCADE,
    hash          TEXT NOT NULL,
    set_at        TEXT NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    paused_until  TEXT NOT NULL DEFAULT ''
);
)sql";
constexpr const char* kAuditActionsV4 = "'manager.password')";
constexpr const char* kAuditActionsV11 = "'manager.password', 'trainee.pin')";

void widenAuditActions(sqlite3* db) { widenCheck(db, "audit", kAuditActionsV4, kAuditActionsV11, 11); }

constexpr std::array<Migration, 11> kMigrations{{
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
    {4, kSchemaV4},
    {5, kSchemaV5},
    {6, "", widenChannelCheck},
    {7, kSchemaV7},
    {8, kSchemaV8},
    {9, "", compressAttemptDetails},
    {10, kSchemaV10},
    {11, kSchemaV11, widenAuditActions},
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
            if (m.apply) m.apply(db);
            sql::exec(db, ("PRAGMA user_version = " + std::to_string(m.version)).c_str());
        }
        tx.commit();
    }
}

}  // namespace frontline::store_schema
