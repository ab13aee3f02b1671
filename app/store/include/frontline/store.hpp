#pragma once
// The store: a local SQLite file (WAL, foreign keys on, schema version in PRAGMA user_version,
// forward migrations) or a center's PostgreSQL server, behind one interface (StoreBackend). Trainee profiles, attempts with their full event log and per-step scores,
// quiz attempts, certificates and organisation settings. Every attempt is written in one
// transaction. A database that is locked, corrupt, not SQLite, or from a newer Frontline version
// is reported with StoreError and never overwritten or replaced.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/event_log.hpp"
#include "frontline/progression.hpp"
#include "frontline/scoring.hpp"
#include "frontline/settings.hpp"

namespace frontline {

class StoreError : public std::runtime_error {
public:
    // Unreachable: the server cannot be reached (a desk keeps its results until it can). Denied: the
    // database login may not do this (the server refused it).
    enum class Kind { CannotOpen, Locked, Corrupt, NotADatabase, TooNew, Constraint, Io, ReadOnly, Other, Unreachable, Denied };
    StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

// Default database path: $XDG_DATA_HOME/frontline/frontline.db (~/.local/share/frontline/...).
std::filesystem::path defaultDatabasePath();
// Directory for the signing key and exports: the database's directory.
std::filesystem::path dataDirectoryFor(const std::filesystem::path& db_path);

struct Trainee {
    std::int64_t id = 0;
    std::string name;
    std::string team;
    std::string created_at;  // ISO 8601 UTC
    // The id other systems know them by (an LMS login, an e-mail): the xAPI actor's account name.
    // A stable random UUID until the organisation sets one (`frontline trainees set-account`).
    std::string account;
    // A server profile whose login is a manager's (or the database owner's): the manager's own
    // profile, which the Team view, status lists and status exports do not count as a trainee.
    bool manager = false;
};

// A trainee's PIN check (Store::checkTraineePin).
enum class PinOutcome { Right, Wrong, NotSet, Paused };
struct PinCheck {
    PinOutcome outcome = PinOutcome::NotSet;
    int failures = 0;              // wrong PINs in a row, this one included
    std::string paused_until;      // ISO 8601 UTC, when Paused (or Wrong with a pause starting)
};
inline constexpr int kPinFreeTries = 5;
inline constexpr int kPinPauseSeconds = 300;
inline constexpr int kPinMaxDigits = 12;

struct AttemptRecord {
    std::int64_t id = 0;
    std::int64_t trainee_id = 0;
    std::string trainee_name;
    std::string scenario_id;
    int scenario_version = 1;
    std::string scenario_title;
    std::string sop_id;
    std::string sop_version;
    std::string channel;  // call | chat
    std::string started_at;
    std::string finished_at;
    std::string outcome;
    bool passed = false;
    bool critical_failure = false;
    int adherence = 0;
    int points = 0;
    int stars = 0;
    int handle_seconds = 0;
    bool fcr = false;
    double csat = 0;
    int answer_seconds = 0;
    int target_answer_seconds = 0;  // the answer-within target in force for this attempt (0: none)
    std::string mode = "practice";  // practice | assessment (AttemptMode)
    int breaches = 0;               // rules broken, any severity
    std::uint64_t seed = 0;
    AttemptLog log;        // full event log (loaded by attempt(); empty in listings)
    ScoreReport report;    // full report (loaded by attempt(); summary fields only in listings)
};

struct StepStat {
    std::string step;
    int attempts = 0;       // attempts where the step was required
    int missed = 0;         // not covered
    int out_of_order = 0;
    double mean_score = 0;  // 0..100
};

// The manager's dashboard (issue 12): each read from rows kept in the same transaction as the
// attempt, so it costs a few rows per trainee however long the history.
// One cell of the trainee x SOP-step heatmap: the mean score of one step over one trainee's
// attempts where the step was required.
struct TraineeStepStat {
    std::int64_t trainee_id = 0;
    std::string step;
    int attempts = 0;
    double mean_score = 0;  // 0..100
};
// One week of attempts (week = the Monday, YYYY-MM-DD, UTC, of finished_at).
struct WeekStat {
    std::string week;
    int attempts = 0;
    int passed = 0;
    double mean_adherence = 0;  // 0..100
    int critical_breaches = 0;  // attempts that broke a critical rule
};
// Per trainee: how many attempts, when they last finished one, their best exam-mode quiz score.
struct TraineeActivity {
    std::int64_t trainee_id = 0;
    int attempts = 0;
    std::string last_activity;  // finished_at of their newest attempt, "" for none
    int best_quiz_percent = -1;  // -1: no exam taken
};

// Certification evidence at center scale (issue 12): a trainee's attempts grouped by everything
// certification reads of one (the time aside), kept by triggers in the attempt's own transaction.
// What the groups keep is enough to evaluate a policy exactly as from the raw attempts: only the
// newest finish of a group can be the one a window counts (certs: gatherEvidence).
struct ScenarioEvidenceTotal {
    std::int64_t trainee_id = 0;
    std::string scenario_id, scenario_title, sop_version;
    bool assessment = false, passed = false, critical_failure = false;
    int stars = 0;
    int attempts = 0;
    // Finishes not written as "YYYY-MM-DDTHH:MM:SSZ": text order is then not time order, so the
    // reader must use the raw attempts of that trainee.
    int irregular_times = 0;
    std::string first_finished_at, last_finished_at;  // byte order (the same as time order when regular)
};
struct QuizEvidenceTotal {
    std::int64_t trainee_id = 0;
    std::string exam_id, sop_version;
    bool practice = false;
    int score_percent = 0;
    bool passed = false;
    int attempts = 0;
    int irregular_times = 0;
    std::string first_finished_at, last_finished_at;
};
// A certificate as status reads it: without its signed assertion and scores.
struct CertificateHeader {
    std::int64_t trainee_id = 0;
    std::string id, policy_id, sop_version, issued_at, expires_at;
    std::string revoked_at;  // empty unless revoked
};
struct EvidenceTotals {
    std::vector<ScenarioEvidenceTotal> scenarios;  // by trainee id
    std::vector<QuizEvidenceTotal> quizzes;        // by trainee id
    std::vector<CertificateHeader> certificates;   // by trainee id
};

struct QuizAttemptRecord {
    std::int64_t id = 0;
    std::int64_t trainee_id = 0;
    std::string exam_id;      // question bank / exam id
    std::string mode;         // practice | exam
    std::uint64_t seed = 0;
    std::string started_at, finished_at;
    int score_percent = 0;
    bool passed = false;
    std::string sop_version;
    nlohmann::json detail = nlohmann::json::object();  // per-section results, questions, answers
};

struct CertificateRecord {
    std::string id;  // UUID-like, also in the signed assertion
    std::int64_t trainee_id = 0;
    std::string trainee_name;
    std::string policy_id;
    std::string policy_title;
    std::string sop_version;
    std::string issued_at;   // ISO 8601 UTC
    std::string expires_at;  // ISO 8601 UTC
    std::string verification_code;  // short human code printed on the certificate
    nlohmann::json scores = nlohmann::json::object();  // quiz %, scenario stars…
    std::string revoked_at;      // empty unless revoked
    std::string revoke_reason;
    std::string supersedes;      // id of the certificate this renews, if any
    std::string assertion_json;  // the signed Open Badges assertion as issued
};

// One line of the audit trail: every settings change, certificate issued and revocation.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;       // ISO 8601 UTC
    std::string actor;    // the database login (server), or who the desk said it was (SQLite)
    std::string action;   // settings.change | certificate.issue | certificate.revoke
    std::string subject;  // the setting's key or the certificate's id
    std::string old_value, new_value;  // "" when there was none
};

// A login on a center's server for one agent (frontline team add-user).
struct NewUser {
    std::string login;     // the database login they sign in with
    std::string password;  // sent to the server already hashed (SCRAM), never in clear text
    std::string name;      // their trainee profile (trainees; managers get none unless named)
    std::string team;
    bool manager = false;  // frontline_manager (sees the team, settings, certificates) or frontline_trainee
};

// The records whose xAPI statement id the store keeps (certificate ids are UUIDs already).
enum class StatementRecord { Attempt, QuizAttempt };

struct StoreOptions {
    StoreOptions(int busy_timeout = 5000, bool check = true) : busy_timeout_ms(busy_timeout), integrity_check(check) {}
    int busy_timeout_ms = 5000;   // how long to wait for another process's lock before Locked
    bool integrity_check = true;  // PRAGMA quick_check on open (reads the whole file)
    // Without integrity_check, the check still runs when the file was not closed cleanly (a -wal
    // left beside it: a crash, a power cut, or another program using it right now). The CLI opens
    // this way: a command costs about a bare open, `frontline check` runs the full check.
    bool check_after_unclean_shutdown = true;
    // A server's desk: where results wait while the server is unreachable ("" = the user's data
    // folder, $XDG_DATA_HOME/frontline/outbox).
    std::filesystem::path outbox_dir;
};

// What a database does, whichever engine keeps it: SQLite (a local file, the default) or
// PostgreSQL (a center's server). Store is the handle callers hold; the backends implement this.
// Every method may throw StoreError with a message in plain words (never the engine's raw text).
class StoreBackend {
public:
    virtual ~StoreBackend() = default;

