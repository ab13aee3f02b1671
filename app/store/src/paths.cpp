#include <cstdlib>
#include <ctime>
#include "frontline/store.hpp"

namespace frontline {

std::filesystem::path defaultDatabasePath() {
    // XDG base directory spec: $XDG_DATA_HOME, else ~/.local/share.
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "frontline" / "frontline.db";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "frontline" / "frontline.db";
    return std::filesystem::path("frontline.db");
}

std::filesystem::path dataDirectoryFor(const std::filesystem::path& db_path) {
    if (db_path == ":memory:") return std::filesystem::temp_directory_path();
    auto parent = db_path.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

std::string nowUtcIso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace frontline
