#include "frontline/csv.hpp"
#include <cstdio>
#include <ostream>

namespace frontline::csv {

std::string quoted(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string guarded(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return "'" + std::string(text);
    return std::string(text);
}

Writer::Writer(std::ostream& out, bool byte_order_mark) : out_(out) {
    if (byte_order_mark) out_ << "\xEF\xBB\xBF";
}

Writer& Writer::raw(std::string_view field) {
    if (row_started_) out_ << ',';
    out_ << field;
    row_started_ = true;
    return *this;
}

// Qualified: with <iomanip> in sight, ADL would pick std::quoted for a std::string argument.
Writer& Writer::text(std::string_view value) { return raw(csv::quoted(guarded(value))); }
Writer& Writer::number(std::int64_t value) { return raw(std::to_string(value)); }
Writer& Writer::boolean(bool value) { return raw(value ? "true" : "false"); }

Writer& Writer::decimal(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return raw(buffer);
}

void Writer::endRow() {
    out_ << "\r\n";
    row_started_ = false;
}

}  // namespace frontline::csv
