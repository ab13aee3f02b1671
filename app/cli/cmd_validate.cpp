// frontline validate [PATH…] — checks content like a compiler checks code.
#include <iostream>
#include <set>
#include "cli_support.hpp"
#include "frontline/validator.hpp"

namespace frontline::cli {
namespace {

enum class Kind { Sop, Settings, Scenario, Unknown };

Kind kindOf(const std::filesystem::path& file) {
    auto name = file.filename().string();
    auto parent = file.parent_path().filename().string();
    if (name.ends_with(".sop.json")) return Kind::Sop;
    if (name == "settings.json") return Kind::Settings;
    if (parent == "scenarios" && name.ends_with(".json")) return Kind::Scenario;
    return Kind::Unknown;
}

void collect(const std::filesystem::path& p, std::vector<std::filesystem::path>& files) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
        std::vector<std::filesystem::path> found;
        for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
            if (e.is_regular_file() && e.path().extension() == ".json") found.push_back(e.path());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    } else {
        files.push_back(p);
    }
}

}  // namespace

int cmdValidate(const std::vector<std::string>& argv, Io& io) {
    auto args = parseArgs(argv, {"--json", "--help", "--quiet"}, io.err);
    if (!args) return 2;
    if (args->has("--help")) {
        io.out << "usage: frontline validate [PATH…] [--json] [--quiet] [--content DIR]\n"
                  "Checks SOP, settings and scenario files (default: all bundled content). Prints\n"
                  "file:line:column: error|warning|note: message (at /json/path). Exit 1 on any error.\n";
        return 0;
    }
    ContentPaths paths = contentPathsFor(*args);
    setSchemaDirectory(paths.schema_dir);
    std::vector<std::filesystem::path> files;
    if (args->positional.empty()) {
        for (const char* sub : {"sop", "scenarios"}) collect(paths.root / sub, files);
        if (std::filesystem::exists(paths.root / "settings.json")) files.push_back(paths.root / "settings.json");
    }
    for (const auto& p : args->positional) {
        if (!std::filesystem::exists(p)) {
            io.err << p << ": error: no such file or directory\n";
            return 1;
        }
        collect(p, files);
    }

    // Scenarios are checked against the SOP of the content tree.
    std::vector<Diagnostic> sop_diags;
    std::optional<Sop> sop;
    {
        std::vector<std::filesystem::path> sops;
        collect(paths.root / "sop", sops);
        if (!sops.empty()) sop = loadSop(sops.front(), sop_diags);
    }

    nlohmann::json report = nlohmann::json::array();
    int errors = 0, warnings = 0, checked = 0;
    std::set<std::string> scenario_ids;
    for (const auto& file : files) {
        std::vector<Diagnostic> diags;
        Kind kind = kindOf(file);
        nlohmann::json entry{{"file", file.string()}};
        switch (kind) {
            case Kind::Sop: loadSop(file, diags); break;
            case Kind::Settings: loadSettings(file, diags); break;
            case Kind::Scenario:
                if (!sop) {
                    diags.push_back({Severity::Error, file.string(), 0, 0, "cannot check: the SOP did not load", ""});
                    diags.insert(diags.end(), sop_diags.begin(), sop_diags.end());
                } else if (auto s = loadScenario(file, *sop, diags)) {
                    if (!scenario_ids.insert(s->id).second)
                        diags.push_back({Severity::Error, file.string(), 0, 0, "duplicate scenario id '" + s->id + "'", "/id"});
                    entry["scenario"] = s->id;
                }
                break;
            case Kind::Unknown: continue;  // questions, policies… are checked by their own loaders
        }
        ++checked;
        entry["diagnostics"] = nlohmann::json::array();
        for (const auto& d : diags) {
            if (d.severity == Severity::Error) ++errors;
            if (d.severity == Severity::Warning) ++warnings;
            if (!(args->has("--quiet") && d.severity == Severity::Note)) {
                if (!args->has("--json")) io.out << format(d) << "\n";
            }
            entry["diagnostics"].push_back({{"severity", severityName(d.severity)}, {"file", d.file}, {"line", d.line},
                                            {"column", d.column}, {"message", d.message}, {"path", d.json_path}});
        }
        entry["ok"] = !hasErrors(diags);
        report.push_back(entry);
    }
    if (args->has("--json")) {
        io.out << nlohmann::json{{"files", report}, {"errors", errors}, {"warnings", warnings}}.dump(2) << "\n";
    } else {
        io.out << checked << " file(s) checked: " << errors << " error(s), " << warnings << " warning(s)\n";
    }
    return errors > 0 ? 1 : 0;
}

}  // namespace frontline::cli
