// frontline settings [set KEY VALUE | reset | diff] — the organisation's answers to the SOP template's blanks.
// Every value is checked against its range (settingSpecs()) before the database is opened, so a
// mistyped command changes and creates nothing.
#include <iostream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {
namespace {

void printHelp(std::ostream& out) {
    out << tr("usage: frontline settings [--json]          show the settings\n"
           "       frontline settings set KEY VALUE    change one (e.g. set company_name \"Acme Energy\")\n"
           "       frontline settings reset            back to the bundled defaults\n"
           "       frontline settings diff [--json]    what differs from the content's defaults (settings.json)\n"
           "set and reset take --manager-password-file FILE when the database has a manager password\n"
           "(frontline manager-password).\n\nsettings and their ranges:\n");
    for (const auto& spec : settingSpecs()) out << "  " << utf8::column(spec.key, 30) << rangeText(spec) << "\n";
}

// The checked value of `set KEY VALUE`; throws UsageError naming the key and its range.
std::pair<const SettingSpec*, nlohmann::json> readAssignment(const std::vector<std::string>& pos) {
    if (pos.size() != 3) throw UsageError(tr("settings set needs KEY VALUE"));
    const SettingSpec* spec = settingSpec(pos[1]);
    if (!spec) {
        std::string known;
        for (const auto& s : settingSpecs()) known += " " + s.key;
        throw UsageError(fmt(tr("unknown setting '{0}'; known:{1}"), utf8::sanitized(pos[1]), known));
    }
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

// `settings diff`: once any setting is saved, the database holds them all and settings.json is
// only what `reset` goes back to; this shows where the two part.
int printDiff(const OrgSettings& settings, const OrgSettings& defaults, const Args& args, Io& io) {
    const nlohmann::json now = settingsToJson(settings), bundled = settingsToJson(defaults);
    nlohmann::json differs = nlohmann::json::array();
    for (const auto& spec : settingSpecs())
        if (now[spec.key] != bundled[spec.key]) differs.push_back({{"key", spec.key}, {"default", bundled[spec.key]}, {"current", now[spec.key]}});
    if (args.has("--json")) {
        io.out << jsonText({{"differs", differs}}) << "\n";
        return 0;
    }
    if (differs.empty()) io.out << tr("Every setting is the content's default (settings.json).\n");
    for (const auto& d : differs)
        io.out << d["key"].get<std::string>() << ": " << fmt(tr("{0} (default {1})"), shown(d["current"]), shown(d["default"])) << "\n";
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
    if ((action == "reset" || action == "diff") && pos.size() != 1) throw UsageError(fmt(tr("settings {0} takes no arguments"), action));

    std::optional<std::pair<const SettingSpec*, nlohmann::json>> assignment;
    if (action == "set") assignment = readAssignment(pos);

    const auto defaults = contentDefaultsOrReport(args, io);
    if (!defaults) return 1;
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    OrgSettings settings = store->settings(*defaults);
    if (action == "diff") return printDiff(settings, *defaults, args, io);
    if (!action.empty() && !managerConfirmed(*store, args, io)) return 1;
    if (action == "reset") {
        store->saveSettings(*defaults);
        if (args.has("--json")) io.out << jsonText(settingsToJson(*defaults)) << "\n";
        else io.out << tr("Settings reset to the bundled defaults.\n");
        return 0;
    }
    if (assignment) {
        const auto& [spec, value] = *assignment;
        settings = settingsFromJson(nlohmann::json{{spec->key, value}}, settings);
        store->saveSettings(settings);
        if (args.has("--json")) io.out << jsonText(settingsToJson(settings)) << "\n";  // all of them, as `settings --json`
        else io.out << spec->key << " = " << shown(settingsToJson(settings)[spec->key]) << "\n";
        return 0;
    }
    nlohmann::json j = settingsToJson(settings);
    if (args.has("--json")) {
        io.out << jsonText(j) << "\n";
        return 0;
    }
    for (const auto& spec : settingSpecs())
        io.out << spec.description << " (" << spec.key << ", " << rangeText(spec) << "): " << shown(j[spec.key]) << "\n";
    return 0;
}

}  // namespace frontline::cli
