#pragma once
// Reading stored JSON (a quiz's detail) that an older version or a hand edit may have shaped
// differently: a missing or mistyped field reads as the fallback instead of throwing.
#include <cstdint>
#include <string>
#include <nlohmann/json.hpp>

namespace frontline::export_json {

inline std::string text(const nlohmann::json& j, const char* key, const std::string& fallback = "") {
    if (!j.is_object()) return fallback;
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

inline std::int64_t integer(const nlohmann::json& j, const char* key, std::int64_t fallback = 0) {
    if (!j.is_object()) return fallback;
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

inline bool flag(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return false;
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

// j[key] when it is an object, else an empty object.
inline nlohmann::json object(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return nlohmann::json::object();
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : nlohmann::json::object();
}

}  // namespace frontline::export_json
