#pragma once
// What every command needs: content from --content (or the bundled tree), the store from --db (or
// the XDG default) with clear errors, and the effective organisation settings.
#include <filesystem>
#include <optional>
#include <string>
#include "cli.hpp"
#include "frontline/content.hpp"
#include "frontline/store.hpp"

namespace frontline::cli {

// Options every command accepts: --db PATH|URI, --content DIR. The database: --db, else
// $FRONTLINE_DB, else the desk settings file, else the default file (see databaseLocator).
ContentPaths contentPathsFor(const Args& args);
std::string databaseLocatorFor(const Args& args);

// Loads the content with structural checks only (like the window; `validate` adds the path
// checks); files that failed are reported on io.err as compiler-style diagnostics.
// Returns nullopt (after reporting) only when the SOP itself cannot be loaded.
std::optional<ContentLibrary> loadContentOrReport(const Args& args, Io& io, bool quiet_failures = false);

// Opens the store; on failure prints "frontline: cannot use the database <where>: <why>" and
// returns nullopt. The database is never replaced or modified on failure.
std::optional<Store> openStoreOrReport(const Args& args, Io& io);

// Before Settings changes, issuing and revoking on a local file that has a manager password: the
// password from --manager-password-file FILE (its first line), or asked for at a terminal. False,
// after saying why on io.err, when it is missing or wrong; the caller then changes nothing.
bool managerConfirmed(const Store& store, const Args& args, Io& io);
// The first line of a password file (a trailing CR removed); UsageError when it cannot be read.
std::string passwordFromFile(const std::string& file);

// Content defaults overlaid with the organisation's saved settings.
OrgSettings effectiveSettings(const ContentLibrary& content, const Store* store);
// The same settings for a command that records nothing (`play --no-record`): read from the
// database when there is one, never creating it; the content's defaults when there is none.
OrgSettings settingsWithoutRecording(const ContentLibrary& content, const Args& args, Io& io);

// The trainee of that name, or nullopt after "no trainee named …" on io.err.
std::optional<Trainee> traineeOrReport(const Store& store, const std::string& name, Io& io);

// With the file's trainee PIN policy on (trainee_pin_digits > 0; a server has logins instead),
// `name`'s PIN before a command records for them: from --pin-file FILE (its first line) or typed at
// a terminal. A profile without a PIN (new, or reset by a manager) takes this one as its own. The
// profile is created when new. False, after saying why on io.err, when it is missing or refused.
bool traineePinConfirmed(Store& store, const OrgSettings& settings, const std::string& name, const Args& args, Io& io);

// The trainee named by --trainee, else $USER, else "Guest". A $USER that is not UTF-8 falls back
// to "Guest" (names are stored and exported as UTF-8).
std::string traineeNameFor(const Args& args);

// The organisation's issuer directory: --issuer-dir DIR, else $FRONTLINE_ISSUER_DIR, else
// $XDG_DATA_HOME/frontline-issuer (the manager's own folder, not the trainee database's).
std::filesystem::path issuerDirectoryFor(const Args& args);
// The issuer key's passphrase: the first line of --passphrase-file FILE, else
// $FRONTLINE_ISSUER_PASSPHRASE, else a line typed at the terminal; nullopt (after saying why) when
// there is none.
std::optional<std::string> issuerPassphrase(const Args& args, Io& io);

// JSON for stdout: text that is already stored but not valid UTF-8 comes out with U+FFFD
// instead of making dump() throw.
std::string jsonText(const nlohmann::json& j);

// `text` (a translated label) padded with spaces to `width` characters; a longer one gets one
// space, never a cut, so a table's values line up in any language that fits.
std::string padded(const std::string& text, std::size_t width);

// A scenario's channel ("call", "chat", "e-mail") and level as shown, in the language in effect
// (channelName()/difficultyName() stay English: ids in files and JSON).
const char* channelText(Channel channel);
const char* difficultyText(int difficulty);

// "1m 05s"


std::string formatDuration(int seconds);

// Splits "a,b,c" on commas (empty items dropped, spaces trimmed).
std::vector<std::string> splitList(const std::string& text, char separator = ',');

}  // namespace frontline::cli