    virtual std::string locator() const = 0;  // the file path, or the URI without its password
    // Where this desk keeps its signing key, exports and recovery files: the database file's
    // folder for SQLite, the user's own data folder for a server.
    virtual std::filesystem::path dataDirectory() const = 0;
    virtual bool readOnly() const = 0;
    virtual std::string writeProblem(int wait_ms) const = 0;
    virtual std::string integrityProblem() const = 0;
    virtual void interrupt() const = 0;  // thread-safe: stops the running statement
    virtual void leaveUntouchedOnClose() = 0;
    virtual int schemaVersion() const = 0;
    virtual int latestSchemaVersion() const = 0;

    virtual Trainee createTrainee(const std::string& name, const std::string& team) = 0;
    virtual std::optional<Trainee> trainee(std::int64_t id) const = 0;
    virtual std::optional<Trainee> traineeByName(const std::string& name) const = 0;
    virtual Trainee traineeByNameOrCreate(const std::string& name, const std::string& team) = 0;
    virtual std::vector<Trainee> trainees() const = 0;

    virtual std::int64_t recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                                       const ScoreReport& report, const std::string& started_at,
                                       const std::string& finished_at) = 0;
    virtual std::optional<AttemptRecord> attempt(std::int64_t id) const = 0;
    virtual std::vector<AttemptRecord> attempts(std::int64_t trainee_id, int limit) const = 0;
    virtual int attemptCount(std::int64_t trainee_id) const = 0;
    virtual std::int64_t findAttempt(std::int64_t trainee_id, const std::string& scenario_id, const std::string& started_at,
                                     const std::string& finished_at) const = 0;
    virtual std::vector<AttemptSummary> attemptSummaries(std::int64_t trainee_id) const = 0;
    virtual std::vector<StepStat> stepStats(std::int64_t trainee_id) const = 0;
    virtual std::vector<TraineeStepStat> stepStatsByTrainee() const = 0;
    virtual std::vector<WeekStat> weeklyStats(std::int64_t trainee_id, const std::string& team) const = 0;
    virtual std::vector<TraineeActivity> traineeActivity() const = 0;
    virtual EvidenceTotals evidenceTotals(std::int64_t trainee_id) const = 0;

