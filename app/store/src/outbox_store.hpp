#pragma once
// A desk on a center's server. Results (attempts, quiz attempts) that the server cannot take
// because it is unreachable go to a local SQLite outbox, one durable row each with the UUID the
// desk gave the result; they are sent, oldest first, as soon as the server answers again (before
// the next result, on open, or by `frontline sync`). The server stores a UUID once, so a result
// sent twice (a crash between the server's commit and the outbox's delete) is stored once.
// A desk also keeps a copy of what it needs to start and train (desk_cache.hpp: trainee profiles,
// settings, preferences, its role), refreshed whenever the server answers: a desk that starts while
// the server is down opens on that copy. Everything else (history, progress, certificates, Team,
// changing settings, a new profile) needs the server: Unreachable in plain words.
#include <chrono>
#include <filesystem>
#include <memory>
#include "desk_cache.hpp"
#include "postgres_store.hpp"
#include "sqlite.hpp"

namespace frontline {

class OutboxStore final : public StoreBackend {
public:
    // Connects (a server that cannot be reached now is tried again at each call) and opens the
    // outbox for this server in `outbox_dir`. Throws StoreError for anything but Unreachable.
    OutboxStore(const std::string& uri, const StoreOptions& options);

    std::string locator() const override { return locator_; }
    std::unique_ptr<StoreBackend> openReader() const override { return std::make_unique<PostgresStore>(uri_, options_); }
    std::filesystem::path dataDirectory() const override { return defaultDatabasePath().parent_path(); }
    bool readOnly() const override { return false; }
    std::string writeProblem(int wait_ms) const override;
    std::string integrityProblem() const override { return server().integrityProblem(); }
    void interrupt() const override;
    void leaveUntouchedOnClose() override {}
    int schemaVersion() const override { return server().schemaVersion(); }
    int latestSchemaVersion() const override { return server().latestSchemaVersion(); }

    // Offline: the desk's copy; a new profile needs the server.
    Trainee createTrainee(const std::string& name, const std::string& team) override;
    std::optional<Trainee> trainee(std::int64_t id) const override;
    std::optional<Trainee> traineeByName(const std::string& name) const override;
    Trainee traineeByNameOrCreate(const std::string& name, const std::string& team) override;
    std::vector<Trainee> trainees() const override;

    // 0 when the attempt went to the outbox (it has no server id yet).
    std::int64_t recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                               const ScoreReport& report, const std::string& started_at,
                               const std::string& finished_at) override;
    // Id 0 is a result still in the outbox: nothing the server can show yet.
    std::optional<AttemptRecord> attempt(std::int64_t id) const override {
        return id == 0 ? std::nullopt : server().attempt(id);
    }
    std::vector<AttemptRecord> attempts(std::int64_t trainee_id, int limit) const override {
        return server().attempts(trainee_id, limit);
    }
    int attemptCount(std::int64_t trainee_id) const override { return server().attemptCount(trainee_id); }
    // Offline nothing can be found, so the result is recorded (into the outbox) rather than lost.
    std::int64_t findAttempt(std::int64_t trainee_id, const std::string& scenario_id, const std::string& started_at,
                             const std::string& finished_at) const override;
    std::vector<AttemptSummary> attemptSummaries(std::int64_t trainee_id) const override {
        return server().attemptSummaries(trainee_id);
    }
    std::vector<StepStat> stepStats(std::int64_t trainee_id) const override { return server().stepStats(trainee_id); }
    std::vector<TraineeStepStat> stepStatsByTrainee() const override { return server().stepStatsByTrainee(); }
    std::vector<WeekStat> weeklyStats(std::int64_t trainee_id, const std::string& team) const override {
        return server().weeklyStats(trainee_id, team);
    }
    std::vector<TraineeActivity> traineeActivity() const override { return server().traineeActivity(); }
    EvidenceTotals evidenceTotals(std::int64_t trainee_id) const override { return server().evidenceTotals(trainee_id); }

    std::int64_t recordQuizAttempt(const QuizAttemptRecord& q) override;  // 0 when it went to the outbox
    std::vector<QuizAttemptRecord> quizAttempts(std::int64_t trainee_id) const override {
        return server().quizAttempts(trainee_id);
    }

    void insertCertificate(const CertificateRecord& c) override { server().insertCertificate(c); }
    std::optional<CertificateRecord> certificate(const std::string& id) const override { return server().certificate(id); }
    std::vector<CertificateRecord> certificates(std::int64_t trainee_id) const override {
        return server().certificates(trainee_id);
    }
    void revokeCertificate(const std::string& id, const std::string& reason, const std::string& when) override {
        server().revokeCertificate(id, reason, when);
    }

    OrgSettings settings(const OrgSettings& defaults) const override;  // offline: the desk's copy
    std::map<std::string, std::string> storedSettings() const override;  // offline: the desk's copy
    void changeSettings(const nlohmann::json& set, const std::vector<std::string>& remove) override {
        server().changeSettings(set, remove);
    }
    std::optional<std::string> preference(const std::string& key) const override;  // offline: the desk's copy
    void setPreference(const std::string& key, const std::string& value) override;

    std::vector<AuditEntry> auditTrail(int limit) const override { return server().auditTrail(limit); }
    void setActor(const std::string&) override {}
    void addUser(const NewUser& user) override { server().addUser(user); }
    int waitingResults() const override;
    int sendWaitingResults() override;
    bool isManager() const override;  // never waits for the server (asked every frame)
    bool offline() const override { return offline_; }

    void setTraineeAccount(std::int64_t trainee_id, const std::string& account) override {
        server().setTraineeAccount(trainee_id, account);
    }
    std::map<std::int64_t, std::string> statementIds(StatementRecord kind) const override { return server().statementIds(kind); }
    std::set<std::string> acknowledgedStatements(const std::string& lrs) const override {
        return server().acknowledgedStatements(lrs);
    }
    void markAcknowledged(const std::string& lrs, const std::vector<std::string>& statement_ids) override {
        server().markAcknowledged(lrs, statement_ids);
    }
    void beginBatch(bool relaxed) override { server().beginBatch(relaxed); }
    void commitBatch() override { server().commitBatch(); }
    void rollbackBatch() noexcept override;

    void setStepRowHookForTesting(std::function<void(int)> hook) override;

private:
    PostgresStore& server() const;  // connected, or throws StoreError Unreachable
    bool online() const;            // without throwing; refreshes the desk's copy when the server is back
    // Runs `read` on the server and returns true, or returns false while it cannot be reached.
    bool readFromServer(const std::function<void(PostgresStore&)>& read) const;
    void markOffline(const std::string& why) const;
    void refreshCopy() const;
    // Offline and the server never answered this desk: Unreachable naming the server.
    void requireCopy() const;
    void keep(const std::string& uuid, const char* kind, const std::string& payload);
    void sendIfOnline();

    std::string uri_, locator_;
    StoreOptions options_;
    mutable std::unique_ptr<PostgresStore> server_;
    sql::Connection outbox_;
    mutable DeskCache copy_{nullptr};
    // Offline until the server first answers. Reads do not try it again for a moment after it
    // failed (each try may wait for the network); writes always try.
    mutable bool offline_ = true;
    mutable std::string unreachable_why_;
    mutable std::chrono::steady_clock::time_point next_read_try_{};
    std::function<void(int)> step_row_hook_;
};

// The outbox file for a server: `dir` / outbox-<16 hex digits of its locator>.db.
std::filesystem::path outboxFileFor(const std::string& locator, const std::filesystem::path& dir);

}  // namespace frontline
