// The icon list: each constant is the UTF-8 of its code point, and the code points the platform
// rasterises (icon::kCodepoints) are exactly the named icons, each once.
#include <doctest/doctest.h>
#include <set>
#include <string>
#include "frontline/ui/icons.hpp"

namespace {

char32_t decodeThreeByteUtf8(const char* s) {
    const auto b = [&](int i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
    REQUIRE((b(0) & 0xF0) == 0xE0);
    REQUIRE((b(1) & 0xC0) == 0x80);
    REQUIRE((b(2) & 0xC0) == 0x80);
    REQUIRE(s[3] == '\0');
    return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
}

}  // namespace

TEST_CASE("every icon constant spells its code point, and the font gets exactly those glyphs") {
    namespace icon = frontline::ui::icon;
    int named = 0;
#define CHECK_ICON(name, cp)                                 \
    CAPTURE(#name);                                          \
    CHECK(decodeThreeByteUtf8(icon::k##name) == char32_t{cp}); \
    ++named;
    FRONTLINE_ICON_LIST(CHECK_ICON)
#undef CHECK_ICON
    const std::set<char32_t> distinct(std::begin(icon::kCodepoints), std::end(icon::kCodepoints));
    CHECK(distinct.size() == std::size(icon::kCodepoints));  // no icon listed twice
    CHECK(static_cast<int>(std::size(icon::kCodepoints)) == named);
    CHECK(std::string(icon::kHome) == "\xef\x80\x95");  // U+F015, as Font Awesome 4.7 numbers it
}