    virtual std::int64_t recordQuizAttempt(const QuizAttemptRecord& q) = 0;
    virtual std::vector<QuizAttemptRecord> quizAttempts(std::int64_t trainee_id) const = 0;

    virtual void insertCertificate(const CertificateRecord& c) = 0;
    virtual std::optional<CertificateRecord> certificate(const std::string& id) const = 0;
    virtual std::vector<CertificateRecord> certificates(std::int64_t trainee_id) const = 0;
    virtual void revokeCertificate(const std::string& id, const std::string& reason, const std::string& when) = 0;

    virtual OrgSettings settings(const OrgSettings& defaults) const = 0;
    // The organisation's overrides as stored: key -> JSON text of the value.
    virtual std::map<std::string, std::string> storedSettings() const = 0;
    // In one transaction: stores each key of `set` (an object) as an override and removes the
    // overrides of `remove`; every change is written to the audit trail.
    virtual void changeSettings(const nlohmann::json& set, const std::vector<std::string>& remove) = 0;
    virtual std::optional<std::string> preference(const std::string& key) const = 0;
    virtual void setPreference(const std::string& key, const std::string& value) = 0;

    // A caller's transaction around many writes (bulk loads); each write inside stays atomic.
    // `relaxed` trades durability of this batch for speed (benchmark fixtures, imports).
    virtual std::vector<AuditEntry> auditTrail(int limit) const = 0;
    virtual void addUser(const NewUser& user) = 0;
    // Who the audit trail names for this connection's changes on SQLite (a server names its login).
    virtual void setActor(const std::string& who) = 0;

