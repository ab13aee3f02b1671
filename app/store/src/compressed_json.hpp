#pragma once
// The event log and score report of an attempt are stored zstd-compressed (about a seventh of the
// JSON text). Rows written before SQLite schema 9 / PostgreSQL schema 8 hold the JSON text itself;
// a stored value is compressed exactly when it starts with the zstd frame magic, which JSON text
// never does (it starts with '{', '[', a quote, a digit or a letter).
#include <cstdint>
#include <string>
#include <string_view>

namespace frontline::records {

bool isCompressed(std::string_view stored);

// A log's frame, made with the built-in log dictionary (log_dictionary.hpp).
std::string compressLog(std::string_view log_json);
// A report's frame, made with its log's JSON text as prefix: the report repeats the log's step and
// rule names, so it costs a fraction of what it would alone. Reading it needs that text again.
std::string compressReport(std::string_view report_json, std::string_view log_json);

// The JSON text of a stored value, compressed or not (`log_json`: the prefix a report was made
// with). Damage is a StoreError (Corrupt) naming the attempt and the column, never a crash; a frame
// that claims to expand beyond 64 MB is damage too.
std::string storedJsonText(std::string_view stored, std::int64_t attempt_id, const char* column,
                           std::string_view log_json = {});

}  // namespace frontline::records
