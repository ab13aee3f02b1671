#pragma once
// Attempts that could not be saved (the database read-only, locked or on a full disk) are kept as
// files in the user's own data folder and offered again until they are saved: a played attempt is
// never dropped. Each file is written whole (temporary file, fsync, rename) and readable by its
// owner only; it names the database it was meant for.
#include <filesystem>
#include <string>
#include <vector>
#include "frontline/event_log.hpp"
#include "frontline/scoring.hpp"

namespace frontline {

class Store;

struct PendingAttempt {
    std::filesystem::path file;  // where it is kept (set by keepPending and listPending)
    std::string database;        // the database it was meant for (absolute path or URI)
    std::string trainee_name;
    std::string trainee_team;
    std::string scenario_title;
    std::string started_at;
    std::string finished_at;
    std::string reason;  // why it could not be saved
    AttemptLog log;
    ScoreReport report;
};

// $XDG_DATA_HOME/frontline/unsaved (~/.local/share/frontline/unsaved): the user's own folder,
// never the database's, which may be the very thing that cannot be written.
std::filesystem::path pendingDirectory();

// Keeps the attempt; returns the file. Throws StoreError (Io) when even that cannot be written.
std::filesystem::path keepPending(PendingAttempt attempt, const std::filesystem::path& dir = pendingDirectory());

// The attempts kept for `database` (all of them when empty), oldest first. A file that cannot be
// read is left where it is and skipped; `unreadable` (if given) receives its path.
std::vector<PendingAttempt> listPending(const std::string& database = "", const std::filesystem::path& dir = pendingDirectory(),
                                        std::vector<std::filesystem::path>* unreadable = nullptr);

// Saves every attempt kept for this store's database, each in its own transaction, and removes
// its file once committed. An attempt already in the database (same trainee, scenario, start and
// finish: a save whose file removal was interrupted) is not saved twice. Returns how many were
// saved; throws StoreError when the database still refuses (the files stay).
int savePending(Store& store, const std::filesystem::path& dir = pendingDirectory());

// The absolute form of a database path (a server's URI without its password), as pending files name it.
std::string pendingKeyFor(const std::string& database);

}  // namespace frontline
