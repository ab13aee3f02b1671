// Where the window saves what a user takes away (CSV tables, certificate PDFs and badges): the
// user's Documents folder (XDG user dirs), in a Frontline folder, with names a person can read.
#include <cctype>
#include <cstdlib>
#include <fstream>
#include "ui_internal.hpp"

namespace frontline::ui {

namespace fs = std::filesystem;

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

fs::path exportFolder(const AppState& app) {
    std::error_code ec;
    const fs::path documents = documentsDirectory();
    if (!documents.empty() && fs::is_directory(documents, ec)) return documents / "Frontline";
    return app.store->dataDirectory() / "exports";
}

std::string fileSafe(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        const char kept = (std::isalnum(c) || c >= 0x80) ? static_cast<char>(c) : '-';
        if (kept != '-' || (!out.empty() && out.back() != '-')) out += kept;  // one '-' per gap, none leading
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "all" : out;
}

}  // namespace frontline::ui
