#pragma once
// The SQLite backend: one local file, shared by the store's SQLite sources (open / attempts /
// records). Tests and benchmarks of this engine reach its connection through sqliteHandle().
#include <functional>
#include <string>
#include <nlohmann/json.hpp>
#include "frontline/store.hpp"
#include "record_text.hpp"
#include "sqlite.hpp"

namespace frontline {

class SqliteStore final : public StoreBackend {
public:
    SqliteStore(sql::Connection db, std::filesystem::path path, bool read_only, int busy_timeout_ms)
        : db_(std::move(db)), path_(std::move(path)), read_only_(read_only), busy_timeout_ms_(busy_timeout_ms),
          actor_(records::defaultActor()) {}

    std::string locator() const override { return path_.string(); }
    std::filesystem::path dataDirectory() const override { return dataDirectoryFor(path_); }
    bool readOnly() const override { return read_only_; }
    std::string writeProblem(int wait_ms) const override;
    std::string integrityProblem() const override;
    void interrupt() const override { sqlite3_interrupt(db_.get()); }
    void leaveUntouchedOnClose() override;
    int schemaVersion() const override;
    int latestSchemaVersion() const override { return Store::currentSchemaVersion(); }

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
    bool managerPasswordSet() const override;
    void setManagerPassword(const std::string& password) override;
    bool checkManagerPassword(const std::string& password) const override;
    bool traineePinSet(std::int64_t trainee_id) const override;
    void setTraineePin(std::int64_t trainee_id, const std::string& pin, int min_digits) override;
    PinCheck checkTraineePin(std::int64_t trainee_id, const std::string& pin) override;
    void resetTraineePin(std::int64_t trainee_id) override;
    std::string traineeNameForAudit(std::int64_t trainee_id) const;  // Other when there is no such trainee

    void setTraineeAccount(std::int64_t trainee_id, const std::string& account) override;
    std::map<std::int64_t, std::string> statementIds(StatementRecord kind) const override;
    std::set<std::string> acknowledgedStatements(const std::string& lrs) const override;
    void markAcknowledged(const std::string& lrs, const std::vector<std::string>& statement_ids) override;

    void beginBatch(bool relaxed) override;
    void commitBatch() override;
    void rollbackBatch() noexcept override;

    void setStepRowHookForTesting(std::function<void(int)> hook) override { step_row_hook_ = std::move(hook); }
    sqlite3* handle() const { return db_.get(); }

private:
    sql::Connection db_;
    std::filesystem::path path_;
    bool read_only_ = false;      // opened to browse: the file or its folder cannot be written
    int busy_timeout_ms_ = 5000;
    bool relaxed_batch_ = false;  // synchronous is OFF until the batch ends
    std::function<void(int)> step_row_hook_;  // tests only: see setStepRowHookForTesting
    std::string actor_;                       // who the audit trail names (setActor)

    void audit(const std::string& action, const std::string& subject, const std::string& old_value,
               const std::string& new_value);
};

// The connection of a Store opened on SQLite (tests and benchmarks); throws std::logic_error
// for a store on another engine.
sqlite3* sqliteHandle(const Store& store);

}  // namespace frontline
