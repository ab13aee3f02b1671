#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {

ContentPaths contentPathsFor(const Args& args) {
    return args.has("--content") ? ContentPaths::at(args.get("--content")) : ContentPaths::bundled();
}

std::string databaseLocatorFor(const Args& args) {
    return databaseLocator(args.has("--db") ? std::optional<std::string>(args.get("--db")) : std::nullopt);
}

std::optional<ContentLibrary> loadContentOrReport(const Args& args, Io& io, bool quiet_failures) {
    // Structural checks only, as the window loads it: path exploration (every reachable ending,
    // dead ends) is an authoring check that costs most of the load, and `validate` runs it.
    ContentLibrary lib = loadContent(contentPathsFor(args), false);
    if (!lib.sop_loaded) {
        for (const auto& f : lib.failed)
            for (const auto& d : f.diagnostics) io.err << format(d) << "\n";
        io.err << "frontline: " << fmt(tr("the SOP could not be loaded from {0}; nothing can be played or scored"), lib.paths.root.string()) << "\n";
        return std::nullopt;
    }
    if (!quiet_failures && !lib.failed.empty()) {
        for (const auto& f : lib.failed)
            for (const auto& d : f.diagnostics)
                if (d.severity == Severity::Error) io.err << format(d) << "\n";
        io.err << "frontline: "
               << fmt(trn("{0} content file did not load (see above); the rest are available",
                          "{0} content files did not load (see above); the rest are available", lib.failed.size()),
                      lib.failed.size())
               << "\n";
    }
    return lib;
}

std::optional<Store> openStoreOrReport(const Args& args, Io& io) {
    std::string where = args.has("--db") ? args.get("--db") : "";
    try {
        where = databaseLocatorFor(args);
        // No full-file check on every command (seconds on a large file): `frontline check` runs it,
        // and the store runs it itself after an unclean shutdown.
        StoreOptions options;
        options.integrity_check = false;
        return openStore(where, options);
    } catch (const StoreError& e) {
        io.err << "frontline: " << fmt(tr("cannot use the database {0}: {1}"), displayLocator(where), e.what()) << "\n";
        return std::nullopt;
    }
}

