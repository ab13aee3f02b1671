#include "outbox_store.hpp"
#include <chrono>
#include <cstdio>
#include <functional>
#include <system_error>
#include <thread>
#include "record_text.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kOutboxSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
CREATE TABLE IF NOT EXISTS outbox (
    seq         INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('attempt', 'quiz')),
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    last_error  TEXT
);
CREATE TABLE IF NOT EXISTS desk_cache (
    part     TEXT PRIMARY KEY,
    value    TEXT NOT NULL,
    kept_at  TEXT NOT NULL
);
COMMIT;
)sql";

// How long reads stay on the desk's copy after the server failed to answer, before trying it again.
constexpr auto kReadRetryPause = std::chrono::seconds(10);

// Several commands of one desk may create its outbox at the same moment. On a new file the switch
// to WAL needs the file to itself, and SQLite reports a clash there at once ("database is locked")
// rather than waiting, so the preparation is tried again for a while before it is an error.
void prepareOutbox(sqlite3* db, const fs::path& file) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        try {
            sql::exec(db, kOutboxSchema, file.string() + ": cannot prepare this desk's outbox");
            return;
        } catch (const StoreError& e) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);  // none may be open: harmless then
            if (e.kind() != StoreError::Kind::Locked) throw;
            if (std::chrono::steady_clock::now() > give_up)
                throw StoreError(e.kind(), file.string() + ": this desk's outbox is held by another Frontline "
                                                           "command that does not let go; try again in a moment");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
}

sql::Connection openOutbox(const fs::path& file) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    fs::permissions(file.parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sql::Connection db(raw);
    if (rc != SQLITE_OK)
        throw StoreError(StoreError::Kind::CannotOpen, file.string() + ": cannot open this desk's outbox for the server");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    sqlite3_busy_timeout(db.get(), 5000);
    prepareOutbox(db.get(), file);
    return db;
}

Json quizToJson(const QuizAttemptRecord& q) {
    return {{"trainee_id", q.trainee_id}, {"exam_id", q.exam_id}, {"mode", q.mode}, {"seed", q.seed},
            {"started_at", q.started_at}, {"finished_at", q.finished_at}, {"score_percent", q.score_percent},
            {"passed", q.passed}, {"sop_version", q.sop_version}, {"detail", q.detail}};
}

QuizAttemptRecord quizFromJson(const Json& j) {
    QuizAttemptRecord q;
    q.trainee_id = j.at("trainee_id").get<std::int64_t>();
    q.exam_id = j.at("exam_id").get<std::string>();
    q.mode = j.at("mode").get<std::string>();
    q.seed = j.at("seed").get<std::uint64_t>();
    q.started_at = j.at("started_at").get<std::string>();
    q.finished_at = j.at("finished_at").get<std::string>();
    q.score_percent = j.at("score_percent").get<int>();
    q.passed = j.at("passed").get<bool>();
    q.sop_version = j.at("sop_version").get<std::string>();
    q.detail = j.at("detail");
    return q;
}

}  // namespace

fs::path outboxFileFor(const std::string& locator, const fs::path& dir) {
    char name[40];
    std::snprintf(name, sizeof name, "outbox-%016llx.db", static_cast<unsigned long long>(std::hash<std::string>{}(locator)));
    return dir / name;
}

OutboxStore::OutboxStore(const std::string& uri, const StoreOptions& options)
    : uri_(uri), locator_(displayLocator(uri)), options_(options) {
    const fs::path dir = options.outbox_dir.empty() ? defaultDatabasePath().parent_path() / "outbox" : options.outbox_dir;
    outbox_ = openOutbox(outboxFileFor(locator_, dir));
    copy_ = DeskCache(outbox_.get());
    online();  // offline: the desk starts on its copy, results wait in the outbox
    sendIfOnline();
}

bool OutboxStore::online() const {
    bool up = false;
    if (server_) {
        up = server_->reconnect();
        if (!up) unreachable_why_ = locator_ + ": " + pg::unreachableWords(server_->connection());
    } else {
        try {
            server_ = std::make_unique<PostgresStore>(uri_, options_);
            if (step_row_hook_) server_->setStepRowHookForTesting(step_row_hook_);
            up = true;
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Unreachable) throw;
            unreachable_why_ = e.what();
        }
    }
    if (!up) {
        markOffline(unreachable_why_);
        return false;
    }
    if (offline_) refreshCopy();  // back (or first) in touch: bring the desk's copy up to date
    return !offline_;
}

void OutboxStore::markOffline(const std::string& why) const {
    offline_ = true;
    if (!why.empty()) unreachable_why_ = why;
    next_read_try_ = std::chrono::steady_clock::now() + kReadRetryPause;
}

