// The Team screen's "Export CSV": the four tables of `frontline export csv` (export.hpp), for the
// team picked in the filter, written with a byte-order mark (Excel reads UTF-8 names right with one)
// into the manager's Documents folder, named by table, team and date.
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
        showToast(app, fmt(trn("Saved {0} row to {1}", "Saved {0} rows to {1}", static_cast<unsigned long>(rows)), rows, file.string()), 6);
    } catch (const std::exception& e) {
        showToast(app, fmt(tr("Export failed: {0}"), e.what()), 8);
    }
}

}  // namespace

void drawTeamExport(AppState& app) {
    if (iconButton(icon::kFileText, tr("Export CSV"))) ImGui::OpenPopup("##export-menu");
    tooltip(tr("Save a table as CSV for Excel or the LMS, for the team picked in the filter."));
    if (!ImGui::BeginPopup("##export-menu")) return;
    const std::pair<CsvWhat, const char*> tables[] = {{CsvWhat::Status, N_("Certification status")},
                                                      {CsvWhat::Attempts, N_("Attempts")},
                                                      {CsvWhat::Quizzes, N_("Quizzes and exams")},
                                                      {CsvWhat::Certificates, N_("Certificates")}};
    for (const auto& [what, label] : tables) {
        if (ImGui::Selectable(tr(label))) exportTable(app, what);
        recordItem(("export:" + std::string(csvWhatName(what))).c_str());
    }
    ImGui::EndPopup();
}

}  // namespace frontline::ui
