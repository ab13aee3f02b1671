#pragma once
// The font atlas: the text face, Font Awesome's icons, and a fallback face (Symbola, monochrome)
// for exactly the other characters the loaded content uses: arrows, symbols and emoji. No GL here,
// so the tests build the same atlas headless and check every character of the content has a glyph.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct ImFontAtlas;

namespace frontline::ui {

// Every codepoint in the UTF-8 text of the files under `content_root` (recursively), sorted, unique.
std::vector<char32_t> contentCodepoints(const std::filesystem::path& content_root);

// Font files, the first that exists of each list (Debian paths); empty when none is installed.
struct FontFiles {
    std::string regular, bold, icons, fallback;
    static FontFiles installed();
};

// Builds the four FontRole fonts at `scale` (96 DPI = 1) with the icons and, from the fallback
// face, the `content_codepoints` the text face lacks. Leaves the atlas built (Alpha8 and RGBA32).
void buildFontAtlas(ImFontAtlas& atlas, float scale, const std::vector<char32_t>& content_codepoints);

// This ImGui (Debian's 1.86) stores characters in 16 bits, so an emoji (above U+FFFF) cannot be
// drawn as itself: the atlas holds it at a private-use stand-in, and text shows it through here.
char32_t standInFor(char32_t codepoint);  // the codepoint itself when it needs none
std::string displayText(std::string_view utf8);

}  // namespace frontline::ui
