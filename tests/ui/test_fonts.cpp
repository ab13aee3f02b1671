// The font atlas holds a glyph for every character of the bundled content (arrows, symbols and
// emoji included), built exactly as the window builds it; emoji reach ImGui's 16-bit text through
// their private-use stand-ins.
#include <algorithm>
#include <doctest/doctest.h>
#include <imgui.h>
#include "frontline/ui/fonts.hpp"

using namespace frontline;

namespace {

// Pixels the glyph's rectangle of the atlas actually inks.
int inkedPixels(const ImFontAtlas& atlas, const ImFontGlyph& g) {
    int inked = 0;
    const int x0 = static_cast<int>(g.U0 * static_cast<float>(atlas.TexWidth)), x1 = static_cast<int>(g.U1 * static_cast<float>(atlas.TexWidth));
    const int y0 = static_cast<int>(g.V0 * static_cast<float>(atlas.TexHeight)), y1 = static_cast<int>(g.V1 * static_cast<float>(atlas.TexHeight));
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) inked += atlas.TexPixelsAlpha8[y * atlas.TexWidth + x] > 0 ? 1 : 0;
    return inked;
}

}  // namespace

TEST_CASE("every character of the bundled content has an inked glyph in every font of the atlas") {
    const std::vector<char32_t> used = ui::contentCodepoints(FRONTLINE_TEST_CONTENT_DIR);
    REQUIRE(used.size() > 90);  // ASCII and more
    // The content the issue saw as "?": the arrow and the emoji of the written-tone lessons.
    for (char32_t cp : {char32_t{0x2192}, char32_t{0x1F642}, char32_t{0xA3}}) CHECK(std::find(used.begin(), used.end(), cp) != used.end());

    ImFontAtlas atlas;
    ui::buildFontAtlas(atlas, 1.0f, used);
    REQUIRE(atlas.Fonts.Size == 4);
    REQUIRE(atlas.TexPixelsAlpha8);
    for (ImFont* font : atlas.Fonts) {
        CAPTURE(font->FontSize);
        for (char32_t cp : used) {
            CAPTURE(static_cast<unsigned>(cp));
            const char32_t shown = ui::standInFor(cp);
            REQUIRE(shown <= 0xFFFF);
            const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(shown));
            REQUIRE(glyph);
            if (cp > 0x20) CHECK(inkedPixels(atlas, *glyph) > 0);
        }
    }
}

TEST_CASE("text shows emoji through their stand-ins and leaves every other character alone") {
    CHECK(ui::displayText("Resetting it now \xF0\x9F\x99\x82") == "Resetting it now \xEE\x99\x82");  // U+1F642 -> U+E642
    CHECK(ui::displayText("[Transfer: cold \xE2\x86\x92 supervisor] \xC2\xA3" "38.50") == "[Transfer: cold \xE2\x86\x92 supervisor] \xC2\xA3" "38.50");
    CHECK(ui::standInFor(0x2192) == 0x2192);
    CHECK(ui::standInFor(0x1F44D) == 0xE44D);
}
