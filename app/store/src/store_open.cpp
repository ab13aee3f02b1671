// Opening the store: refuse anything that is not a healthy Frontline database of a version this
// build understands, before writing a single byte; then switch on WAL and migrate.
#include <sys/statvfs.h>
#include <unistd.h>
#include <cstring>
#include <vector>
#include <system_error>
#include "frontline/store.hpp"
#include "migrations.hpp"
#include "sqlite_store.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;
constexpr const char* kMemoryPath = ":memory:";
// Below this, an attempt (a few tens of KB, with its WAL frames) may not fit: say so before the call.
constexpr unsigned long long kMinimumFreeBytes = 1024ull * 1024ull;

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

// A file we refuse must be left as it was, and closing the last connection checkpoints the WAL
// into the main file: with a -wal that does not belong to it (a restored backup beside the newer
// file's -wal) that close would write the damage the integrity check just found.
void keepWalOnCloseOf(sqlite3* db) { sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr); }

void refuseIfDamaged(sqlite3* db, const std::string& where) {
    if (std::string problem = quickCheckProblem(db); !problem.empty()) {
        keepWalOnCloseOf(db);
        refuse(StoreError::Kind::Corrupt, where, "integrity check: " + problem);
    }
}

// SQLite takes a very short file (a few bytes of anything) for an empty database and would write
// over it, so a non-empty file must start with the SQLite header before SQLite reads it. The
// header is read through SQLite's own descriptor: opening the path a second time (an ifstream)
// and closing it would drop every POSIX lock this process holds on the file, those of another
// open connection included, and another process could then delete the WAL under that connection
// (SQLite's "How To Corrupt An SQLite Database File", 2.2).
bool startsLikeSqlite(sqlite3* db, const fs::path& path, const std::string& where) {
    static constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL, as on disk
    // The size from stat(), which opens nothing: SQLite's xFileSize reports a 1-byte file as empty.
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size == 0) return true;  // a new or empty file: SQLite makes it a database
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file || !file->pMethods)
        throw StoreError(StoreError::Kind::CannotOpen, where + ": cannot read the file");
    char head[sizeof kMagic] = {};
    return file->pMethods->xRead(file, head, sizeof head, 0) == SQLITE_OK && std::memcmp(head, kMagic, sizeof kMagic) == 0;
}

// Creates the missing folders of `path` readable by their owner only (trainee records are
// personal data). Folders that exist keep their mode.
void createPrivateParents(const fs::path& path, const std::string& where) {
    const fs::path parent = path.parent_path();
    if (parent.empty()) return;
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path p = parent; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    fs::create_directories(parent, ec);
    if (ec)
        throw StoreError(StoreError::Kind::CannotOpen,
                         where + ": cannot create the folder " + parent.string() + " (" + ec.message() + ")");
    for (const fs::path& p : missing) fs::permissions(p, fs::perms::owner_all, fs::perm_options::replace, ec);
}

// SQLite reads a WAL-mode file through its -shm, which a folder we cannot write cannot hold. With
// no -shm and no -wal the file alone is the whole database, so it is opened as immutable (no
// locks, no -shm); with a -wal but no -shm its last changes cannot be read, so it is refused.
std::string readOnlyTarget(const fs::path& path, const std::string& where, int& flags) {
    const fs::path folder = dataDirectoryFor(path);  // where the -wal and -shm go
    std::error_code ec;
    if (::access(folder.c_str(), W_OK) == 0 || fs::exists(path.string() + "-shm", ec)) return where;
    if (fs::exists(path.string() + "-wal", ec) && fs::file_size(path.string() + "-wal", ec) > 0)
        refuse(StoreError::Kind::ReadOnly, where,
               "the database is read-only here and its -wal file holds changes only a writable copy can apply; "
               "copy the folder somewhere writable and open the copy");
    std::string uri = "file:";
    for (const char c : fs::absolute(path, ec).string()) {
        if (c == '?' || c == '#' || c == '%') {
            static constexpr char kHex[] = "0123456789ABCDEF";
            uri += '%';
            uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            uri += kHex[static_cast<unsigned char>(c) & 0xF];
        } else {
            uri += c;
        }
    }
    flags |= SQLITE_OPEN_URI;
    return uri + "?immutable=1";
}

