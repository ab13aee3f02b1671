// gettext set-up, language switching and the language-dependent formats (see i18n.hpp).
#include "frontline/i18n.hpp"
#include <libintl.h>
#include <algorithm>
#include <array>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include "frontline/data_dir.hpp"

// glibc's catalog generation counter: bumping it makes gettext look the language up again.
extern "C" int _nl_msg_cat_cntr;

namespace frontline::i18n {

namespace {

constexpr const char* kDomain = "frontline";

std::string g_language = "en";  // the language in effect

bool isCLocale(const char* name) { return !name || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0; }

// "es_MX.UTF-8@euro" -> "es"; "" for C/POSIX.
std::string languagePart(std::string_view locale) {
    if (locale.empty() || locale == "C" || locale == "POSIX" || locale.starts_with("C.")) return "";
    const size_t end = locale.find_first_of("_.@:");
    return std::string(locale.substr(0, end));
}

bool hasCatalog(const std::string& code) {
    std::error_code ec;
    return code == "en" || std::filesystem::exists(std::filesystem::path(localeDirectory()) / code / "LC_MESSAGES" / "frontline.mo", ec);
}

}  // namespace

std::string localeDirectory() {
    if (const char* env = std::getenv("FRONTLINE_LOCALE_DIR"); env && *env) return env;
    return (bundledDataDirectory().parent_path() / "locale").string();
}

std::string systemLanguage() {
    // LANGUAGE may list several ("es:fr"); the first one with a catalog wins.
    if (const char* list = std::getenv("LANGUAGE"); list && *list) {
        std::string_view rest(list);
        while (!rest.empty()) {
            const size_t colon = rest.find(':');
            const std::string code = languagePart(rest.substr(0, colon));
            if (!code.empty() && hasCatalog(code)) return code;
            rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
        }
    }
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (!value || !*value) continue;
        const std::string code = languagePart(value);
        return !code.empty() && hasCatalog(code) ? code : "en";
    }
    return "en";
}

void init() {
    std::setlocale(LC_ALL, "");
    // gettext ignores LANGUAGE under the C locale, and a machine often has no generated locale
    // for the trainee's language: C.UTF-8 (built into glibc) lets the catalogs work everywhere.
    if (isCLocale(std::setlocale(LC_MESSAGES, nullptr))) std::setlocale(LC_MESSAGES, "C.UTF-8");
    if (isCLocale(std::setlocale(LC_CTYPE, nullptr))) std::setlocale(LC_CTYPE, "C.UTF-8");
    // Numbers in files, logs and JSON stay C whatever the user's locale (printf("%.1f") etc.);
    // decimal() gives the shown ones the language's separator.
    std::setlocale(LC_NUMERIC, "C");
    bindtextdomain(kDomain, localeDirectory().c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
    textdomain(kDomain);
    const char* forced = std::getenv("FRONTLINE_LANGUAGE");
    setLanguage(forced ? forced : "");
}

void setLanguage(std::string_view code) {
    std::string wanted = code.empty() ? systemLanguage() : languagePart(code);
    if (wanted.empty() || !hasCatalog(wanted)) wanted = "en";
    g_language = wanted;
    setenv("LANGUAGE", wanted.c_str(), 1);
    ++_nl_msg_cat_cntr;
}

std::string language() { return g_language; }

std::vector<Language> languages() {
    std::vector<Language> out{{"en", "English"}};
    std::error_code ec;
    std::vector<std::string> codes;
    for (std::filesystem::directory_iterator it(localeDirectory(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string code = it->path().filename().string();
        if (code != "en" && hasCatalog(code)) codes.push_back(code);
    }
    std::sort(codes.begin(), codes.end());
    for (const auto& code : codes) {
        // Each catalog names its own language (the translation of this message).
        const std::string saved = g_language;
        setLanguage(code);
        out.push_back({code, trc("language name", "English")});
        setLanguage(saved);
    }
    return out;
}

// ---- formats ---------------------------------------------------------------------------------------

namespace {

struct IsoDate {
    int year = 0, month = 0, day = 0;
};

bool parseIsoDate(std::string_view iso, IsoDate& d) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
    const auto digits = [&](size_t from, size_t n, int& out) {
        out = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return false;
            out = out * 10 + (iso[i] - '0');
        }
        return true;
    };
    return digits(0, 4, d.year) && digits(5, 2, d.month) && digits(8, 2, d.day) && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= 31;
}

const char* monthName(int month) {
    static const std::array<const char*, 12> names = {NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),     NC_("month", "April"),
                                                      NC_("month", "May"),     NC_("month", "June"),     NC_("month", "July"),      NC_("month", "August"),
                                                      NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December")};
    return trc("month", names[static_cast<size_t>(month - 1)]);
}

const char* shortMonthName(int month) {
    static const std::array<const char*, 12> names = {NC_("short month", "Jan"), NC_("short month", "Feb"), NC_("short month", "Mar"), NC_("short month", "Apr"), NC_("short month", "May"), NC_("short month", "Jun"),
                                                      NC_("short month", "Jul"), NC_("short month", "Aug"), NC_("short month", "Sep"), NC_("short month", "Oct"), NC_("short month", "Nov"), NC_("short month", "Dec")};
    return trc("short month", names[static_cast<size_t>(month - 1)]);
}

}  // namespace

std::string longDate(std::string_view iso) {
    IsoDate d;
    if (!parseIsoDate(iso, d)) return std::string(iso);
    // TRANSLATORS: {0} day of the month, {1} month name, {2} year.
    return fmt(trc("long date", "{0} {1} {2}"), d.day, monthName(d.month), d.year);
}

std::string shortDate(std::string_view iso) {
    IsoDate d;
    if (!parseIsoDate(iso, d)) return std::string(iso);
    // TRANSLATORS: {0} day of the month, {1} abbreviated month, {2} year.
    return fmt(trc("short date", "{0} {1} {2}"), d.day, shortMonthName(d.month), d.year);
}

std::string decimal(double value, int places) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(places, 0, 9), std::isfinite(value) ? value : 0.0);
    std::string out = buf;
    // TRANSLATORS: the decimal separator shown in scores and times ("," in Spanish).
    const std::string separator = trc("decimal separator", ".");
    if (separator != ".")
        if (const size_t dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, separator);
    return out;
}

