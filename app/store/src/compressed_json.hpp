#pragma once
// The event log and score report of an attempt are stored zstd-compressed (about a fifth of the
// JSON text). Rows written before schema 9 (SQLite) / 8 (PostgreSQL) hold the JSON text itself;
// a stored value is compressed exactly when it starts with the zstd frame magic, which JSON text
// never does (it starts with '{', '[', a quote, a digit or a letter).
#include <cstdint>
#include <string>
#include <string_view>

namespace frontline::records {

bool isCompressed(std::string_view stored);

// The zstd frame of `json`; `prefix` (may be empty) is content the reader will pass again, which
// zstd may refer to: the report shares most of its strings with the event log.
std::string compressJson(std::string_view json, std::string_view prefix = {});

// The JSON text of a stored value, compressed or not. Damage is a StoreError (Corrupt) naming the
// attempt and the column, never a crash; a frame that claims to expand beyond 64 MB is damage too.
std::string storedJsonText(std::string_view stored, std::int64_t attempt_id, const char* column,
                           std::string_view prefix = {});

}  // namespace frontline::records
