// Which database a desk uses (--db, $FRONTLINE_DB, the desk settings file, the default file) and
// how a locator is shown without its password.
#include <cstdlib>
#include <fstream>
#include "frontline/store.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

std::string trimmed(const std::string& text) {
    const auto b = text.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = text.find_last_not_of(" \t\r");
    return text.substr(b, e - b + 1);
}

// The `database = ...` line of the desk settings file, or "" when there is none.
std::string databaseFromDeskSettings(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return "";
    std::string line, found;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string text = trimmed(line);
        if (text.empty() || text[0] == '#') continue;
        const auto eq = text.find('=');
        if (eq == std::string::npos)
            throw StoreError(StoreError::Kind::CannotOpen, file.string() + ":" + std::to_string(number) +
                                                               ": expected 'key = value' (e.g. database = postgresql://server/frontline)");
        if (trimmed(text.substr(0, eq)) == "database") found = trimmed(text.substr(eq + 1));
    }
    return found;
}

}  // namespace

bool isServerLocator(const std::string& locator) {
    return locator.rfind("postgresql://", 0) == 0 || locator.rfind("postgres://", 0) == 0;
}

fs::path deskSettingsPath() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "frontline" / "desk.conf";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "frontline" / "desk.conf";
    return fs::path("frontline-desk.conf");
}

std::string databaseLocator(const std::optional<std::string>& from_command_line) {
    if (from_command_line) return *from_command_line;
    if (const char* env = std::getenv("FRONTLINE_DB"); env && *env) return env;
    if (std::string configured = databaseFromDeskSettings(deskSettingsPath()); !configured.empty()) return configured;
    return defaultDatabasePath().string();
}

std::string displayLocator(const std::string& locator) {
    if (!isServerLocator(locator)) return locator;
    // postgresql://user:secret@host/db -> postgresql://user@host/db; a password=... parameter too.
    std::string shown = locator;
    const auto scheme_end = shown.find("://") + 3;
    const auto at = shown.find('@', scheme_end);
    const auto slash = shown.find('/', scheme_end);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
        const auto colon = shown.find(':', scheme_end);
        if (colon != std::string::npos && colon < at) shown.erase(colon, at - colon);
    }
    for (auto p = shown.find("password="); p != std::string::npos; p = shown.find("password=", p + 1)) {
        const auto end = shown.find('&', p);
        shown.replace(p, (end == std::string::npos ? shown.size() : end) - p, "password=***");
    }
    return shown;
}

}  // namespace frontline
