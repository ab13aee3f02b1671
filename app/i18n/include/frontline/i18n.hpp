#pragma once
// Translations of the UI and CLI (GNU gettext, text domain "frontline") and the few
// language-dependent formats (dates, decimals). Content (scenarios, SOP texts, question banks) is
// translated by overlay files instead, see content.hpp.
//
// Mark a string for translation where it is shown:
//   tr("Start the call")                           one message
//   trn("%d attempt", "%d attempts", n)            plural forms (the language's own rules)
//   trc("menu", "Close")                           a context when one English word has two senses
//   N_("Certificates")                             a table entry, translated later with tr()
//   NC_("month", "May")                            the same for an entry shown with trc()
// Messages with values use printf's %d/%s (ImGui::Text) or fmt()'s {0} {1}, whose order a
// translation may change. `scripts/i18n-update.sh` extracts the messages into po/frontline.pot and
// merges them into po/<lang>/*.po; the build compiles those into share/locale.
#include <cstddef>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::i18n {

struct Language {
    std::string code;         // "en", "es" (what the catalog folder is named)
    std::string native_name;  // "English", "Español": shown in the language picker
};

// Once, first thing in main(): the user's locale for everything, the catalog folder beside the
// binary (<bin>/../share/locale, as installed and as in the build tree) and the language from
// FRONTLINE_LANGUAGE or the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
void init();

// Switches the language of every later tr() ("" = the system's). An unknown code falls back to
// English text. Call from the main thread only (it sets the LANGUAGE environment variable).
void setLanguage(std::string_view code);

// The language in effect ("en" when no catalog matches), and the system's own choice.
std::string language();
std::string systemLanguage();

// English plus every language with a compiled catalog, English first.
std::vector<Language> languages();

// The folder holding <code>/LC_MESSAGES/frontline.mo.
std::string localeDirectory();

// "1 December 2026" / "1 de diciembre de 2026": from "YYYY-MM-DD..." (ISO date or timestamp).
// A string that is not such a date is handed back unchanged.
std::string longDate(std::string_view iso);
// "3 Dec 2026" / "3 dic 2026".
std::string shortDate(std::string_view iso);
// 87.5 / 87,5 with `places` decimals, the language's decimal separator.
std::string decimal(double value, int places);
// 4,765 / 4 765: a whole number with the language's digit-group separator.
std::string wholeNumber(long long value);

// Replaces {0}, {1}, ... in `pattern` with `args` ("{{" is a literal "{").
std::string formatPositional(std::string_view pattern, const std::vector<std::string>& args);

}  // namespace frontline::i18n

namespace frontline {

const char* tr(const char* msgid);
const char* trn(const char* singular, const char* plural, unsigned long n);
const char* trc(const char* context, const char* msgid);
// Marks a string for extraction without translating it (static tables).
constexpr const char* N_(const char* msgid) { return msgid; }
// The same with a context, for a table later shown with trc(context, entry).
constexpr const char* NC_(const char* /*context*/, const char* msgid) { return msgid; }

namespace i18n::detail {
inline std::string toText(const std::string& s) { return s; }
inline std::string toText(std::string_view s) { return std::string(s); }
inline std::string toText(const char* s) { return s ? s : ""; }
template <typename T>
std::string toText(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}
}  // namespace i18n::detail

// fmt(tr("{0} of {1} steps"), done, total): positional, so a translation may reorder them.
template <typename... Args>
std::string fmt(std::string_view pattern, const Args&... args) {
    return i18n::formatPositional(pattern, {i18n::detail::toText(args)...});
}

}  // namespace frontline
