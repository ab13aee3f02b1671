// Which faces the atlas uses (FontChoice in fonts.hpp), asked of fontconfig: the text face by
// family, the fallbacks by which characters each face really has.
#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>
#include <string_view>
#include <fontconfig/fontconfig.h>
#include "frontline/ui/fonts.hpp"
#include "frontline/ui/icons.hpp"

namespace frontline::ui {

namespace {

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FontSetDeleter {
    void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
using FontSet = std::unique_ptr<FcFontSet, FontSetDeleter>;

std::string_view stringOf(const FcPattern* font, const char* key) {
    FcChar8* value = nullptr;
    if (FcPatternGetString(font, key, 0, &value) != FcResultMatch || !value) return {};
    return reinterpret_cast<const char*>(value);
}

// stb_truetype (ImGui 1.86's rasteriser) draws TrueType and CFF outlines, not bitmap or colour-only faces.
bool rasterisable(const FcPattern* font) {
    FcBool outline = FcFalse, colour = FcFalse;
    if (FcPatternGetBool(font, FC_OUTLINE, 0, &outline) != FcResultMatch || !outline) return false;
    if (FcPatternGetBool(font, FC_COLOR, 0, &colour) == FcResultMatch && colour) return false;
    const std::string_view format = stringOf(font, FC_FONTFORMAT);
    return !stringOf(font, FC_FILE).empty() && (format == "TrueType" || format == "CFF");
}

bool hasChar(const FcPattern* font, char32_t cp) {
    FcCharSet* charset = nullptr;
    return FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch && FcCharSetHasChar(charset, cp);
}

FontFace faceOf(const FcPattern* font) {
    int index = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    return {std::string(stringOf(font, FC_FILE)), index};
}

// Every installed face, fontconfig's best first for these families (then its own defaults).
FontSet facesFor(std::initializer_list<const char*> families, int weight) {
    static std::once_flag init;
    std::call_once(init, [] { FcInit(); });
    const Pattern pattern(FcPatternCreate());
    for (const char* family : families) FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    return FontSet(FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
}

// The first face in `set` that `fits`, a TrueType one before a CFF one (stb_truetype's CFF support
// is the younger of the two).
template <class Fits>
FontFace firstFace(const FcFontSet* set, Fits fits) {
    if (!set) return {};
    for (std::string_view wanted_format : {"TrueType", "CFF"})
        for (int i = 0; i < set->nfont; ++i)
            if (rasterisable(set->fonts[i]) && stringOf(set->fonts[i], FC_FONTFORMAT) == wanted_format && fits(set->fonts[i]))
                return faceOf(set->fonts[i]);
    return {};
}

const FcPattern* patternOf(const FcFontSet* set, const FontFace& face) {
    for (int i = 0; set && i < set->nfont; ++i) {
        const FontFace f = faceOf(set->fonts[i]);
        if (f.file == face.file && f.index == face.index) return set->fonts[i];
    }
    return nullptr;
}

// A text face must at least write English, French, German and Spanish.
constexpr char32_t kLatinSample[] = {U'A', U'a', U'z', 0xE9, 0xDF, 0xF1, 0x153};

bool coversLatin(const FcPattern* font) {
    return std::all_of(std::begin(kLatinSample), std::end(kLatinSample), [&](char32_t cp) { return hasChar(font, cp); });
}

// Gives each wanted character `text` lacks to the first face in `order` that has it.
std::vector<FallbackFace> fallbacksFor(const FcFontSet* order, const FcPattern* text, const std::vector<char32_t>& wanted,
                                       std::vector<char32_t>& uncovered) {
    std::vector<char32_t> missing;
    for (char32_t cp : wanted)
        // Above U+FFFF the atlas holds stand-ins drawn from a fallback face (emoji), never the text face.
        if (cp > 0x20 && (cp > 0xFFFF || !(text && hasChar(text, cp)))) missing.push_back(cp);
    std::vector<FallbackFace> fallbacks;
    for (int i = 0; order && i < order->nfont && !missing.empty(); ++i) {
        const FcPattern* font = order->fonts[i];
        if (!rasterisable(font)) continue;
        FallbackFace fallback{faceOf(font), {}};
        const auto has = [&](char32_t cp) { return hasChar(font, cp); };
        std::copy_if(missing.begin(), missing.end(), std::back_inserter(fallback.codepoints), has);
        if (fallback.codepoints.empty()) continue;
        missing.erase(std::remove_if(missing.begin(), missing.end(), has), missing.end());
        fallbacks.push_back(std::move(fallback));
    }
    uncovered = mergedCodepoints(uncovered, missing);
    return fallbacks;
}

}  // namespace

FontChoice FontChoice::forCodepoints(const std::vector<char32_t>& wanted) {
    FontChoice choice;
    const FontSet regular_order = facesFor({"Noto Sans", "DejaVu Sans", "sans-serif"}, FC_WEIGHT_REGULAR);
    const FontSet bold_order = facesFor({"Noto Sans", "DejaVu Sans", "sans-serif"}, FC_WEIGHT_BOLD);
    choice.regular = firstFace(regular_order.get(), coversLatin);
    choice.bold = firstFace(bold_order.get(), coversLatin);
    const FontSet icon_order = facesFor({"FontAwesome"}, FC_WEIGHT_REGULAR);
    choice.icons = firstFace(icon_order.get(), [](const FcPattern* font) {
        return stringOf(font, FC_FAMILY) == "FontAwesome" &&
               std::all_of(std::begin(icon::kCodepoints), std::end(icon::kCodepoints), [&](char32_t cp) { return hasChar(font, cp); });
    });
    // Fallbacks in fontconfig's own sans-serif order, so a desk's font configuration is respected.
    const FontSet fallback_order = facesFor({"sans-serif"}, FC_WEIGHT_REGULAR);
    choice.regular_fallbacks = fallbacksFor(fallback_order.get(), patternOf(regular_order.get(), choice.regular), wanted, choice.uncovered);
    choice.bold_fallbacks = fallbacksFor(fallback_order.get(), patternOf(bold_order.get(), choice.bold), wanted, choice.uncovered);
    return choice;
}

}  // namespace frontline::ui
