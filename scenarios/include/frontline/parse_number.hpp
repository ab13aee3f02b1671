#pragma once
// Checked number parsing for everything a person types: command-line options, play tokens
// (`w30`, `k2`, `3`) and setting values. The whole text must be one decimal number (no spaces,
// no '+', nothing after it) inside [min, max]; anything else is nullopt, never an exception.
#include <cstdint>
#include <optional>
#include <string_view>

namespace frontline {

std::optional<std::int64_t> parseWholeNumber(std::string_view text, std::int64_t min, std::int64_t max);
std::optional<std::uint64_t> parseUnsignedNumber(std::string_view text);  // the full 64-bit range (seeds)
std::optional<double> parseDecimalNumber(std::string_view text, double min, double max);  // finite only

}  // namespace frontline
