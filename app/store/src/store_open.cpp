// Opening the store: refuse anything that is not a healthy Frontline database of a version this
// build understands, before writing a single byte; then switch on WAL and migrate.
#include <cstring>
#include <fstream>
#include <system_error>
#include "frontline/store.hpp"
#include "migrations.hpp"
#include "store_impl.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;
constexpr const char* kMemoryPath = ":memory:";

int readApplicationId(sqlite3* db) {
    sql::Statement q(db, "PRAGMA application_id");
    return q.step() ? q.integer(0) : 0;
}

bool hasAnySchemaObject(sqlite3* db) {
    sql::Statement q(db, "SELECT 1 FROM sqlite_schema LIMIT 1");
    return q.step();
}

// The first problem PRAGMA quick_check reports, or "" when the file is sound.
std::string quickCheckProblem(sqlite3* db) {
    sql::Statement q(db, "PRAGMA quick_check(1)");
    if (!q.step()) return "no result from the integrity check";
    std::string result = q.text(0);
    return result == "ok" ? std::string() : result;
}

// A database we refuse to touch; its message is final (names the file, says it is unchanged).
struct Refusal : StoreError {
    using StoreError::StoreError;
};

[[noreturn]] void refuse(StoreError::Kind kind, const std::string& where, const std::string& detail) {
    std::string message = where + ": ";
    if (kind == StoreError::Kind::Locked)
        message += "the database is locked by another program (is Frontline already running?)";
    else if (kind == StoreError::Kind::Corrupt)
        message += "the database is damaged (" + detail + ")";
    else
        message += detail;
    message += "; nothing was changed.";
    if (kind == StoreError::Kind::Corrupt)
        message += " Restore a backup, or move the file away to start a new database.";
    throw Refusal(kind, message);
}

void refuseIfDamaged(sqlite3* db, const std::string& where) {
    if (std::string problem = quickCheckProblem(db); !problem.empty())
        refuse(StoreError::Kind::Corrupt, where, "integrity check: " + problem);
}

// SQLite takes a very short file (a few bytes of anything) for an empty database and would write
// over it, so a non-empty file must start with the SQLite header before SQLite sees it.
bool startsLikeSqlite(const fs::path& path, const std::string& where) {
    static constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL, as on disk
    char head[sizeof kMagic] = {};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw StoreError(StoreError::Kind::CannotOpen, where + ": cannot read the file");
    in.read(head, sizeof head);
    return in.gcount() == static_cast<std::streamsize>(sizeof head) && std::memcmp(head, kMagic, sizeof kMagic) == 0;
}

// Everything that only reads: checks the file is one we may open. Throws StoreError.
void checkExistingDatabase(sqlite3* db, const std::string& where, bool integrity_check) {
    // The first read of the header is where SQLite notices a non-database or a lock.
    const int version = store_schema::readUserVersion(db);
    const int application_id = readApplicationId(db);
    if (application_id != 0 && application_id != store_schema::kApplicationId)
        refuse(StoreError::Kind::NotADatabase, where, "this SQLite file belongs to another application");
    if (version == 0 && application_id == 0 && hasAnySchemaObject(db))
        refuse(StoreError::Kind::NotADatabase, where, "this SQLite file is not a Frontline database");
    if (version > Store::currentSchemaVersion())
        refuse(StoreError::Kind::TooNew, where,
               "created by a newer Frontline (schema " + std::to_string(version) + ", this build knows " +
                   std::to_string(Store::currentSchemaVersion()) + ")");
    if (integrity_check) refuseIfDamaged(db, where);
}

// An upgrade that moved data (schema 2 moved every event log to attempt_details) leaves the old
// pages free inside the file: without this, upgrading 10,000 attempts would double a 175 MB file.
// VACUUM rewrites it compactly in one transaction; if another connection is reading right now it
// cannot, which is harmless (the free pages are reused by later attempts).
void compactAfterUpgrade(sqlite3* db) {
    auto pragma = [db](const char* sql) {
        sql::Statement q(db, sql);  // finalised before VACUUM, which refuses to run beside a statement
        return q.step() ? q.int64(0) : 0;
    };
    if (pragma("PRAGMA freelist_count") * 4 < pragma("PRAGMA page_count")) return;
    sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr);
}

}  // namespace

int Store::currentSchemaVersion() { return store_schema::migrations().back().version; }

Store Store::open(const fs::path& path) { return open(path, StoreOptions{}); }

Store Store::open(const fs::path& path, const StoreOptions& options) {
    const bool in_memory = path == kMemoryPath;
    const std::string where = in_memory ? std::string(kMemoryPath) : path.string();
    if (!in_memory) {
        std::error_code ec;
        if (const fs::path parent = path.parent_path(); !parent.empty()) {
            fs::create_directories(parent, ec);
            if (ec)
                throw StoreError(StoreError::Kind::CannotOpen,
                                 where + ": cannot create the folder " + parent.string() + " (" + ec.message() + ")");
        }
        if (fs::is_directory(path, ec))
            throw StoreError(StoreError::Kind::CannotOpen, where + ": is a folder, not a database file");
        if (fs::exists(path, ec) && fs::file_size(path, ec) > 0 && !ec && !startsLikeSqlite(path, where))
            refuse(StoreError::Kind::NotADatabase, where, "this file is not a Frontline database (not an SQLite file)");
    }

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(where.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sql::Connection db(raw);  // owns the handle even when opening failed
    if (rc != SQLITE_OK)
        throw StoreError(StoreError::Kind::CannotOpen,
                         where + ": cannot open the database (" + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)) + ")");
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);

    try {
        checkExistingDatabase(db.get(), where, options.integrity_check && !in_memory);
        // The first writes. Both are no-ops on a database that already has them.
        sql::exec(db.get(), "PRAGMA journal_mode = WAL");
        sql::exec(db.get(), "PRAGMA foreign_keys = ON");
        // Every step runs in a write transaction, even when there is nothing to do: that is
        // also how a database another process holds for writing is found out (Locked).
        const int found_version = store_schema::readUserVersion(db.get());
        store_schema::applyMigrations(db.get(), store_schema::migrations());
        if (found_version > 0 && found_version < store_schema::readUserVersion(db.get())) compactAfterUpgrade(db.get());
    } catch (const Refusal&) {
        throw;
    } catch (const StoreError& e) {
        // SQLite's own verdicts, e.g. "file is not a database" from the first read.
        switch (e.kind()) {
            case StoreError::Kind::NotADatabase:
                refuse(e.kind(), where, "this file is not a Frontline database (not an SQLite file)");
            case StoreError::Kind::Locked:
            case StoreError::Kind::Corrupt: refuse(e.kind(), where, e.what());
            default: throw StoreError(e.kind(), where + ": " + e.what());
        }
    }

    auto impl = std::make_unique<Impl>();
    impl->db = std::move(db);
    return Store(std::move(impl), path);
}

Store::Store(std::unique_ptr<Impl> impl, fs::path path) : impl_(std::move(impl)), path_(std::move(path)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

void Store::checkIntegrity() const { refuseIfDamaged(impl_->db.get(), path_.string()); }

int Store::schemaVersion() const { return store_schema::readUserVersion(impl_->db.get()); }

sqlite3* Store::handle() const { return impl_->db.get(); }

void Store::setStepRowHookForTesting(std::function<void(int)> hook) { impl_->step_row_hook = std::move(hook); }

}  // namespace frontline