    // A desk on a server keeps what it could not send in a local outbox (outbox.hpp).
    virtual int waitingResults() const { return 0; }
    virtual int sendWaitingResults() { return 0; }
    // A desk whose server did not answer its last request (it runs on its copy: outbox_store.hpp).
    virtual bool offline() const { return false; }
    // Who this connection is, for what the UI offers (the server enforces it regardless).
    virtual bool isManager() const { return true; }
    // A local file's manager password (a server has logins instead: never set there).
    virtual bool managerPasswordSet() const { return false; }
    virtual void setManagerPassword(const std::string&) {
        throw StoreError(StoreError::Kind::Other, "a center's server uses its own logins, not a manager password");
    }
    virtual bool checkManagerPassword(const std::string&) const { return false; }
    // A local file's trainee PINs (a server has logins instead: never set there). See Store.
    virtual bool traineePinSet(std::int64_t) const { return false; }
    virtual void setTraineePin(std::int64_t, const std::string&, int) {
        throw StoreError(StoreError::Kind::Other, "a center's server signs agents in with their own logins, not PINs");
    }
    virtual PinCheck checkTraineePin(std::int64_t, const std::string&) { return {PinOutcome::NotSet, 0, {}}; }
    virtual void resetTraineePin(std::int64_t) {
        throw StoreError(StoreError::Kind::Other, "a center's server signs agents in with their own logins, not PINs");
    }

    // Records that leave Frontline (xAPI): see Store.
    virtual void setTraineeAccount(std::int64_t trainee_id, const std::string& account) = 0;
    virtual std::map<std::int64_t, std::string> statementIds(StatementRecord kind) const = 0;
    virtual std::set<std::string> acknowledgedStatements(const std::string& lrs) const = 0;
    virtual void markAcknowledged(const std::string& lrs, const std::vector<std::string>& statement_ids) = 0;

    virtual void beginBatch(bool relaxed) = 0;
    virtual void commitBatch() = 0;
    virtual void rollbackBatch() noexcept = 0;

    virtual void setStepRowHookForTesting(std::function<void(int rows_written)> hook) = 0;

    // A second connection to the same server for a worker thread (nullptr: the engine has none to
    // offer here; Store::openReader then opens a file by its path).
    virtual std::unique_ptr<StoreBackend> openReader() const { return nullptr; }
};

// The handle every caller holds (a value: movable, not copyable) over one backend.
class Store {
public:
    // The SQLite file at `path`. Opens (creating if missing, with its parent directories,
    // owner-only: 0600 file, 0700 folders) and migrates to the current schema. A file that cannot
    // be written (or whose folder cannot take the -wal) opens read-only, to browse: readOnly()
    // says so and writes throw StoreError ReadOnly. Throws StoreError; on Locked, Corrupt,
    // NotADatabase, TooNew and a refused read-only open the file is left byte-for-byte as it
    // was, a -wal beside it included. ":memory:" gives an in-memory database (tests); an empty
    // path is refused.
    static Store open(const std::filesystem::path& path);
    static Store open(const std::filesystem::path& path, const StoreOptions& options);
    explicit Store(std::unique_ptr<StoreBackend> backend);
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // The whole-database check open() runs unless told not to: "" when sound, else the same
    // Corrupt message open() would give (nothing is changed). interrupt() from another thread
    // stops it early: that throws a StoreError that is not Corrupt, as does any other failure.
    std::string integrityProblem() const { return backend_->integrityProblem(); }
    void interrupt() const { backend_->interrupt(); }
    // Throws StoreError Corrupt when integrityProblem() finds damage.
    void checkIntegrity() const;
    // Closing this connection will write nothing (SQLite: no WAL checkpoint): for a database
    // found damaged after it was opened (the window's background check).
    void leaveUntouchedOnClose() { backend_->leaveUntouchedOnClose(); }
    bool readOnly() const { return backend_->readOnly(); }
    // Why a write would fail right now, in plain words, or "" when it would not: asked when a call
    // is answered, so a trainee knows before playing that the attempt will go to the recovery
    // folder. Takes the write lock for an instant (waits at most `wait_ms` for another program).
    std::string writeProblem(int wait_ms = 200) const { return backend_->writeProblem(wait_ms); }