std::string passwordFromFile(const std::string& file) {
    std::ifstream in(file);
    std::string password;
    // Serves passwords, passphrases and PINs alike: the message names none of them.
    if (!in || !std::getline(in, password)) throw UsageError(fmt(tr("cannot read a first line from {0} (missing, unreadable or empty)"), file));
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

bool managerConfirmed(const Store& store, const Args& args, Io& io) {
    if (!store.managerPasswordSet()) return true;
    std::string password;
    if (args.has("--manager-password-file")) {
        password = passwordFromFile(args.get("--manager-password-file"));
    } else if (io.interactive) {
        io.err << tr("Manager password: ") << std::flush;
        std::getline(io.in, password);
    } else {
        io.err << "frontline: " << tr("this needs the manager password (--manager-password-file FILE); nothing was changed") << "\n";
        return false;
    }
    if (store.checkManagerPassword(password)) return true;
    io.err << "frontline: " << tr("wrong manager password; nothing was changed") << "\n";
    return false;
}

std::optional<Trainee> traineeOrReport(const Store& store, const std::string& name, Io& io) {
    auto t = store.traineeByName(name);
    if (!t) io.err << "frontline: " << fmt(tr("no trainee named '{0}' (see `frontline trainees`)"), utf8::sanitized(name)) << "\n";
    return t;
}

namespace {

std::string pinFor(const std::string& name, const Args& args, Io& io) {
    if (args.has("--pin-file")) return passwordFromFile(args.get("--pin-file"));
    std::string pin;
    if (io.interactive) {
        io.err << fmt(tr("PIN for {0}: "), utf8::sanitized(name)) << std::flush;
        std::getline(io.in, pin);
    }
    return pin;
}

// Says why a checked PIN did not sign the trainee in; true when it did.
bool pinAccepted(const PinCheck& check, const std::string& name, Io& io) {
    if (check.outcome == PinOutcome::Right) return true;
    const std::string who = utf8::sanitized(name);
    std::string why;
    if (check.outcome == PinOutcome::Wrong) why = fmt(tr("that is not {0}'s PIN"), who);
    if (check.outcome == PinOutcome::Paused)
        why = fmt(trn("{0} wrong PIN in a row for {1}: try again after {2}, or ask a manager to reset it (frontline trainees reset-pin)",
                      "{0} wrong PINs in a row for {1}: try again after {2}, or ask a manager to reset it (frontline trainees reset-pin)",
                      static_cast<unsigned long>(check.failures)),
                  check.failures, who, check.paused_until);
    if (check.outcome == PinOutcome::NotSet) why = fmt(tr("{0}'s PIN was reset meanwhile; try again"), who);
    io.err << "frontline: " << fmt(tr("{0}; nothing was recorded"), why) << "\n";
    return false;
}

}  // namespace

bool traineePinConfirmed(Store& store, const OrgSettings& settings, const std::string& name, const Args& args, Io& io) {
    if (settings.trainee_pin_digits <= 0 || isServerLocator(store.locator())) return true;
    const std::string pin = pinFor(name, args, io);
    if (pin.empty()) {
        io.err << "frontline: " << fmt(tr("{0} signs in with a PIN on this desk (--pin-file FILE); nothing was recorded"), utf8::sanitized(name)) << "\n";
        return false;
    }
    try {
        const Trainee t = store.traineeByNameOrCreate(name);
        if (store.traineePinSet(t.id)) return pinAccepted(store.checkTraineePin(t.id, pin), name, io);
        store.setTraineePin(t.id, pin, settings.trainee_pin_digits);
        io.err << fmt(tr("PIN set for {0}: it is asked at every sign-in from now on."), utf8::sanitized(name)) << "\n";
        return true;
    } catch (const StoreError& e) {
        io.err << "frontline: " << fmt(tr("{0}; nothing was recorded"), e.what()) << "\n";
        return false;
    }
}

OrgSettings effectiveSettings(const ContentLibrary& content, const Store* store) {
    return store ? store->settings(content.default_settings) : content.default_settings;
}

OrgSettings settingsWithoutRecording(const ContentLibrary& content, const Args& args, Io& io) {
    std::string where;
    try {
        where = databaseLocatorFor(args);
    } catch (const StoreError&) {
    }
    std::error_code ec;
    // No database yet: no organisation values, and reading must not create one.
    if (where.empty() || (!isServerLocator(where) && !std::filesystem::exists(where, ec))) return content.default_settings;
    auto store = openStoreOrReport(args, io);
    if (!store) {
        io.err << "frontline: warning: playing with the content's settings.json only\n";
        return content.default_settings;
    }
    return store->settings(content.default_settings);
}

std::string traineeNameFor(const Args& args) {
    if (args.has("--trainee")) return args.get("--trainee");  // parseOptions: non-empty, UTF-8
    if (const char* user = std::getenv("USER"); user && *user && utf8::valid(user)) return user;
    return "Guest";
}

std::string jsonText(const nlohmann::json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

const char* channelText(Channel channel) {
    switch (channel) {
        case Channel::Call: break;
        case Channel::Chat: return trc("channel", "chat");
        case Channel::Email: return trc("channel", "e-mail");
    }
    return trc("channel", "call");
}


const char* difficultyText(int difficulty) {
    switch (difficulty) {
        case 1: return trc("difficulty", "Intro");
        case 2: return trc("difficulty", "Intermediate");
        default: return trc("difficulty", "Advanced");
    }
}

std::string padded(const std::string& text, std::size_t width) {

    const std::size_t length = utf8::length(text);
    return text + std::string(length < width ? width - length : 1, ' ');
}

std::string formatDuration(int seconds) {

    std::ostringstream out;
    out << seconds / 60 << "m " << (seconds % 60 < 10 ? "0" : "") << seconds % 60 << "s";
    return out.str();
}

std::vector<std::string> splitList(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, separator)) {
        auto b = item.find_first_not_of(" \t");
        auto e = item.find_last_not_of(" \t");
        if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    }
    return out;
}

}  // namespace frontline::cli