// Everything the start-up path reads, in one go, whenever the server answers after not answering.
void OutboxStore::refreshCopy() const {
    try {
        copy_.keepTrainees(server_->trainees());
        copy_.keepSettings(server_->storedSettings());
        copy_.keepPreferences(server_->ownPreferences());
        copy_.keepManager(server_->isManager());
        offline_ = false;
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Unreachable) throw;
        markOffline(e.what());
    }
}

bool OutboxStore::readFromServer(const std::function<void(PostgresStore&)>& read) const {
    if (offline_ && std::chrono::steady_clock::now() < next_read_try_) return false;
    if (!online()) return false;
    try {
        read(*server_);
        return true;
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Unreachable) throw;
        markOffline(e.what());
        return false;
    }
}

void OutboxStore::requireCopy() const {
    if (copy_.filled()) return;
    throw StoreError(StoreError::Kind::Unreachable,
                     unreachable_why_ + "; this desk has never reached it, so it has no trainee profiles or settings to start from");
}

PostgresStore& OutboxStore::server() const {
    if (!online())
        throw StoreError(StoreError::Kind::Unreachable,
                         locator_ + ": this needs the team database, which cannot be reached right now (training goes on: "
                                    "results wait on this desk)");
    return *server_;
}

// ---- what a desk can read offline: its copy ----

std::vector<Trainee> OutboxStore::trainees() const {
    std::vector<Trainee> found;
    if (readFromServer([&](PostgresStore& s) { found = s.trainees(); })) {
        copy_.keepTrainees(found);
        return found;
    }
    requireCopy();
    return copy_.trainees();
}

std::optional<Trainee> OutboxStore::trainee(std::int64_t id) const {
    std::optional<Trainee> found;
    if (readFromServer([&](PostgresStore& s) { found = s.trainee(id); })) {
        if (found) copy_.keepTrainee(*found);
        return found;
    }
    requireCopy();
    return copy_.trainee(id);
}

std::optional<Trainee> OutboxStore::traineeByName(const std::string& name) const {
    std::optional<Trainee> found;
    if (readFromServer([&](PostgresStore& s) { found = s.traineeByName(name); })) {
        if (found) copy_.keepTrainee(*found);
        return found;
    }
    requireCopy();
    return copy_.traineeByName(name);
}

Trainee OutboxStore::createTrainee(const std::string& name, const std::string& team) {
    Trainee added = server().createTrainee(name, team);
    copy_.keepTrainee(added);
    return added;
}

Trainee OutboxStore::traineeByNameOrCreate(const std::string& name, const std::string& team) {
    std::optional<Trainee> found;
    if (readFromServer([&](PostgresStore& s) { found = s.traineeByNameOrCreate(name, team); })) {
        copy_.keepTrainee(*found);
        return *found;
    }
    requireCopy();
    if (auto known = copy_.traineeByName(name)) return *known;
    throw StoreError(StoreError::Kind::Unreachable, locator_ + ": '" + name +
                                                        "' has no profile on this desk yet, and a new profile needs the team "
                                                        "database, which cannot be reached right now");
}

std::map<std::string, std::string> OutboxStore::storedSettings() const {
    std::map<std::string, std::string> stored;
    if (readFromServer([&](PostgresStore& s) { stored = s.storedSettings(); })) {
        copy_.keepSettings(stored);
    } else {
        requireCopy();
        stored = copy_.settings();
    }
    return stored;
}

OrgSettings OutboxStore::settings(const OrgSettings& defaults) const {
    OrgSettings result = defaults;
    for (const auto& [key, value] : storedSettings()) result = records::applyStoredSetting(result, key, value);
    return result;
}

std::optional<std::string> OutboxStore::preference(const std::string& key) const {
    std::optional<std::string> found;
    if (readFromServer([&](PostgresStore& s) { found = s.preference(key); })) {
        if (found) copy_.keepPreference(key, *found);
        return found;
    }
    requireCopy();
    return copy_.preference(key);
}

void OutboxStore::setPreference(const std::string& key, const std::string& value) {
    server().setPreference(key, value);
    copy_.keepPreference(key, value);
}

// A server lost since the last request fails the first statement: that is offline too, not an error.
std::int64_t OutboxStore::findAttempt(std::int64_t trainee_id, const std::string& scenario_id, const std::string& started_at,
                                      const std::string& finished_at) const {
    std::int64_t found = 0;
    readFromServer([&](PostgresStore& s) { found = s.findAttempt(trainee_id, scenario_id, started_at, finished_at); });
    return found;
}

bool OutboxStore::isManager() const {
    if (server_ && !offline_) return server_->isManager();
    return copy_.manager();
}