// A clean close of the last connection checkpoints the WAL and deletes it: a non-empty -wal
// before we open means a crash or power cut (or another program has the file open right now).
// stat() only, never an open(): see startsLikeSqlite.
bool walLeftBehind(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path.string() + "-wal", ec);
    return !ec && size > 0;
}

// Read-only when the file, or the folder the -wal and -shm files go to, cannot be written.
// access() looks the path up without opening it (see startsLikeSqlite).
bool mustOpenReadOnly(const fs::path& path) {
    const fs::path folder = dataDirectoryFor(path);  // where the -wal and -shm go
    return ::access(path.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK) != 0;
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

// The first writes (no-ops on a database that has them), then the migrations. Every migration
// step runs in a write transaction, even when there is nothing to do: that is also how a database
// another process holds for writing is found out (Locked).
void prepareForWriting(sqlite3* db) {
    // A new file gets 16 KB pages: a compressed attempt row is ~2.7 KB, so 4 KB pages held one row
    // each and stood 40% empty. Ignored by a file that exists (its page size is in its header).
    sql::exec(db, "PRAGMA page_size = 16384");
    sql::exec(db, "PRAGMA journal_mode = WAL");
    sql::exec(db, "PRAGMA foreign_keys = ON");
    const int found_version = store_schema::readUserVersion(db);
    store_schema::applyMigrations(db, store_schema::migrations());
    if (found_version > 0 && found_version < store_schema::readUserVersion(db)) compactAfterUpgrade(db);
}

// A read-only file can be browsed, but not upgraded: an older schema would be misread.
void requireCurrentSchema(sqlite3* db, const std::string& where) {
    const int version = store_schema::readUserVersion(db);
    if (version != Store::currentSchemaVersion())
        refuse(StoreError::Kind::ReadOnly, where,
               "the database is read-only and needs an upgrade (schema " + std::to_string(version) + " to " +
                   std::to_string(Store::currentSchemaVersion()) +
                   ") that a read-only file cannot get; make it writable once and open it again");
}

}  // namespace

int Store::currentSchemaVersion() { return store_schema::migrations().back().version; }

Store Store::open(const fs::path& path) { return open(path, StoreOptions{}); }

Store Store::open(const fs::path& path, const StoreOptions& options) {
    // SQLite opens a private temporary database for "": everything "saved" there would vanish.
    if (path.empty())
        throw StoreError(StoreError::Kind::CannotOpen,
                         "no database file was named (an empty --db value?); nothing was opened or saved");
    const bool in_memory = path == kMemoryPath;
    const std::string where = in_memory ? std::string(kMemoryPath) : path.string();
    bool existed = false, read_only = false, unclean = false;
    if (!in_memory) {
        std::error_code ec;
        if (fs::is_directory(path, ec))
            throw StoreError(StoreError::Kind::CannotOpen, where + ": is a folder, not a database file");
        existed = fs::exists(path, ec);
        if (!existed) createPrivateParents(path, where);
        read_only = existed && mustOpenReadOnly(path);
        unclean = existed && walLeftBehind(path);  // looked at before any connection holds a lock
    }

    sqlite3* raw = nullptr;
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const std::string target = read_only ? readOnlyTarget(path, where, flags) : where;
    const int rc = sqlite3_open_v2(target.c_str(), &raw, flags, nullptr);
    sql::Connection db(raw);  // owns the handle even when opening failed
    if (rc != SQLITE_OK)
        throw StoreError(StoreError::Kind::CannotOpen,
                         where + ": cannot open the database (" + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)) + ")");
    if (!in_memory && !startsLikeSqlite(db.get(), path, where))
        refuse(StoreError::Kind::NotADatabase, where, "this file is not a Frontline database (not an SQLite file)");
    std::error_code ec;  // a new file holds personal data: its owner alone may read it (-wal and -shm follow)
    if (!in_memory && !existed) fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, ec);
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);

    try {
        const bool check = options.integrity_check || (options.check_after_unclean_shutdown && unclean);
        checkExistingDatabase(db.get(), where, check && !in_memory);
        if (read_only)
            requireCurrentSchema(db.get(), where);
        else
            prepareForWriting(db.get());
    } catch (const Refusal&) {
        keepWalOnCloseOf(db.get());
        throw;
    } catch (const StoreError& e) {
        keepWalOnCloseOf(db.get());
        // SQLite's own verdicts, e.g. "file is not a database" from the first read.
        switch (e.kind()) {
            case StoreError::Kind::NotADatabase:
                refuse(e.kind(), where, "this file is not a Frontline database (not an SQLite file)");
            case StoreError::Kind::Locked:
            case StoreError::Kind::Corrupt: refuse(e.kind(), where, e.what());
            case StoreError::Kind::Io:
                refuse(e.kind(), where, std::string("the disk is full or failing (") + e.what() + ")");
            default: throw StoreError(e.kind(), where + ": " + e.what());
        }
    }

    return Store(std::make_unique<SqliteStore>(std::move(db), path, read_only, options.busy_timeout_ms));
}