std::string wholeNumber(long long value) {
    const auto magnitude = static_cast<unsigned long long>(value);
    const std::string digits = std::to_string(value < 0 ? 0ULL - magnitude : magnitude);  // no overflow at LLONG_MIN
    // TRANSLATORS: the separator between groups of three digits in counts ("4,765"; a space in Spanish).
    const std::string separator = trc("digit group separator", ",");
    std::string out = value < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string formatPositional(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            out += '}';
            ++i;
            continue;
        }
        const size_t close = c == '{' ? pattern.find('}', i) : std::string_view::npos;
        size_t index = 0;
        bool numeric = close != std::string_view::npos && close > i + 1;
        for (size_t k = i + 1; numeric && k < close; ++k) {
            numeric = pattern[k] >= '0' && pattern[k] <= '9';
            index = index * 10 + static_cast<size_t>(pattern[k] - '0');
        }
        if (numeric && index < args.size()) {
            out += args[index];
            i = close;
        } else {
            out += c;  // not a placeholder (or one without a value): kept as written
        }
    }
    return out;
}

}  // namespace frontline::i18n

namespace frontline {

const char* tr(const char* msgid) { return dgettext("frontline", msgid); }

const char* trn(const char* singular, const char* plural, unsigned long n) { return dngettext("frontline", singular, plural, n); }

const char* trc(const char* context, const char* msgid) {
    // gettext's msgctxt: the catalog key is "context\004msgid"; an untranslated one comes back as is.
    thread_local std::string key;
    key.assign(context).append(1, '\004').append(msgid);
    const char* translated = dgettext("frontline", key.c_str());
    return translated == key.c_str() ? msgid : translated;
}

}  // namespace frontline

#if defined(__SANITIZE_ADDRESS__)
// fontconfig (the certificate PDF through pango, the window's font choice) keeps its font lists for
// the life of the process in memory LeakSanitizer cannot see a pointer to (about 30 KB, once,
// inside libfontconfig). Only that library's allocations are excused; a leak in our code or in
// pango/cairo is still reported. Defined here because every program that shows a message, so
// every program that draws a PDF or a window, links this file.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif
