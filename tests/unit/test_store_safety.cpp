// The store on hostile ground: another process opening and closing the same file while this one
// keeps a connection (the window + the CLI), empty paths, read-only files and folders, owner-only
// permissions, and a stale -wal beside a restored backup.
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fstream>
#include <iterator>
#include <sqlite3.h>
#include "frontline/pending.hpp"
#include "frontline/store.hpp"
#include "../../app/store/src/sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace frontline;
using frontline::test::TempDir;

namespace {

std::string fileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs `body` in a child process and returns its exit code (3 when it threw).
template <typename Body>
int inChildProcess(Body body) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        int code = 3;
        try {
            code = body();
        } catch (...) {
        }
        _exit(code);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
}

// Links in /proc/self/fd that point at a deleted file: a connection writing into a lost -wal.
int deletedDescriptorsOf(const fs::path& db) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        const std::string target = fs::read_symlink(entry.path(), ec).string();
        if (!ec && target.rfind(db.string(), 0) == 0 && target.ends_with(" (deleted)")) ++count;
    }
    return count;
}

mode_t modeOf(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("store safety: a second connection here and another process's close leave this connection's WAL alive") {
    // The window's pattern: its main connection stays open while the background integrity check
    // opens and closes a second one in the same process; meanwhile `frontline history` runs.
    TempDir dir;
    const fs::path db = dir / "shared.db";
    Store window = Store::open(db, StoreOptions{5000, false});
    window.createTrainee("Robin", "Desk");
    {
        Store check = Store::open(db, StoreOptions{5000, false});
        check.checkIntegrity();
    }
    CHECK(inChildProcess([&] {
              Store cli = Store::open(db);
              cli.createTrainee("Written by the CLI", "");
              return cli.trainees().size() == 2 ? 0 : 1;
          }) == 0);

    CHECK(fs::exists(dir / "shared.db-wal"));  // the other process did not take it for the last user
    CHECK(deletedDescriptorsOf(db) == 0);

    // What the window writes now reaches other processes, and survives the window's death.
    window.setPreference("probe", "written after the CLI closed");
    CHECK(window.trainees().size() == 2);
    CHECK(inChildProcess([&] {
              Store reader = Store::open(db);
              return reader.preference("probe").value_or("") == "written after the CLI closed" ? 0 : 1;
          }) == 0);
}

TEST_CASE("store safety: an empty path is refused instead of a temporary database that keeps nothing") {
    try {
        (void)Store::open(fs::path());
        FAIL("an empty path opened");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::CannotOpen);
        CHECK(std::string(e.what()).find("no database file was named") != std::string::npos);
    }
}

TEST_CASE("store safety: a new database and the folders made for it are for their owner only") {
    TempDir dir;
    const fs::path db = dir / "made" / "here" / "frontline.db";
    {
        Store store = Store::open(db);
        store.createTrainee("Ana", "");
        CHECK(modeOf(db) == 0600);
        CHECK(modeOf(dir / "made") == 0700);
        CHECK(modeOf(dir / "made" / "here") == 0700);
        if (fs::exists(fs::path(db.string() + "-wal"))) CHECK(modeOf(fs::path(db.string() + "-wal")) == 0600);
    }
    CHECK(modeOf(dir.path()) != 0);  // an existing folder keeps its mode (not forced to 0700)
}

TEST_CASE("store safety: a database its user cannot write opens to browse, refuses writes in plain words, stays unchanged") {
    // The file and its folder belong to someone else (root) and are not writable by the user who
    // opens them: the child drops to `nobody` when the suite runs as root (as CI does), since
    // root writes through any mode bit.
    TempDir dir;
    const fs::path db = dir / "records.db";
    {
        Store store = Store::open(db);
        store.createTrainee("Ana", "");
    }
    REQUIRE_FALSE(fs::exists(dir / "records.db-wal"));  // closed cleanly: no -wal, no -shm to lean on
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec, fs::perm_options::replace);
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::replace);
    if (geteuid() != 0) fs::permissions(db, fs::perms::owner_write, fs::perm_options::remove);
    const std::string before = fileBytes(db);

    const int code = inChildProcess([&] {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) return 10;
        Store store = Store::open(db);
        if (!store.readOnly()) return 11;
        if (store.trainees().size() != 1) return 12;
        try {
            store.createTrainee("Ben", "");
            return 13;  // the write went through
        } catch (const StoreError& e) {
            const std::string message = e.what();
            if (e.kind() != StoreError::Kind::ReadOnly) return 14;
            if (message.find("read-only") == std::string::npos || message.find("readonly database") != std::string::npos)
                return 15;  // SQLite's words, not ours
        }
        return 0;
    });
    CHECK(code == 0);
    CHECK(fileBytes(db) == before);
    CHECK_FALSE(fs::exists(dir / "records.db-wal"));
}

