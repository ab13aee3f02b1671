#pragma once
// Enum <-> name tables: one array of {value, "name"} pairs per enum serves both directions.
#include <optional>
#include <string_view>
#include <utility>

namespace frontline {

template <class E, std::size_t N>
const char* nameIn(const std::pair<E, const char*> (&table)[N], E value, const char* fallback) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return fallback;
}

template <class E, std::size_t N>
std::optional<E> valueIn(const std::pair<E, const char*> (&table)[N], std::string_view name) {
    for (const auto& [v, n] : table)
        if (name == n) return v;
    return std::nullopt;
}

}  // namespace frontline