    static int currentSchemaVersion();  // the SQLite schema this build writes
    int schemaVersion() const { return backend_->schemaVersion(); }
    int latestSchemaVersion() const { return backend_->latestSchemaVersion(); }  // of this backend
    std::string locator() const { return backend_->locator(); }
    std::filesystem::path dataDirectory() const { return backend_->dataDirectory(); }

    // Trainees
    Trainee createTrainee(const std::string& name, const std::string& team) {  // StoreError Constraint if the name exists
        return backend_->createTrainee(name, team);
    }
    std::optional<Trainee> trainee(std::int64_t id) const { return backend_->trainee(id); }
    std::optional<Trainee> traineeByName(const std::string& name) const { return backend_->traineeByName(name); }
    Trainee traineeByNameOrCreate(const std::string& name, const std::string& team = "") {
        return backend_->traineeByNameOrCreate(name, team);
    }
    std::vector<Trainee> trainees() const { return backend_->trainees(); }

    // Attempts: the log, the report and per-step scores in one transaction.
    std::int64_t recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                               const ScoreReport& report, const std::string& started_at, const std::string& finished_at) {
        return backend_->recordAttempt(trainee_id, scenario_title, log, report, started_at, finished_at);
    }
    std::optional<AttemptRecord> attempt(std::int64_t id) const { return backend_->attempt(id); }  // with log and report
    // Newest first; trainee_id 0 = everyone; limit 0 = all.
    std::vector<AttemptRecord> attempts(std::int64_t trainee_id = 0, int limit = 0) const {
        return backend_->attempts(trainee_id, limit);
    }
    int attemptCount(std::int64_t trainee_id = 0) const { return backend_->attemptCount(trainee_id); }
    // The id of this trainee's attempt of `scenario_id` started and finished at these times, or 0:
    // an attempt kept in the recovery folder is never saved twice.
    std::int64_t findAttempt(std::int64_t trainee_id, const std::string& scenario_id, const std::string& started_at,
                             const std::string& finished_at) const {
        return backend_->findAttempt(trainee_id, scenario_id, started_at, finished_at);
    }
    // Every attempt of one trainee, oldest first, as the few columns progression reads (no tags,
    // difficulty or step scores: the caller adds what content knows). Home's points, streaks,
    // badges and stars over a long history without building full records.
    std::vector<AttemptSummary> attemptSummaries(std::int64_t trainee_id) const { return backend_->attemptSummaries(trainee_id); }
    // Per SOP step, in SOP order: how often it was missed / out of order (trainee_id 0 = the
    // whole team). Only rows where the step was required count; missed and out_of_order are
    // disjoint (out_of_order counts covered steps only).
    std::vector<StepStat> stepStats(std::int64_t trainee_id = 0) const { return backend_->stepStats(trainee_id); }
    // The heatmap: one row per trainee and step they were required to cover, by trainee id then
    // SOP order.
    std::vector<TraineeStepStat> stepStatsByTrainee() const { return backend_->stepStatsByTrainee(); }
    // Trends, oldest week first; only weeks with attempts. trainee_id 0 = everyone, team "" =
    // every team (both filters apply together).
    std::vector<WeekStat> weeklyStats(std::int64_t trainee_id = 0, const std::string& team = "") const {
        return backend_->weeklyStats(trainee_id, team);
    }
    // Every trainee (those with no attempt too), by id.
    std::vector<TraineeActivity> traineeActivity() const { return backend_->traineeActivity(); }
    // The certification evidence groups and certificates of one trainee (0 = every trainee the
    // login may see: one read for a whole center). A few rows per trainee however long the history.
    EvidenceTotals evidenceTotals(std::int64_t trainee_id = 0) const { return backend_->evidenceTotals(trainee_id); }

    // Quiz attempts
    std::int64_t recordQuizAttempt(const QuizAttemptRecord& q) { return backend_->recordQuizAttempt(q); }
    std::vector<QuizAttemptRecord> quizAttempts(std::int64_t trainee_id = 0) const { return backend_->quizAttempts(trainee_id); }

    // Certificates (history kept: renewals add a new row, revocation marks a row)
    void insertCertificate(const CertificateRecord& c) { backend_->insertCertificate(c); }
    std::optional<CertificateRecord> certificate(const std::string& id) const { return backend_->certificate(id); }
    std::vector<CertificateRecord> certificates(std::int64_t trainee_id = 0) const {  // newest first
        return backend_->certificates(trainee_id);
    }
    // StoreError Other if there is no such certificate; revoking twice keeps the first revocation.
    void revokeCertificate(const std::string& id, const std::string& reason, const std::string& when) {
        backend_->revokeCertificate(id, reason, when);
    }

    // Organisation settings, in one order: the content's defaults (settings.json), then the
    // overrides the organisation set in the database, key by key — a key without an override
    // follows settings.json, however it is edited later. A stored value of the wrong type
    // (hand-edited file) is skipped, so that key falls back to its default.
    OrgSettings settings(const OrgSettings& defaults) const { return backend_->settings(defaults); }
    // The overrides (key -> value); unknown keys and unreadable values
    // are left out, as settings() leaves them out.
    nlohmann::json settingOverrides() const;
    // Overrides the keys of `values` (an object); throws std::invalid_argument naming the key and
    // its range for an unknown key or a value out of range, before anything is written.
    void setSettings(const nlohmann::json& values);
    // Removes the overrides of `keys` (all of them when empty): those keys follow the defaults again.
    void resetSettings(const std::vector<std::string>& keys = {});
    // Overrides only the keys whose value differs between `edited` and `shown` (what a manager
    // changed on a form showing `shown`).
    void saveSettingChanges(const OrgSettings& edited, const OrgSettings& shown);
    // Overrides every key with the value `s` holds, unchecked (test fixtures, a whole imported set).
    void saveSettings(const OrgSettings& s) { backend_->changeSettings(settingsToJson(s), {}); }

    // Raw key/value for small app preferences (UI scale, sound, last trainee).
    std::optional<std::string> preference(const std::string& key) const { return backend_->preference(key); }
    void setPreference(const std::string& key, const std::string& value) { backend_->setPreference(key, value); }

    // The audit trail, newest first (limit 0 = all). Settings changes (one line per key changed,
    // old -> new), certificates issued and revoked are written in the same transaction as the
    // change itself; on a server by triggers, so a change made with psql is recorded too.
    std::vector<AuditEntry> auditTrail(int limit = 0) const { return backend_->auditTrail(limit); }
    // SQLite: the name the audit trail gives this desk's changes (default: the user's login name).
    // A server records its database login whatever this says.
    void setActor(const std::string& who) { backend_->setActor(who); }

    // Server only, manager only: creates the agent's login in the group role of their role and
    // their trainee profile. Throws StoreError: Denied for a login that is not a manager (the
    // server refuses), Constraint when the login or name exists, Other on a local SQLite file.
    void addUser(const NewUser& user) { backend_->addUser(user); }

    // A desk whose server is unreachable keeps results in a local outbox: how many are waiting,
    // and sending them now (each exactly once). Returns how many were sent. Always 0 on a file.
    int waitingResults() const { return backend_->waitingResults(); }
    int sendWaitingResults() { return backend_->sendWaitingResults(); }
    // A server's desk that could not reach it at its last request: it trains on its own copy of the
    // trainee profiles and settings, and keeps results in the outbox. Never true on a file.
    bool offline() const { return backend_->offline(); }
    // Whether this connection may change settings, see the team, issue and revoke: always on a
    // local file (its manager password is asked by the front end), a manager's login on a server.
    bool isManager() const { return backend_->isManager(); }

    // On a local file, a manager password (argon2id, libsodium) guards Settings, Team, issuing
    // and revoking; the front ends ask for it when it is set. The first one set makes the first
    // manager; changing it is the caller's to allow (it asks for the current one). Trainees keep
    // one-click profiles. Setting it is in the audit trail (never the password or its hash).
    bool managerPasswordSet() const { return backend_->managerPasswordSet(); }
    void setManagerPassword(const std::string& password) { backend_->setManagerPassword(password); }
    bool checkManagerPassword(const std::string& password) const { return backend_->checkManagerPassword(password); }

    // On a local file, with the trainee_pin_digits setting above 0, each trainee signs in with a
    // PIN of their own (argon2id, libsodium). A profile without one chooses it at its next sign-in;
    // a manager's reset clears it for that. setTraineePin throws Constraint for a PIN that is not
    // min_digits to 12 digits, or when the profile has one already (only a reset clears it).
    // Checking counts wrong PINs in a row in the file: after kPinFreeTries, each further try waits
    // kPinPauseSeconds after the last wrong one (Paused, not checked). Setting and resetting are
    // audited (never the PIN). A server has logins instead: nothing set, NotSet on every check.
    bool traineePinSet(std::int64_t trainee_id) const { return backend_->traineePinSet(trainee_id); }
    void setTraineePin(std::int64_t trainee_id, const std::string& pin, int min_digits) {
        backend_->setTraineePin(trainee_id, pin, min_digits);
    }
    PinCheck checkTraineePin(std::int64_t trainee_id, const std::string& pin) { return backend_->checkTraineePin(trainee_id, pin); }
    void resetTraineePin(std::int64_t trainee_id) { backend_->resetTraineePin(trainee_id); }

    // Records that leave Frontline (xAPI, issue 12).
    // The trainee's account id (their xAPI actor name): StoreError Constraint when another trainee
    // has it, Other when there is no such trainee.
    void setTraineeAccount(std::int64_t trainee_id, const std::string& account) {
        backend_->setTraineeAccount(trainee_id, account);
    }
    // Record id -> the UUID its statements carry, kept with the record (a re-export repeats it).
    std::map<std::int64_t, std::string> statementIds(StatementRecord kind) const { return backend_->statementIds(kind); }
    // The statement ids the LRS at `lrs` (its URL) acknowledged, so a rerun sends only the rest.
    std::set<std::string> acknowledgedStatements(const std::string& lrs) const { return backend_->acknowledgedStatements(lrs); }
    void markAcknowledged(const std::string& lrs, const std::vector<std::string>& statement_ids) {
        backend_->markAcknowledged(lrs, statement_ids);
    }

    // Many writes in one transaction: rolled back on destruction unless committed.
    class Batch {
    public:
        Batch(Store& store, bool relaxed = false);
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        ~Batch();
        void commit();

    private:
        StoreBackend* backend_;
        bool done_ = false;
    };

    // Crash-safety tests: called inside recordAttempt's transaction after each step-score row is
    // written, with the number written so far. Throwing from it (or _exit) must leave no trace.
    void setStepRowHookForTesting(std::function<void(int rows_written)> hook) {
        backend_->setStepRowHookForTesting(std::move(hook));
    }
    // Another connection to this database for reading on a worker thread (a connection belongs to
    // one thread): the Team view loads on one so the window never waits. nullopt for an in-memory
    // database, which no second connection can see. Throws StoreError (an unreachable server).
    std::optional<Store> openReader() const;
    StoreBackend& backend() const { return *backend_; }  // tests and benchmarks of one engine

private:
    std::unique_ptr<StoreBackend> backend_;
};

// Where the database is: a file path or a postgresql:// (postgres://) URI.
bool isServerLocator(const std::string& locator);
// The database this desk uses: `from_command_line` (--db) when given, else $FRONTLINE_DB, else the
// `database = ...` line of the desk settings file (deskSettingsPath(); for IT to set once), else
// defaultDatabasePath(). Throws StoreError CannotOpen for a settings file line it cannot read.
std::string databaseLocator(const std::optional<std::string>& from_command_line);
// $XDG_CONFIG_HOME/frontline/desk.conf (~/.config/frontline/desk.conf).
std::filesystem::path deskSettingsPath();
// Opens the database a locator names: SQLite for a path, PostgreSQL for a URI.
Store openStore(const std::string& locator, const StoreOptions& options = {});
// The locator with any password removed, fit to print and to name the database in files.
std::string displayLocator(const std::string& locator);

// Current time as ISO 8601 UTC "2026-11-23T09:41:00Z".
std::string nowUtcIso();

}  // namespace frontline
