// The Team screen's "Export CSV": the four tables of `frontline export csv` (export.hpp), for the
// team picked in the filter, written with a byte-order mark (Excel reads UTF-8 names right with one)
// into the manager's Documents folder, named by table, team and date.
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <imgui.h>
#include "frontline/certs.hpp"
#include "frontline/export.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "team_panels.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace fs = std::filesystem;

namespace {

// XDG_DOCUMENTS_DIR from the environment or ~/.config/user-dirs.dirs, else ~/Documents when it
// exists; "" when there is no home at all.
fs::path documentsDirectory() {
    if (const char* env = std::getenv("XDG_DOCUMENTS_DIR"); env && *env) return env;
    const char* home = std::getenv("HOME");
    if (!home || !*home) return {};
    const char* config = std::getenv("XDG_CONFIG_HOME");
    std::ifstream dirs(fs::path(config && *config ? config : std::string(home) + "/.config") / "user-dirs.dirs");
    const std::string key = "XDG_DOCUMENTS_DIR=\"";
    for (std::string line; std::getline(dirs, line);) {
        if (line.rfind(key, 0) != 0 || line.size() <= key.size()) continue;
        std::string value = line.substr(key.size(), line.size() - key.size() - 1);  // without the closing quote
        if (value.rfind("$HOME", 0) == 0) value = std::string(home) + value.substr(5);
        return value;
    }
    return fs::path(home) / "Documents";
}

// Where exports go: Documents/Frontline, or beside the database when there is no Documents folder.
fs::path exportFolder(const AppState& app) {
    std::error_code ec;
    const fs::path documents = documentsDirectory();
    if (!documents.empty() && fs::is_directory(documents, ec)) return documents / "Frontline";
    return app.store->dataDirectory() / "exports";
}

std::string fileSafe(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += (std::isalnum(c) || c == '-' || c >= 0x80) ? static_cast<char>(c) : '-';
    return out.empty() ? "all" : out;
}

void exportTable(AppState& app, CsvWhat what) {
    const CertificationScreenState& st = app.certification;
    const std::string now = nowUtcIso();
    const fs::path folder = exportFolder(app);
    const fs::path file = folder / ("frontline-" + std::string(csvWhatName(what)) + "-" + fileSafe(st.filter.team) + "-" +
                                    dateOfUtc(now) + ".csv");
    try {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) throw std::runtime_error("cannot create " + folder.string() + ": " + ec.message());
        ExportFilter filter;
        filter.team = st.filter.team;
        filter.now = now;
        const ExportSources from{*app.store, app.content, certificationPolicies(app), app.settings};
        const int rows = writeCsvFile(from, what, filter, file, true);
        showToast(app, "Saved " + std::to_string(rows) + (rows == 1 ? " row to " : " rows to ") + file.string(), 6);
    } catch (const std::exception& e) {
        showToast(app, std::string("Export failed: ") + e.what(), 8);
    }
}

}  // namespace

void drawTeamExport(AppState& app) {
    if (iconButton(icon::kFileText, "Export CSV")) ImGui::OpenPopup("##export-menu");
    tooltip("Save a table as CSV for Excel or the LMS, for the team picked in the filter.");
    if (!ImGui::BeginPopup("##export-menu")) return;
    const std::pair<CsvWhat, const char*> tables[] = {{CsvWhat::Status, "Certification status"},
                                                      {CsvWhat::Attempts, "Attempts"},
                                                      {CsvWhat::Quizzes, "Quizzes and exams"},
                                                      {CsvWhat::Certificates, "Certificates"}};
    for (const auto& [what, label] : tables) {
        if (ImGui::Selectable(label)) exportTable(app, what);
        recordItem(("export:" + std::string(csvWhatName(what))).c_str());
    }
    ImGui::EndPopup();
}

}  // namespace frontline::ui
