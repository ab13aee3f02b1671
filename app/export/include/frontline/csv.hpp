#pragma once
// RFC 4180 CSV: fields separated by commas, every record ends with CRLF, a field holding a comma,
// a double quote, CR or LF is enclosed in double quotes with its quotes doubled. Text is written
// as UTF-8, optionally after a byte-order mark so Excel reads accents right.
//
// Spreadsheet formula injection: a text cell starting with = + - @ (or a tab or CR, which some
// spreadsheets skip before a formula) gets a leading apostrophe, so "=HYPERLINK(...)" in a
// trainee's name shows as text instead of running. Numbers Frontline writes itself are not
// touched (a negative number stays a number).
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace frontline::csv {

// The field as RFC 4180 writes it: quoted only when it must be.
std::string quoted(std::string_view field);
// The text with the formula guard applied (an apostrophe before = + - @ tab CR at the start).
std::string guarded(std::string_view text);

// Writes one table row by row. Rows must all have the header's number of cells (the caller's
// contract; RFC 4180 asks for it).
class Writer {
public:
    // The byte-order mark, when asked for, is written at once.
    explicit Writer(std::ostream& out, bool byte_order_mark = false);
    Writer& text(std::string_view value);  // guarded, then quoted
    Writer& number(std::int64_t value);
    Writer& decimal(double value, int digits);  // fixed, "4.20"
    Writer& boolean(bool value);                // "true" / "false"
    void endRow();                              // CRLF

private:
    Writer& raw(std::string_view field);
    std::ostream& out_;
    bool row_started_ = false;
};

}  // namespace frontline::csv
