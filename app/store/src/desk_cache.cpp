#include "desk_cache.hpp"
#include <algorithm>
#include "frontline/utf8.hpp"
#include "record_text.hpp"
#include "sqlite.hpp"

namespace frontline {
namespace {

using Json = nlohmann::json;

Json traineeToJson(const Trainee& t) {
    return {{"id", t.id},           {"name", t.name},       {"team", t.team},
            {"created_at", t.created_at}, {"account", t.account}, {"manager", t.manager}};
}

Trainee traineeFromJson(const Json& j) {
    return {j.at("id").get<std::int64_t>(), j.at("name").get<std::string>(), j.at("team").get<std::string>(),
            j.at("created_at").get<std::string>(), j.at("account").get<std::string>(),
            j.value("manager", false)};  // a copy kept before profiles knew their role: a trainee's
}

std::map<std::string, std::string> stringMap(const std::optional<std::string>& text) {
    std::map<std::string, std::string> out;
    if (!text) return out;
    const Json j = records::parseStoredJson(*text, "this desk's copy of the team database");
    for (const auto& [key, value] : j.items())
        if (value.is_string()) out[key] = value.get<std::string>();
    return out;
}

}  // namespace

std::optional<std::string> DeskCache::part(const char* name) const {
    sql::Statement q(db_, "SELECT value FROM desk_cache WHERE part = ?1");
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    return q.text(0);
}

// A copy that cannot be updated (a full disk, another process holding the outbox) stays as it
// was: that must not fail a read the server has just answered.
void DeskCache::keepPart(const char* name, const std::string& json_text) {
    try {
        if (part(name) == json_text) return;  // unchanged: no write, no fsync
        sql::Statement put(db_, "INSERT INTO desk_cache (part, value, kept_at) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (part) DO UPDATE SET value = excluded.value, kept_at = excluded.kept_at");
        put.bind(1, name).bind(2, json_text).bind(3, nowUtcIso());
        put.run();
    } catch (const StoreError&) {
    }
}

bool DeskCache::filled() const { return part("trainees").has_value(); }

void DeskCache::keepTrainees(const std::vector<Trainee>& trainees) {
    Json list = Json::array();
    for (const Trainee& t : trainees) list.push_back(traineeToJson(t));
    keepPart("trainees", records::toJsonText(list));
}

void DeskCache::keepTrainee(const Trainee& trainee) {
    std::vector<Trainee> all;
    try {
        all = trainees();
    } catch (const StoreError&) {  // a damaged copy: start it again from this profile
    }
    auto same = std::find_if(all.begin(), all.end(), [&](const Trainee& t) { return t.id == trainee.id; });
    if (same != all.end()) *same = trainee;
    else all.push_back(trainee);
    keepTrainees(all);
}

void DeskCache::keepSettings(const std::map<std::string, std::string>& stored) { keepPart("settings", records::toJsonText(Json(stored))); }

void DeskCache::keepPreferences(const std::map<std::string, std::string>& preferences) {
    keepPart("preferences", records::toJsonText(Json(preferences)));
}

void DeskCache::keepPreference(const std::string& key, const std::string& value) {
    std::map<std::string, std::string> all;
    try {
        all = stringMap(part("preferences"));
    } catch (const StoreError&) {  // a damaged copy: start it again from this preference
    }
    all[key] = value;
    keepPreferences(all);
}

void DeskCache::keepManager(bool manager) { keepPart("manager", manager ? "true" : "false"); }

std::vector<Trainee> DeskCache::trainees() const {
    std::vector<Trainee> out;
    const auto text = part("trainees");
    if (!text) return out;
    try {
        for (const Json& j : records::parseStoredJson(*text, "this desk's copy of the trainee list")) out.push_back(traineeFromJson(j));
    } catch (const nlohmann::json::exception& e) {
        throw StoreError(StoreError::Kind::Corrupt, std::string("this desk's copy of the trainee list cannot be read (") + e.what() + ")");
    }
    return out;
}

std::optional<Trainee> DeskCache::trainee(std::int64_t id) const {
    for (Trainee& t : trainees())
        if (t.id == id) return std::move(t);
    return std::nullopt;
}

std::optional<Trainee> DeskCache::traineeByName(const std::string& name) const {
    // The server matches lower(name) = lower($1): case only, so "René" and "Rene" stay two people.
    const std::string wanted = utf8::lowerCase(name);
    for (Trainee& t : trainees())
        if (utf8::lowerCase(t.name) == wanted) return std::move(t);
    return std::nullopt;
}

std::map<std::string, std::string> DeskCache::settings() const { return stringMap(part("settings")); }

std::optional<std::string> DeskCache::preference(const std::string& key) const {
    auto all = stringMap(part("preferences"));
    if (auto found = all.find(key); found != all.end()) return found->second;
    return std::nullopt;
}

bool DeskCache::manager() const { return part("manager") == std::optional<std::string>("true"); }

}  // namespace frontline
