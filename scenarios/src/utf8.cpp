#include "frontline/utf8.hpp"
#include <algorithm>
#include <memory>
#include <glib.h>

namespace frontline::utf8 {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid sequence starting at text[i], or 0 when the bytes there are not one.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) n = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        if (lead == 0xE0) lo = 0xA0;  // overlong
        if (lead == 0xED) hi = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        if (lead == 0xF0) lo = 0x90;  // overlong
        if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > text.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

bool valid(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequenceLength(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string sanitized(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequenceLength(text, i);
        if (n == 0) {
            out += kReplacement;
            ++i;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

std::size_t length(std::string_view text) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) i += std::max<std::size_t>(1, sequenceLength(text, i));
    return chars;
}

std::string column(std::string_view text, std::size_t width) {
    if (width == 0) return {};
    const std::string clean = sanitized(text);
    std::size_t chars = length(clean);
    std::string out;
    if (chars + 1 <= width) {
        out = clean;
    } else {
        // Keep width - 2 characters, then the ellipsis; the last column stays a space.
        std::size_t keep = width >= 2 ? width - 2 : 0, i = 0;
        for (std::size_t c = 0; c < keep; ++c) i += sequenceLength(clean, i);
        out = clean.substr(0, i) + (width >= 2 ? "…" : "");
        chars = width >= 2 ? keep + 1 : 0;
    }
    return out + std::string(width - chars, ' ');
}

// ---- search folding ---------------------------------------------------------------------------

namespace {

struct GFreeDeleter {
    void operator()(gchar* p) const { g_free(p); }
};
using GlibText = std::unique_ptr<gchar, GFreeDeleter>;

char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// One character case-folded ("ß" becomes "ss") and decomposed ("é" becomes "e" and an accent),
// less its combining marks.
void appendFolded(std::string& out, const gchar* character, gssize bytes) {
    const GlibText folded(g_utf8_casefold(character, bytes));
    for (const gchar* p = folded.get(); *p; p = g_utf8_next_char(p)) {
        gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
        const gsize count = g_unichar_fully_decompose(g_utf8_get_char(p), FALSE, parts, G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
        for (gsize k = 0; k < count; ++k) {
            if (g_unichar_ismark(parts[k])) continue;
            gchar utf8[8];
            out.append(utf8, static_cast<std::size_t>(g_unichar_to_utf8(parts[k], utf8)));
        }
    }
}

}  // namespace

std::string foldForSearch(std::string_view text) {
    // Plain ASCII (most ids, most English) folds to its lower case without a trip through glib.
    if (ascii(text)) {
        std::string out(text);
        for (char& c : out) c = asciiLower(c);
        return out;
    }
    std::string out;
    out.reserve(text.size());
    // Character by character, which is NFD(casefold(text)) without its marks (marks are dropped,
    // so their canonical order does not matter) at a fraction of the whole-string cost.
    const std::string clean = sanitized(text);  // glib wants valid UTF-8
    for (std::size_t i = 0; i < clean.size();) {
        const std::size_t n = sequenceLength(clean, i);
        if (n == 1) out += asciiLower(clean[i]);
        else appendFolded(out, clean.data() + i, static_cast<gssize>(n));
        i += n;
    }
    return out;
}

std::string lowerCase(std::string_view text) {
    const std::string clean = sanitized(text);
    return GlibText(g_utf8_strdown(clean.data(), static_cast<gssize>(clean.size()))).get();
}

bool containsFolded(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    return foldForSearch(haystack).find(foldForSearch(needle)) != std::string::npos;
}

bool lessFolded(std::string_view a, std::string_view b) {
    const std::string fa = foldForSearch(a), fb = foldForSearch(b);
    return fa != fb ? fa < fb : a < b;
}

}  // namespace frontline::utf8
