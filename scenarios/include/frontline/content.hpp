#pragma once
// Loading content: the SOP, organisation settings defaults and scenarios. Each file is parsed and
// checked against its JSON Schema (scenarios/schema/) and our semantic checks; problems come back
// as Diagnostics with file:line:column and JSON path. One bad file never stops the others loading.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/diagnostics.hpp"
#include "frontline/paths.hpp"
#include "frontline/scenario.hpp"
#include "frontline/settings.hpp"
#include "frontline/sop.hpp"

namespace frontline {

// JSON text parsed, with the position of every value on demand, so checks can point at a
// line/column. Positions are scanned when first asked for, and only as deep as asked: clean
// content needs just its nodes' lines (their order in the file), and scanning every value of
// every file was a fifth of the app's start-up. Not for sharing between threads.
struct JsonDocument {
    std::string file;
    std::string text;
    nlohmann::json value;
    // The position of `pointer`, or of its nearest ancestor that has one.
    std::pair<int, int> position(const std::string& pointer) const;
    // The line of `pointer` (as position().first), scanning no deeper than `pointer` itself.
    int shallowLine(const std::string& pointer) const;
    Diagnostic diag(Severity s, const std::string& pointer, const std::string& message) const;

private:
    void scanPositions(int depth) const;  // rescans when the last scan stopped shallower
    std::pair<int, int> nearestPosition(const std::string& pointer) const;
    // JSON pointer -> (line, column) of the value's first character, for values no deeper than
    // positions_depth_ levels (-1: not scanned yet).
    mutable std::map<std::string, std::pair<int, int>> positions_;
    mutable int positions_depth_ = -1;
};

// Parses `text`; on a syntax error returns nullopt and appends a diagnostic with line/column.
std::optional<JsonDocument> parseJsonDocument(const std::string& file, const std::string& text,
                                              std::vector<Diagnostic>& diags);
std::optional<JsonDocument> readJsonDocument(const std::filesystem::path& path, std::vector<Diagnostic>& diags);

// Validates `doc` against the JSON Schema file `schema_name` (e.g. "scenario.schema.json") from the
// schema directory. Appends one diagnostic per violation. Returns false if any.
bool checkSchema(const JsonDocument& doc, const std::string& schema_name, std::vector<Diagnostic>& diags);

// Directory layout of a content tree (default: the bundled scenarios/content).
struct ContentPaths {
    std::filesystem::path root;  // contains sop/, scenarios/, golden/, questions/, policies/, paths/, settings.json
    std::filesystem::path schema_dir;
    static ContentPaths bundled();  // FRONTLINE_CONTENT env var, else share/frontline/content beside bin/ (data_dir.hpp)
    static ContentPaths at(const std::filesystem::path& root);
};
// The files in `dir` (not below it) named *`suffix`, sorted. Never throws: entries whose type
// cannot be read (symlink loops) are listed so that loading them reports why.
std::vector<std::filesystem::path> contentFilesIn(const std::filesystem::path& dir, std::string_view suffix = ".json");

void setSchemaDirectory(const std::filesystem::path& dir);  // used by checkSchema
const std::filesystem::path& schemaDirectory();

std::optional<Sop> loadSop(const std::filesystem::path& path, std::vector<Diagnostic>& diags);
std::optional<OrgSettings> loadSettings(const std::filesystem::path& path, std::vector<Diagnostic>& diags);
// Loads and checks one scenario (schema + references to the SOP + graph checks). Returns nullopt
// when it has errors; warnings and notes still come back in diags.
// `path_checks`: see validateGraph. The app loads with them off (start-up time); `frontline
// validate`, the tests and CI run them, so shipped content has passed them.
std::optional<Scenario> loadScenario(const std::filesystem::path& path, const Sop& sop, std::vector<Diagnostic>& diags,
                                     bool path_checks = true);
std::optional<Scenario> parseScenario(const JsonDocument& doc, const Sop& sop, std::vector<Diagnostic>& diags,
                                      bool path_checks = true);

struct ContentFileError {
    std::string file;
    std::vector<Diagnostic> diagnostics;
};

// Everything the app needs: the SOP, default settings and every scenario that loaded.
struct ContentLibrary {
    ContentPaths paths;
    Sop sop;
    OrgSettings default_settings;
    std::vector<std::shared_ptr<const Scenario>> scenarios;  // sorted by difficulty, then title
    std::vector<TrainingPath> training_paths;                 // onboarding / refresher
    std::vector<ContentFileError> failed;                     // files that did not load, with why
    std::vector<Diagnostic> diagnostics;                      // everything reported, all files
    bool sop_loaded = false;

    const Scenario* scenario(std::string_view id) const;
    const TrainingPath* trainingPath(std::string_view kind) const;  // the first path of that kind
};

// Loads the SOP (sop/*.sop.json, the first one), settings.json and scenarios/*.json.
ContentLibrary loadContent(const ContentPaths& paths, bool path_checks = true);

// ---- earlier scenario versions -------------------------------------------------------------------
// A scenario whose version goes up keeps its earlier text in the tree's archive/ folder as
// <id>.v<version>.json, so that attempts played on it can still be replayed before a certificate
// is signed (evidence_replay.hpp). Not loaded at start-up; only when an old attempt asks.
std::filesystem::path archivedScenarioFile(const ContentPaths& paths, std::string_view id, int version);
// The archived copy, checked like any scenario against `content`'s SOP. nullopt when there is none
// (diags empty) or it does not load or names another id or version (diags say why).
std::optional<Scenario> loadArchivedScenario(const ContentLibrary& content, std::string_view id, int version,
                                             std::vector<Diagnostic>& diags);

}  // namespace frontline
