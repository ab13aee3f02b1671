#pragma once
// Records that leave Frontline: the manager's tables as CSV (csv.hpp says how cells are written)
// and the xAPI statements (xapi.hpp). No ImGui: the CLI (`frontline export`) and the Team view's
// button call the same functions.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "frontline/content.hpp"
#include "frontline/policy.hpp"
#include "frontline/settings.hpp"
#include "frontline/store.hpp"

namespace frontline {

// The four tables. One row each per:
//   attempts      scenario attempt (oldest first)
//   quizzes       quiz attempt, practice or exam (oldest first)
//   certificates  certificate ever issued, with its state now (valid / expired / revoked)
//   status        trainee × certification policy, as `frontline certify status` reports it
enum class CsvWhat { Attempts, Quizzes, Certificates, Status };
const char* csvWhatName(CsvWhat what);  // "attempts" …
std::optional<CsvWhat> csvWhatFromName(std::string_view name);

// Which rows: trainees of one team (exact name; "" = everyone) and records finished (issued)
// on or after `since` (ISO 8601 date or UTC time; "" = all). The status table is as of `now`
// ("" = the current time) and ignores `since`.
struct ExportFilter {
    std::string team;
    std::string since;
    std::string now;
};

// Where the rows come from: the policies only matter for the status table.
struct ExportSources {
    const Store& store;
    const ContentLibrary& content;
    const std::vector<Policy>& policies;
    const OrgSettings& settings;
};

// Why `since` cannot be used (not an ISO 8601 date or time), or nullopt; normalises it in place
// to "YYYY-MM-DDTHH:MM:SSZ" so it compares with stored times as text.
std::optional<std::string> normaliseSince(std::string& since);

// Writes the table, header first, as RFC 4180 CSV (UTF-8; a byte-order mark first when `bom`).
// Returns the number of data rows. Throws StoreError when the store cannot be read and
// std::invalid_argument for a `since` that normaliseSince refuses.
int writeCsv(const ExportSources& from, CsvWhat what, const ExportFilter& filter, std::ostream& out, bool bom = false);

// The same into a file (the Team view's button): written beside `path` and renamed over it, so a
// failure leaves an existing file as it was. Throws std::runtime_error naming the file.
int writeCsvFile(const ExportSources& from, CsvWhat what, const ExportFilter& filter, const std::filesystem::path& path,
                 bool bom = false);
// Replaces `path` with `text` that way, or with what `write` writes (the CLI's xAPI file).
void replaceFile(const std::filesystem::path& path, const std::string& text);
void replaceFileWith(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

}  // namespace frontline
