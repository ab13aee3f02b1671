// frontline settings [set KEY VALUE | reset] — the organisation's answers to the SOP template's blanks.
#include <iostream>
#include "cli_support.hpp"

namespace frontline::cli {

int cmdSettings(const std::vector<std::string>& argv, Io& io) {
    auto args = parseArgs(argv, {"--json", "--help"}, io.err);
    if (!args) return 2;
    if (args->has("--help")) {
        io.out << "usage: frontline settings [--json]          show the settings\n"
                  "       frontline settings set KEY VALUE    change one (e.g. set company_name \"Acme Energy\")\n"
                  "       frontline settings reset            back to the bundled defaults\n";
        return 0;
    }
    auto content = loadContentOrReport(*args, io, true);
    if (!content) return 1;
    auto store = openStoreOrReport(*args, io);
    if (!store) return 1;
    OrgSettings settings = effectiveSettings(*content, &*store);
    const auto& pos = args->positional;
    if (!pos.empty() && pos[0] == "reset") {
        store->saveSettings(content->default_settings);
        io.out << "Settings reset to the bundled defaults.\n";
        return 0;
    }
    if (!pos.empty() && pos[0] == "set") {
        if (pos.size() != 3) {
            io.err << "frontline: usage: frontline settings set KEY VALUE\n";
            return 2;
        }
        const auto& descriptions = settingDescriptions();
        if (!descriptions.count(pos[1])) {
            io.err << "frontline: unknown setting '" << pos[1] << "'; known:";
            for (const auto& [k, _] : descriptions) io.err << " " << k;
            io.err << "\n";
            return 2;
        }
        nlohmann::json current = settingsToJson(settings);
        nlohmann::json patch = nlohmann::json::object();
        if (current[pos[1]].is_string()) {
            patch[pos[1]] = pos[2];
        } else {
            auto parsed = nlohmann::json::parse(pos[2], nullptr, false);
            if (parsed.is_discarded() || !parsed.is_number()) {
                io.err << "frontline: '" << pos[1] << "' needs a number, not '" << pos[2] << "'\n";
                return 2;
            }
            patch[pos[1]] = parsed;
        }
        try {
            settings = settingsFromJson(patch, settings);
        } catch (const std::exception& e) {
            io.err << "frontline: " << e.what() << "\n";
            return 2;
        }
        store->saveSettings(settings);
        io.out << pos[1] << " = " << settingsToJson(settings)[pos[1]].dump() << "\n";
        return 0;
    }
    if (!pos.empty()) {
        io.err << "frontline: unknown settings action '" << pos[0] << "'\n";
        return 2;
    }
    nlohmann::json j = settingsToJson(settings);
    if (args->has("--json")) {
        io.out << j.dump(2) << "\n";
        return 0;
    }
    for (const auto& [key, description] : settingDescriptions())
        io.out << description << " (" << key << "): " << (j[key].is_string() ? j[key].get<std::string>() : j[key].dump()) << "\n";
    return 0;
}

}  // namespace frontline::cli
