#pragma once
// What a desk on a center's server needs to start and train without it: the trainee profiles its
// login can see, the organisation's settings, its login's preferences and whether it is a
// manager. Kept in the desk's outbox file beside the waiting results, refreshed each time the
// server answers, read only while the server cannot be reached. One JSON text row per part, and a
// part is written only when it changed, so a desk that opens on a server costs no disk write.
#include <map>
#include <optional>
#include <string>
#include <vector>
#include "frontline/store.hpp"

struct sqlite3;

namespace frontline {

class DeskCache {
public:
    explicit DeskCache(sqlite3* outbox) : db_(outbox) {}  // the outbox's connection, not owned

    // Whether the server has ever answered this desk (for this login): without that there is
    // nothing to start from.
    bool filled() const;

    // keep… never throw: a copy that cannot be written (or read back) stays as it was.
    void keepTrainees(const std::vector<Trainee>& trainees);
    void keepTrainee(const Trainee& trainee);  // one profile read or added while online
    void keepSettings(const std::map<std::string, std::string>& stored);
    void keepPreferences(const std::map<std::string, std::string>& preferences);
    void keepPreference(const std::string& key, const std::string& value);
    void keepManager(bool manager);

    std::vector<Trainee> trainees() const;
    std::optional<Trainee> trainee(std::int64_t id) const;
    std::optional<Trainee> traineeByName(const std::string& name) const;  // case-insensitive, as the server
    std::map<std::string, std::string> settings() const;                  // key -> stored JSON text
    std::optional<std::string> preference(const std::string& key) const;
    bool manager() const;  // false when unknown: offline a desk offers no more than a trainee's

private:
    std::optional<std::string> part(const char* name) const;
    void keepPart(const char* name, const std::string& json_text);
    sqlite3* db_;
};

}  // namespace frontline
