// Rewrites the `expect` block of every golden play-through to what the engine and scorer produce
// now, and prints each changed value so the change can be reviewed (scripts/update-golden.sh).
// Usage: frontline_update_golden CONTENT_DIR [--check]   (--check: report, write nothing; exit 1 on drift)
#include <fstream>
#include <iostream>
#include "frontline/content.hpp"
#include "frontline/golden.hpp"

using namespace frontline;

namespace {

int updateFile(const std::filesystem::path& path, const ContentLibrary& lib, bool write, int& drifted) {
    std::ifstream in(path);
    nlohmann::json file;
    try {
        file = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        std::cerr << path.string() << ": not JSON: " << e.what() << "\n";
        return 1;
    }
    const Scenario* scenario = lib.scenario(file.value("scenario", std::string()));
    if (!scenario) {
        std::cerr << path.string() << ": unknown scenario '" << file.value("scenario", std::string()) << "'\n";
        return 1;
    }
    std::vector<std::string> changes;
    const nlohmann::json updated = updatedGoldenJson(file, lib.sop, *scenario, lib.default_settings, changes);
    for (const std::string& c : changes) std::cout << path.filename().string() << ": " << c << "\n";
    if (updated == file) return 0;
    ++drifted;
    if (write) std::ofstream(path) << updated.dump(2) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: frontline_update_golden CONTENT_DIR [--check]\n";
        return 2;
    }
    const std::filesystem::path root = argv[1];
    const bool write = !(argc > 2 && std::string(argv[2]) == "--check");
    setSchemaDirectory(root.parent_path() / "schema");
    const ContentLibrary lib = loadContent(ContentPaths::at(root));
    if (!lib.sop_loaded) {
        std::cerr << "the SOP did not load from " << root.string() << "\n";
        return 1;
    }
    int errors = 0, drifted = 0;
    for (const auto& entry : std::filesystem::directory_iterator(root / "golden")) {
        if (entry.path().extension() == ".json") errors += updateFile(entry.path(), lib, write, drifted);
    }
    std::cout << drifted << " golden file(s) " << (write ? "rewritten" : "out of date") << "\n";
    return errors ? 1 : (!write && drifted ? 1 : 0);
}
