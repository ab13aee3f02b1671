// Loading a whole content tree. Each file is independent: a broken scenario is listed with its
// diagnostics in ContentLibrary::failed and the rest still load.
#include <algorithm>
#include <cstdlib>
#include "frontline/content.hpp"
#include "frontline/data_dir.hpp"
#include "frontline/translation.hpp"

namespace frontline {

ContentPaths ContentPaths::at(const std::filesystem::path& root) {
    ContentPaths p;
    p.root = root;
    // A content tree ships its schemas beside it (scenarios/content + scenarios/schema); one that
    // does not (an author's folder) is checked against the bundled schemas.
    auto sibling = root.parent_path() / "schema";
    p.schema_dir = std::filesystem::exists(sibling) ? sibling : bundledDataDirectory() / "schema";
    return p;
}

ContentPaths ContentPaths::bundled() {
    if (const char* env = std::getenv("FRONTLINE_CONTENT"); env && *env) return at(env);
    return at(bundledDataDirectory() / "content");
}

std::vector<std::filesystem::path> contentFilesIn(const std::filesystem::path& dir, std::string_view suffix) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        auto name = it->path().filename().string();
        if (name.size() <= suffix.size() || !name.ends_with(suffix)) continue;
        std::error_code type_ec;
        // An entry whose type cannot be read (a symlink loop, a dangling link) is kept: loading
        // it reports the file and why, where asking is_regular_file() without `ec` would throw.
        if (it->is_regular_file(type_ec) || type_ec) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::filesystem::path archivedScenarioFile(const ContentPaths& paths, std::string_view id, int version) {
    return paths.root / "archive" / (std::string(id) + ".v" + std::to_string(version) + ".json");
}

std::optional<Scenario> loadArchivedScenario(const ContentLibrary& content, std::string_view id, int version,
                                             std::vector<Diagnostic>& diags) {
    // An id comes from a database row: one that could name a file outside archive/ names none.
    if (id.empty() || id.find_first_of("/\\") != std::string_view::npos || id.front() == '.') return std::nullopt;
    const auto file = archivedScenarioFile(content.paths, id, version);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return std::nullopt;
    auto scenario = loadScenario(file, content.sop, diags, /*path_checks=*/false);
    if (scenario && (scenario->id != id || scenario->version != version)) {
        diags.push_back({Severity::Error, file.string(), 0, 0,
                         "the file holds scenario '" + scenario->id + "' version " + std::to_string(scenario->version) +
                             ", not '" + std::string(id) + "' version " + std::to_string(version) + " as its name says",
                         "/version"});
        return std::nullopt;
    }
    return scenario;
}

const Scenario* ContentLibrary::scenario(std::string_view id) const {
    for (const auto& s : scenarios)
        if (s->id == id) return s.get();
    return nullptr;
}

const TrainingPath* ContentLibrary::trainingPath(std::string_view kind) const {
    for (const auto& p : training_paths)
        if (p.kind == kind) return &p;
    return nullptr;
}

std::optional<OrgSettings> loadSettings(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(path, diags);
    if (!doc || !checkSchema(*doc, "settings.schema.json", diags)) return std::nullopt;
    try {
        return settingsFromJson(doc->value);
    } catch (const std::exception& e) {
        diags.push_back(doc->diag(Severity::Error, "", e.what()));
        return std::nullopt;
    }
}

ContentLibrary loadContent(const ContentPaths& paths, bool path_checks) { return loadContent(paths, path_checks, "en"); }

ContentLibrary loadContent(const ContentPaths& paths, bool path_checks, const std::string& language) {
    ContentLibrary lib;
    lib.paths = paths;
    setSchemaDirectory(paths.schema_dir);
    auto fail = [&](const std::string& file, std::vector<Diagnostic> diags) {
        lib.diagnostics.insert(lib.diagnostics.end(), diags.begin(), diags.end());
        lib.failed.push_back({file, std::move(diags)});
    };

    auto sops = contentFilesIn(paths.root / "sop", ".sop.json");
    if (sops.empty()) {
        fail((paths.root / "sop").string(), {Diagnostic{Severity::Error, (paths.root / "sop").string(), 0, 0, "no SOP (*.sop.json) found", ""}});
        return lib;
    }
    {
        std::vector<Diagnostic> diags;
        auto sop = loadSop(sops.front(), diags);
        if (!sop) {
            fail(sops.front().string(), std::move(diags));
            return lib;  // without the SOP nothing can be checked or scored
        }
        lib.sop = std::move(*sop);
        lib.sop_loaded = true;
        lib.diagnostics.insert(lib.diagnostics.end(), diags.begin(), diags.end());
    }
    for (size_t i = 1; i < sops.size(); ++i)  // said, not silently ignored
        lib.diagnostics.push_back({Severity::Warning, sops[i].string(), 0, 0,
                                   "not used: a content tree trains one SOP, and " + sops.front().filename().string() +
                                       " comes first; keep another SOP in its own content tree",
                                   ""});
    auto settings_file = paths.root / "settings.json";
    if (std::filesystem::exists(settings_file)) {
        std::vector<Diagnostic> diags;
        if (auto settings = loadSettings(settings_file, diags)) lib.default_settings = *settings;
        else fail(settings_file.string(), std::move(diags));
    }
    for (const auto& file : contentFilesIn(paths.root / "scenarios")) {
        std::vector<Diagnostic> diags;
        auto scenario = loadScenario(file, lib.sop, diags, path_checks);
        if (scenario && lib.scenario(scenario->id)) {
            diags.push_back(Diagnostic{Severity::Error, file.string(), 0, 0, "duplicate scenario id '" + scenario->id + "' (also in " + lib.scenario(scenario->id)->file + ")", "/id"});
            scenario.reset();
        }
        if (scenario) {
            lib.scenarios.push_back(std::make_shared<const Scenario>(std::move(*scenario)));
            lib.diagnostics.insert(lib.diagnostics.end(), diags.begin(), diags.end());
        } else {
            fail(file.string(), std::move(diags));
        }
    }
    for (const auto& file : contentFilesIn(paths.root / "paths")) {
        std::vector<Diagnostic> diags;
        if (auto path = loadTrainingPath(file, diags)) {
            for (size_t i = 0; i < path->steps.size(); ++i) {
                const auto& step = path->steps[i];
                if (step.kind == "scenario" && !lib.scenario(step.ref))
                    lib.diagnostics.push_back({Severity::Warning, file.string(), 0, 0, "path step " + std::to_string(i + 1) + " names unknown scenario '" + step.ref + "'", "/steps/" + std::to_string(i) + "/ref"});
            }
            lib.training_paths.push_back(std::move(*path));
        } else {
            fail(file.string(), std::move(diags));
        }
    }
    applyContentTranslations(lib, language);  // sorts again when it translates titles; "en" returns at once
    std::stable_sort(lib.scenarios.begin(), lib.scenarios.end(), [](const auto& a, const auto& b) {
        return a->difficulty != b->difficulty ? a->difficulty < b->difficulty : a->title < b->title;
    });
    return lib;
}

}  // namespace frontline
