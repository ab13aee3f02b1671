#include "frontline/parse_number.hpp"
#include <charconv>
#include <cmath>

namespace frontline {
namespace {

// from_chars over the whole text; it never throws and reports overflow as an error.
template <class T>
std::optional<T> parseWhole(std::string_view text) {
    T value{};
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::int64_t> parseWholeNumber(std::string_view text, std::int64_t min, std::int64_t max) {
    auto value = parseWhole<std::int64_t>(text);
    if (!value || *value < min || *value > max) return std::nullopt;
    return value;
}

std::optional<std::uint64_t> parseUnsignedNumber(std::string_view text) { return parseWhole<std::uint64_t>(text); }

std::optional<double> parseDecimalNumber(std::string_view text, double min, double max) {
    auto value = parseWhole<double>(text);  // from_chars also reads "inf"/"nan": refused below
    if (!value || !std::isfinite(*value) || !(*value >= min && *value <= max)) return std::nullopt;
    return value;
}

}  // namespace frontline