std::string SqliteStore::writeProblem(int wait_ms) const {
    if (read_only_) return "the database is read-only here (it can be browsed, not changed)";
    sqlite3* db = db_.get();
    if (path_ != kMemoryPath) {
        struct statvfs disk {};
        const fs::path folder = dataDirectoryFor(path_);
        if (::statvfs(folder.c_str(), &disk) == 0 && disk.f_bavail * disk.f_frsize < kMinimumFreeBytes)
            return "the disk holding " + path_.string() + " is full";
    }
    if (sqlite3_get_autocommit(db) == 0) return "";  // inside a transaction of our own: we hold the lock
    sqlite3_busy_timeout(db, wait_ms);
    const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db, busy_timeout_ms_);
    if (rc == SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return "";
    }
    switch (sql::kindFor(rc)) {
        case StoreError::Kind::Locked: return "another program is writing to the database (is a second Frontline open on it?)";
        case StoreError::Kind::ReadOnly: return "the database is read-only here (it can be browsed, not changed)";
        default: return std::string("the database cannot take a write (") + sqlite3_errstr(rc) + ")";
    }
}

void SqliteStore::leaveUntouchedOnClose() { keepWalOnCloseOf(db_.get()); }

std::string SqliteStore::integrityProblem() const {
    try {
        refuseIfDamaged(db_.get(), path_.string());
    } catch (const Refusal& e) {
        return e.what();
    }
    return "";
}

int SqliteStore::schemaVersion() const { return store_schema::readUserVersion(db_.get()); }

// A caller's batch: a plain transaction (each write inside becomes a savepoint).
void SqliteStore::beginBatch(bool relaxed) {
    if (relaxed) sql::exec(db_.get(), "PRAGMA synchronous = OFF");
    relaxed_batch_ = relaxed;
    sql::exec(db_.get(), "BEGIN IMMEDIATE", "cannot begin transaction");
}

void SqliteStore::commitBatch() {
    sql::exec(db_.get(), "COMMIT", "cannot commit transaction");
    if (std::exchange(relaxed_batch_, false)) sql::exec(db_.get(), "PRAGMA synchronous = FULL");
}

void SqliteStore::rollbackBatch() noexcept {
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (std::exchange(relaxed_batch_, false)) sqlite3_exec(db_.get(), "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr);
}

sqlite3* sqliteHandle(const Store& store) {
    auto* sqlite = dynamic_cast<SqliteStore*>(&store.backend());
    if (!sqlite) throw std::logic_error("this store is not on SQLite");
    return sqlite->handle();
}

}  // namespace frontline
