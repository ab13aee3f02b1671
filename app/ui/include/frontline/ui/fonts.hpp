#pragma once
// The font atlas: a text face and its bold, Font Awesome's icons, and fallback faces for exactly
// the other characters the program will show (the content, trainee names, the translations):
// Greek, Cyrillic, CJK, arrows, symbols and emoji. Every face is found through fontconfig, by
// name for the text and icons and by character coverage for the fallbacks, so whatever fonts a
// desk has installed, each character comes from a face that really has it. No GL here, so the
// tests build the same atlas headless and check every character has a glyph.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace frontline::ui {

struct AppState;

// ---- which characters ---------------------------------------------------------------------------

// Every codepoint in the UTF-8 text of the files under `content_root` (recursively), sorted, unique.
std::vector<char32_t> contentCodepoints(const std::filesystem::path& content_root);
// The codepoints of one text (a name typed in), sorted, unique; invalid bytes count as U+FFFD.
std::vector<char32_t> textCodepoints(std::string_view utf8);
// The translated messages' codepoints of every compiled catalog (<dir>/<lang>/LC_MESSAGES/*.mo).
std::vector<char32_t> catalogCodepoints(const std::filesystem::path& locale_dir);
// What the window's atlas must hold: the content's, the catalogs' and every trainee's name in the
// store (names typed later: see atlasLacks).
std::vector<char32_t> atlasCodepoints(const AppState& app);
// Sorted union of two sorted, unique lists.
std::vector<char32_t> mergedCodepoints(const std::vector<char32_t>& a, const std::vector<char32_t>& b);
// A whole file (a font, a catalog) as bytes; empty when it cannot be read.
std::string fileBytes(const std::filesystem::path& path);
// Whether `font` lacks a glyph `utf8` needs (then rebuild the fonts: AppRequests::fonts_changed).
bool atlasLacks(const ImFont* font, std::string_view utf8);

// ---- which faces ------------------------------------------------------------------------------------

// One face of a font file (a .ttc file holds several).
struct FontFace {
    std::string file;
    int index = 0;
    bool found() const { return !file.empty(); }
};

// A face merged under the text face for the `codepoints` (sorted) it has and the text face lacks.
struct FallbackFace {
    FontFace face;
    std::vector<char32_t> codepoints;
};

struct FontChoice {
    FontFace regular, bold, icons;
    // For the regular and the bold face: earlier faces win (fontconfig's order for sans-serif).
    std::vector<FallbackFace> regular_fallbacks, bold_fallbacks;
    std::vector<char32_t> uncovered;  // wanted, but no installed face has them (shown as "?")

    // Asks fontconfig: text = "Noto Sans", then "DejaVu Sans", then its best sans-serif covering
    // Latin; icons = FontAwesome; fallbacks by character coverage for `wanted`. Colour-only and
    // bitmap faces are skipped (ImGui 1.86 rasterises outlines). Empty faces when none is found.
    static FontChoice forCodepoints(const std::vector<char32_t>& wanted);
};

// ---- the atlas ---------------------------------------------------------------------------------------

// Builds the four FontRole fonts at `scale` (96 DPI = 1): the text ranges (Latin, Latin
// Extended-A/B, Greek, Cyrillic, punctuation, currency) and `wanted` from the faces of `choice`
// (the defaults: FontChoice::forCodepoints(wanted)), with the icons. ImGui's own font stands in
// when there is no text face. Leaves the atlas built (Alpha8 and RGBA32).
void buildFontAtlas(ImFontAtlas& atlas, float scale, const std::vector<char32_t>& wanted);
void buildFontAtlas(ImFontAtlas& atlas, float scale, const std::vector<char32_t>& wanted, const FontChoice& choice);

// This ImGui (Debian's 1.86) stores characters in 16 bits, so an emoji (above U+FFFF) cannot be
// drawn as itself: the atlas holds it at a private-use stand-in, and text shows it through here.
char32_t standInFor(char32_t codepoint);  // the codepoint itself when it needs none
std::string displayText(std::string_view utf8);

}  // namespace frontline::ui
