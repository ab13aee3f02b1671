#pragma once
// The local store: one SQLite file (WAL, foreign keys on, schema version in PRAGMA user_version,
// forward migrations). Trainee profiles, attempts with their full event log and per-step scores,
// quiz attempts, certificates and organisation settings. Every attempt is written in one
// transaction. A database that is locked, corrupt, not SQLite, or from a newer Frontline version
// is reported with StoreError and never overwritten or replaced.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/event_log.hpp"
#include "frontline/progression.hpp"
#include "frontline/scoring.hpp"
#include "frontline/settings.hpp"

struct sqlite3;

namespace frontline {

class StoreError : public std::runtime_error {
public:
    enum class Kind { CannotOpen, Locked, Corrupt, NotADatabase, TooNew, Constraint, Io, ReadOnly, Other };
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
};

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

struct StoreOptions {
    int busy_timeout_ms = 5000;   // how long to wait for another process's lock before Locked
    bool integrity_check = true;  // PRAGMA quick_check on open (reads the whole file)
};

class Store {
public:
    // Opens (creating if missing, with its parent directories, owner-only: 0600 file, 0700
    // folders) and migrates to the current schema. A file that cannot be written (or whose folder
    // cannot take the -wal) opens read-only, to browse: readOnly() says so and writes throw
    // StoreError ReadOnly. Throws StoreError; on Locked, Corrupt, NotADatabase, TooNew and a
    // refused read-only open the file is left byte-for-byte as it was, a -wal beside it included.
    // ":memory:" gives an in-memory database (tests); an empty path is refused.
    static Store open(const std::filesystem::path& path);
    static Store open(const std::filesystem::path& path, const StoreOptions& options);
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // PRAGMA quick_check over the whole file, as open() does unless told not to. Throws StoreError
    // Corrupt (the same message as on open; nothing is changed) when the file is damaged. Another
    // thread may stop it with sqlite3_interrupt(handle()); that throws a non-Corrupt StoreError.
    void checkIntegrity() const;
    // Closing this connection will not checkpoint the WAL into the file: for a database found
    // damaged after it was opened (the window's background check), so closing writes nothing.
    void keepWalOnClose();
    bool readOnly() const;
    // Why a write would fail right now, in plain words, or "" when it would not: asked when a call
    // is answered, so a trainee knows before playing that the attempt will go to the recovery
    // folder. Takes the write lock for an instant (waits at most `wait_ms` for another program).
    std::string writeProblem(int wait_ms = 200) const;

    static int currentSchemaVersion();
    int schemaVersion() const;
    const std::filesystem::path& path() const { return path_; }

    // Trainees
    Trainee createTrainee(const std::string& name, const std::string& team);  // StoreError Constraint if the name exists
    std::optional<Trainee> trainee(std::int64_t id) const;
    std::optional<Trainee> traineeByName(const std::string& name) const;
    Trainee traineeByNameOrCreate(const std::string& name, const std::string& team = "");
    std::vector<Trainee> trainees() const;

    // Attempts: the log, the report and per-step scores in one transaction.
    std::int64_t recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                               const ScoreReport& report, const std::string& started_at, const std::string& finished_at);
    std::optional<AttemptRecord> attempt(std::int64_t id) const;  // with log and report
    // Newest first; trainee_id 0 = everyone; limit 0 = all.
    std::vector<AttemptRecord> attempts(std::int64_t trainee_id = 0, int limit = 0) const;
    int attemptCount(std::int64_t trainee_id = 0) const;
    // The id of this trainee's attempt of `scenario_id` started and finished at these times, or 0:
    // an attempt kept in the recovery folder is never saved twice.
    std::int64_t findAttempt(std::int64_t trainee_id, const std::string& scenario_id, const std::string& started_at,
                             const std::string& finished_at) const;
    // Every attempt of one trainee, oldest first, as the few columns progression reads (no tags,
    // difficulty or step scores: the caller adds what content knows). Home's points, streaks,
    // badges and stars over a long history without building full records.
    std::vector<AttemptSummary> attemptSummaries(std::int64_t trainee_id) const;
    // Per SOP step, in SOP order: how often it was missed / out of order (trainee_id 0 = the
    // whole team). Only rows where the step was required count; missed and out_of_order are
    // disjoint (out_of_order counts covered steps only).
    std::vector<StepStat> stepStats(std::int64_t trainee_id = 0) const;

    // Quiz attempts
    std::int64_t recordQuizAttempt(const QuizAttemptRecord& q);
    std::vector<QuizAttemptRecord> quizAttempts(std::int64_t trainee_id = 0) const;

    // Certificates (history kept: renewals add a new row, revocation marks a row)
    void insertCertificate(const CertificateRecord& c);
    std::optional<CertificateRecord> certificate(const std::string& id) const;
    std::vector<CertificateRecord> certificates(std::int64_t trainee_id = 0) const;  // newest first
    // StoreError Other if there is no such certificate; revoking twice keeps the first revocation.
    void revokeCertificate(const std::string& id, const std::string& reason, const std::string& when);

    // Organisation settings: overrides over the content defaults. A stored value of the wrong
    // type (hand-edited file) is skipped, so that key falls back to its default.
    OrgSettings settings(const OrgSettings& defaults) const;
    void saveSettings(const OrgSettings& s);

    // Raw key/value for small app preferences (UI scale, sound, last trainee).
    std::optional<std::string> preference(const std::string& key) const;
    void setPreference(const std::string& key, const std::string& value);

    sqlite3* handle() const;  // for tests and benchmarks

    // Crash-safety tests: called inside recordAttempt's transaction after each step-score row is
    // written, with the number written so far. Throwing from it (or _exit) must leave no trace.
    void setStepRowHookForTesting(std::function<void(int rows_written)> hook);

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl, std::filesystem::path path);
    std::unique_ptr<Impl> impl_;
    std::filesystem::path path_;
};

// Current time as ISO 8601 UTC "2026-11-23T09:41:00Z".
std::string nowUtcIso();

}  // namespace frontline