std::string OutboxStore::writeProblem(int wait_ms) const {
    // Nothing stops a result being kept: offline, it waits in the outbox.
    return online() ? server_->writeProblem(wait_ms) : "";
}

void OutboxStore::interrupt() const {
    if (server_) server_->interrupt();
}

void OutboxStore::rollbackBatch() noexcept {
    if (server_) server_->rollbackBatch();
}

void OutboxStore::setStepRowHookForTesting(std::function<void(int)> hook) {
    step_row_hook_ = hook;
    if (server_) server_->setStepRowHookForTesting(std::move(hook));
}

void OutboxStore::keep(const std::string& uuid, const char* kind, const std::string& payload) {
    sql::Statement insert(outbox_.get(), "INSERT INTO outbox (uuid, kind, payload, created_at) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, uuid).bind(2, kind).bind(3, payload).bind(4, nowUtcIso());
    insert.run();  // autocommit, synchronous FULL: on disk before we return
}

std::int64_t OutboxStore::recordAttempt(std::int64_t trainee_id, const std::string& scenario_title, const AttemptLog& log,
                                        const ScoreReport& report, const std::string& started_at,
                                        const std::string& finished_at) {
    const std::string uuid = records::newUuid();
    try {
        sendIfOnline();  // older results first
        return server().recordAttemptOnce(uuid, trainee_id, scenario_title, log, report, started_at, finished_at);
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Unreachable) throw;
        markOffline(e.what());
    }
    const Json payload = {{"trainee_id", trainee_id}, {"scenario_title", scenario_title}, {"log", Json(log)},
                          {"report", Json(report)}, {"started_at", started_at}, {"finished_at", finished_at}};
    keep(uuid, "attempt", records::toJsonText(payload));
    return 0;
}

std::int64_t OutboxStore::recordQuizAttempt(const QuizAttemptRecord& q) {
    const std::string uuid = records::newUuid();
    try {
        sendIfOnline();
        return server().recordQuizAttemptOnce(uuid, q);
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Unreachable) throw;
        markOffline(e.what());
    }
    keep(uuid, "quiz", records::toJsonText(quizToJson(q)));
    return 0;
}

int OutboxStore::waitingResults() const {
    sql::Statement q(outbox_.get(), "SELECT count(*) FROM outbox");
    return q.step() ? q.integer(0) : 0;
}

void OutboxStore::sendIfOnline() {
    if (waitingResults() == 0) return;
    try {
        sendWaitingResults();
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Unreachable) throw;
        markOffline(e.what());
    }
}

// Oldest first; each is deleted from the outbox only after the server committed it. A result the
// server refuses for good (its trainee was deleted, say) stays, with the reason, for IT to see.
int OutboxStore::sendWaitingResults() {
    PostgresStore& to = server();
    sql::Statement next(outbox_.get(), "SELECT seq, uuid, kind, payload FROM outbox ORDER BY seq");
    struct Waiting {
        std::int64_t seq;
        std::string uuid, kind, payload;
    };
    std::vector<Waiting> waiting;
    while (next.step()) waiting.push_back({next.int64(0), next.text(1), next.text(2), next.text(3)});
    int sent = 0;
    for (const Waiting& w : waiting) {
        try {
            const Json j = records::parseStoredJson(w.payload, "a result waiting in the outbox");
            if (w.kind == "attempt") {
                AttemptLog log;
                ScoreReport report;
                from_json(j.at("log"), log);
                from_json(j.at("report"), report);
                to.recordAttemptOnce(w.uuid, j.at("trainee_id").get<std::int64_t>(), j.at("scenario_title").get<std::string>(),
                                     log, report, j.at("started_at").get<std::string>(), j.at("finished_at").get<std::string>());
            } else {
                to.recordQuizAttemptOnce(w.uuid, quizFromJson(j));
            }
        } catch (const StoreError& e) {
            if (e.kind() == StoreError::Kind::Unreachable) throw;
            sql::Statement note(outbox_.get(), "UPDATE outbox SET last_error = ?2 WHERE seq = ?1");
            note.bind(1, w.seq).bind(2, std::string(e.what()));
            note.run();
            continue;
        } catch (const std::exception& e) {  // a payload this build cannot read
            sql::Statement note(outbox_.get(), "UPDATE outbox SET last_error = ?2 WHERE seq = ?1");
            note.bind(1, w.seq).bind(2, std::string("cannot be read: ") + e.what());
            note.run();
            continue;
        }
        sql::Statement done(outbox_.get(), "DELETE FROM outbox WHERE seq = ?1");
        done.bind(1, w.seq);
        done.run();
        ++sent;
    }
    return sent;
}

}  // namespace frontline