TEST_CASE("store safety: a stale -wal beside a restored backup is refused without touching the backup") {
    TempDir dir;
    const fs::path db = dir / "live.db";
    {
        Store store = Store::open(db);
        for (int i = 0; i < 40; ++i) store.createTrainee("Trainee " + std::to_string(i), "Team");
    }
    fs::copy_file(db, dir / "backup.db");
    // Newer work, committed into the -wal by a process that dies before any checkpoint.
    CHECK(inChildProcess([&] {
              Store store = Store::open(db);
              for (int i = 40; i < 400; ++i) store.createTrainee("Later " + std::to_string(i), "Other team");
              _exit(0);  // no destructor: the -wal stays beside the file
              return 1;
          }) == 0);
    REQUIRE(fs::exists(dir / "live.db-wal"));
    // "Restore a backup": the older file back in place, the newer -wal still beside it.
    fs::copy_file(dir / "backup.db", db, fs::copy_options::overwrite_existing);
    const std::string restored = fileBytes(db);
    const std::string wal = fileBytes(dir / "live.db-wal");

    bool refused = false;
    try {
        Store store = Store::open(db);
        // If SQLite finds the pair consistent it is, page for page, the newer database.
        CHECK(store.trainees().size() == 400);
    } catch (const StoreError& e) {
        refused = true;
        CHECK(e.kind() == StoreError::Kind::Corrupt);
    }
    if (refused) {
        CHECK(fileBytes(db) == restored);  // the refusal wrote nothing into the restored file
        CHECK(fileBytes(dir / "live.db-wal") == wal);
    }
}

TEST_CASE("store safety: writeProblem names a held write lock before a call starts, and nothing when free") {
    TempDir dir;
    const fs::path db = dir / "busy.db";
    Store store = Store::open(db);
    CHECK(store.writeProblem() == "");
    Store other = Store::open(db);
    REQUIRE(sqlite3_exec(sqliteHandle(other), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(store.writeProblem(20).find("another program is writing") != std::string::npos);
    REQUIRE(sqlite3_exec(sqliteHandle(other), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(store.writeProblem() == "");
    store.createTrainee("Still writable", "");  // the probe left no transaction open
}

namespace {

PendingAttempt pendingFor(const fs::path& db, const std::string& trainee, const std::string& finished_at) {
    PendingAttempt a;
    a.database = pendingKeyFor(db.string());
    a.trainee_name = trainee;
    a.trainee_team = "Night shift";
    a.scenario_title = "A caller who cannot verify";
    a.started_at = "2026-11-30T09:00:00Z";
    a.finished_at = finished_at;
    a.reason = "the database is read-only here";
    a.log.scenario_id = "failed-verification";
    a.log.sop_id = "inbound-calls-chats";
    a.log.sop_version = "1.0";
    a.log.seed = 99;
    a.report.adherence = 87;
    a.report.passed = true;
    a.report.stars = 2;
    return a;
}

}  // namespace

TEST_CASE("store safety: an attempt the database refused is kept, owner-only, and saved exactly once later") {
    TempDir dir;
    const fs::path db = dir / "desk.db";
    const fs::path kept = dir / "unsaved";
    const fs::path file = keepPending(pendingFor(db, "Zoë Ñúñez", "2026-11-30T09:07:00Z"), kept);
    keepPending(pendingFor(dir / "another.db", "Someone else", "2026-11-30T09:08:00Z"), kept);
    CHECK(modeOf(kept) == 0700);
    CHECK(modeOf(file) == 0600);
    { std::ofstream(kept / "torn.attempt.json") << "{\"database\": "; }  // a half file from elsewhere

    std::vector<fs::path> unreadable;
    const auto waiting = listPending(pendingKeyFor(db.string()), kept, &unreadable);
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].trainee_name == "Zoë Ñúñez");
    CHECK(waiting[0].log.seed == 99);
    CHECK(waiting[0].report.adherence == 87);
    CHECK(unreadable.size() == 1);

    Store store = Store::open(db);
    CHECK(savePending(store, kept) == 1);
    CHECK(savePending(store, kept) == 0);  // its file is gone
    CHECK_FALSE(fs::exists(file));
    // A save whose file removal was interrupted: the same attempt again is not saved twice.
    keepPending(pendingFor(db, "Zoë Ñúñez", "2026-11-30T09:07:00Z"), kept);
    CHECK(savePending(store, kept) == 0);
    const auto attempts = store.attempts();
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].trainee_name == "Zoë Ñúñez");
    CHECK(attempts[0].adherence == 87);
    CHECK(listPending(pendingKeyFor((dir / "another.db").string()), kept).size() == 1);  // not this database's
}
