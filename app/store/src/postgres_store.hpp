#pragma once
// The PostgreSQL backend: a center's server shared by every desk. Same records and the same
// guarantees as SQLite (an attempt with its step rows in one transaction, step_totals kept by
// triggers in it), errors in plain words (pg.hpp).
#include <functional>
#include <mutex>
#include <string>
#include "frontline/store.hpp"
#include "pg.hpp"

namespace frontline {

class PostgresStore final : public StoreBackend {
public:
    // Connects, then creates or upgrades the schema. Throws StoreError (Unreachable when the
    // server cannot be reached, Denied when the login is refused, TooNew for a newer schema).
    PostgresStore(const std::string& uri, const StoreOptions& options);
    ~PostgresStore() override;

    std::string locator() const override { return locator_; }
    std::filesystem::path dataDirectory() const override { return defaultDatabasePath().parent_path(); }
    bool readOnly() const override { return false; }
    std::string writeProblem(int wait_ms) const override;
    std::string integrityProblem() const override;
    void interrupt() const override;
    void leaveUntouchedOnClose() override {}
    int schemaVersion() const override;
    int latestSchemaVersion() const override;

    Trainee createTrainee(const std::string& name, const std::string& team) override;
    std::optional<Trainee> trainee(std::int64_t id) const override;
    std::optional<Trainee> traineeByName(const std::string& name) const override;
    Trainee traineeByNameOrCreate(const std::string& name, const std::string& team) override;
    std::vector<Trainee> trainees() const override;

    std::int64_t recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                               const ScoreReport& report, const std::string& started_at,
                               const std::string& finished_at) override;
    std::optional<AttemptRecord> attempt(std::int64_t id) const override;
    std::vector<AttemptRecord> attempts(std::int64_t trainee_id, int limit) const override;
    int attemptCount(std::int64_t trainee_id) const override;
    std::int64_t findAttempt(std::int64_t trainee_id, const std::string& scenario_id, const std::string& started_at,
                             const std::string& finished_at) const override;
    std::vector<AttemptSummary> attemptSummaries(std::int64_t trainee_id) const override;
    std::vector<StepStat> stepStats(std::int64_t trainee_id) const override;
    std::vector<TraineeStepStat> stepStatsByTrainee() const override;
    std::vector<WeekStat> weeklyStats(std::int64_t trainee_id, const std::string& team) const override;
    std::vector<TraineeActivity> traineeActivity() const override;
    EvidenceTotals evidenceTotals(std::int64_t trainee_id) const override;

    std::int64_t recordQuizAttempt(const QuizAttemptRecord& q) override;
    std::vector<QuizAttemptRecord> quizAttempts(std::int64_t trainee_id) const override;

    void insertCertificate(const CertificateRecord& c) override;
    std::optional<CertificateRecord> certificate(const std::string& id) const override;
    std::vector<CertificateRecord> certificates(std::int64_t trainee_id) const override;
    void revokeCertificate(const std::string& id, const std::string& reason, const std::string& when) override;

    OrgSettings settings(const OrgSettings& defaults) const override;
    std::map<std::string, std::string> storedSettings() const override;
    void changeSettings(const nlohmann::json& set, const std::vector<std::string>& remove) override;
    std::optional<std::string> preference(const std::string& key) const override;
    void setPreference(const std::string& key, const std::string& value) override;

    std::vector<AuditEntry> auditTrail(int limit) const override;
    void setActor(const std::string& who) override;
    void addUser(const NewUser& user) override;

    void setTraineeAccount(std::int64_t trainee_id, const std::string& account) override;
    std::map<std::int64_t, std::string> statementIds(StatementRecord kind) const override;
    std::set<std::string> acknowledgedStatements(const std::string& lrs) const override;
    void markAcknowledged(const std::string& lrs, const std::vector<std::string>& statement_ids) override;

    void beginBatch(bool relaxed) override;
    void commitBatch() override;
    void rollbackBatch() noexcept override;

    bool isManager() const override { return manager_; }

    void setStepRowHookForTesting(std::function<void(int)> hook) override { step_row_hook_ = std::move(hook); }
    PGconn* connection() const { return conn_.get(); }

    // The same writes, stored once per UUID: a second call with a UUID the server has returns the
    // first one's id and writes nothing (a desk's outbox re-sending after a crash).
    std::int64_t recordAttemptOnce(const std::string& uuid, std::int64_t trainee_id, const std::string& scenario_title,
                                   const AttemptLog& log, const ScoreReport& report, const std::string& started_at,
                                   const std::string& finished_at);
    std::int64_t recordQuizAttemptOnce(const std::string& uuid, const QuizAttemptRecord& q);
    // True when connected, after trying once to connect again if the connection was lost.
    bool reconnect();
    // What a desk copies to start without the server (desk_cache.hpp): the settings rows as
    // stored (key -> JSON text, storedSettings()) and this login's own preferences.
    std::map<std::string, std::string> ownPreferences() const;

private:
    // The session's own settings (lock wait, encoding): after connecting and after every reset,
    // since a reset connection starts from the server's defaults. Throws StoreError.
    void prepareSession() const;

    pg::Connection conn_;
    std::string locator_;  // the URI without its password
    int lock_timeout_ms_ = 1;
    PGcancel* cancel_ = nullptr;
    mutable std::mutex cancel_mutex_;
    std::function<void(int)> step_row_hook_;
    bool manager_ = false;  // a manager's login, or the owner (DBA): not a trainee
};

}  // namespace frontline
