// frontline settings [set KEY VALUE | reset [KEY] | diff] — the organisation's answers to the SOP
// template's blanks. One order: settings.json gives the defaults, the database keeps only the keys
// the organisation set (overrides). Every value is checked against its range (settingSpecs())
// before the database is opened, so a mistyped command changes and creates nothing.
#include <iostream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {
namespace {

void printHelp(std::ostream& out) {
    out << tr("usage: frontline settings [--json]          show the settings\n"
           "       frontline settings set KEY VALUE    change one (e.g. set company_name \"Acme Energy\")\n"
           "       frontline settings reset [KEY]      remove the organisation's value(s): back to settings.json\n"
           "       frontline settings diff [--json]    the organisation's values beside the defaults (settings.json)\n"
           "A setting without an organisation value follows settings.json, also after it is edited.\n"
           "set and reset take --manager-password-file FILE when the database has a manager password\n"
           "(frontline manager-password).\n\nsettings and their ranges:\n");
    for (const auto& spec : settingSpecs()) out << "  " << utf8::column(spec.key, 30) << rangeText(spec) << "\n";
}

const SettingSpec& knownSetting(const std::string& key) {
    const SettingSpec* spec = settingSpec(key);
    if (spec) return *spec;
    std::string known;
    for (const auto& s : settingSpecs()) known += " " + s.key;
    throw UsageError(fmt(tr("unknown setting '{0}'; known:{1}"), utf8::sanitized(key), known));
}

// The checked value of `set KEY VALUE`; throws UsageError naming the key and its range.
std::pair<const SettingSpec*, nlohmann::json> readAssignment(const std::vector<std::string>& pos) {
    if (pos.size() != 3) throw UsageError(tr("settings set needs KEY VALUE"));
    const SettingSpec* spec = &knownSetting(pos[1]);
    try {
        return {spec, settingValueFromText(*spec, pos[2])};
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

// The bundled defaults: only settings.json is read (the whole content costs seconds, and the SOP
// and scenarios play no part here). A missing file means the built-in defaults.
std::optional<OrgSettings> contentDefaultsOrReport(const Args& args, Io& io) {
    const ContentPaths paths = contentPathsFor(args);
    const auto file = paths.root / "settings.json";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return OrgSettings{};
    setSchemaDirectory(paths.schema_dir);
    std::vector<Diagnostic> diags;
    auto defaults = loadSettings(file, diags);
    for (const auto& d : diags)
        if (d.severity == Severity::Error) io.err << format(d) << "\n";
    return defaults;
}

std::string shown(const nlohmann::json& value) { return value.is_string() ? utf8::sanitized(value.get<std::string>()) : value.dump(); }

// `settings diff`: the organisation's overrides, each beside the default it hides. An override
// equal to its default is listed too: it still keeps that key from following settings.json.
int printDiff(const nlohmann::json& overrides, const OrgSettings& defaults, const Args& args, Io& io) {
    const nlohmann::json bundled = settingsToJson(defaults);
    nlohmann::json listed = nlohmann::json::array();
    for (const auto& spec : settingSpecs())  // in the settings' own order
        if (overrides.contains(spec.key))
            listed.push_back({{"key", spec.key}, {"default", bundled[spec.key]}, {"organisation", overrides[spec.key]}});
    if (args.has("--json")) {
        io.out << jsonText({{"overrides", listed}}) << "\n";
        return 0;
    }
    if (listed.empty()) io.out << tr("The organisation has set nothing: every setting follows the content's settings.json.") << "\n";
    for (const auto& d : listed)
        io.out << d["key"].get<std::string>() << ": "
               << fmt(d["organisation"] == d["default"] ? tr("{0} (default {1}, the same)") : tr("{0} (default {1})"), shown(d["organisation"]),
                      shown(d["default"]))
               << "\n";
    return 0;
}

// `settings reset [KEY]`
int resetOverrides(Store& store, const std::vector<std::string>& pos, const OrgSettings& defaults, const Args& args, Io& io) {
    std::vector<std::string> keys;
    if (pos.size() == 2) keys.push_back(pos[1]);
    store.resetSettings(keys);
    if (args.has("--json")) {
        io.out << jsonText(settingsToJson(store.settings(defaults))) << "\n";
    } else if (keys.empty()) {
        io.out << tr("Every setting follows settings.json again (the organisation's values are removed).") << "\n";
    } else {
        io.out << fmt(tr("{0} follows settings.json again: {1}"), keys[0], shown(settingsToJson(defaults)[keys[0]])) << "\n";
    }
    return 0;
}

}  // namespace

int cmdSettings(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {}, {}, {"--manager-password-file"}});
    if (args.has("--help")) {
        printHelp(io.out);
        return 0;
    }
    const auto& pos = args.positional;
    const std::string action = pos.empty() ? std::string() : pos[0];
    if (action != "" && action != "set" && action != "reset" && action != "diff")
        throw UsageError(fmt(tr("unknown settings action '{0}'"), utf8::sanitized(action)));
    if (action == "diff" && pos.size() != 1) throw UsageError(tr("settings diff takes no arguments"));
    if (action == "reset" && pos.size() > 2) throw UsageError(tr("settings reset takes at most one KEY"));
    if (action == "reset" && pos.size() == 2) knownSetting(pos[1]);
    std::optional<std::pair<const SettingSpec*, nlohmann::json>> assignment;
    if (action == "set") assignment = readAssignment(pos);

    const auto defaults = contentDefaultsOrReport(args, io);
    if (!defaults) return 1;
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (action == "diff") return printDiff(store->settingOverrides(), *defaults, args, io);
    if (!action.empty() && !managerConfirmed(*store, args, io)) return 1;
    if (action == "reset") return resetOverrides(*store, pos, *defaults, args, io);
    if (assignment) {
        const auto& [spec, value] = *assignment;
        store->setSettings(nlohmann::json{{spec->key, value}});
        const nlohmann::json now = settingsToJson(store->settings(*defaults));
        if (args.has("--json")) io.out << jsonText(now) << "\n";  // all of them, as `settings --json`
        else io.out << spec->key << " = " << shown(now[spec->key]) << "\n";
        return 0;
    }
    const OrgSettings settings = store->settings(*defaults);
    const nlohmann::json overrides = store->settingOverrides();
    nlohmann::json j = settingsToJson(settings);
    if (args.has("--json")) {
        io.out << jsonText(j) << "\n";
        return 0;
    }
    for (const auto& spec : settingSpecs())
        io.out << settingDescription(spec) << " (" << spec.key << ", " << rangeText(spec) << "): " << shown(j[spec.key])
               << (overrides.contains(spec.key) ? std::string("  ") + tr("[organisation]") : std::string()) << "\n";
    return 0;
}

}  // namespace frontline::cli
