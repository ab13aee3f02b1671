// The font atlas (see fonts.hpp). Sections: content codepoints · stand-ins · atlas.
#include "frontline/ui/fonts.hpp"
#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <imgui.h>
#include <stb_truetype.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/theme.hpp"

namespace frontline::ui {

namespace {

constexpr float kBaseFontPixels = 16.0f;  // at 96 DPI and 100 % text size

// Latin, Latin-1, general punctuation (dashes, curly quotes, ellipsis), currency signs: the text
// face covers these; the content's other characters come from the fallback face.
constexpr ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20A0, 0x20BF, 0x2122, 0x2122, 0};

// Emoji and pictographs live in U+1F000..U+1FAFF; their stand-ins fill U+E000.. (Font Awesome
// 4.7 uses U+F000.., so the two private-use blocks never meet).
constexpr char32_t kEmojiFirst = 0x1F000, kEmojiLast = 0x1FAFF, kStandInFirst = 0xE000;

// Decodes one UTF-8 sequence at `i` (advancing it); invalid bytes decode as U+FFFD.
char32_t decodeUtf8(std::string_view s, size_t& i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    const int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 0x6 ? 1 : (b0 >> 4) == 0xE ? 2 : (b0 >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + static_cast<size_t>(extra) >= s.size() + (extra == 0 ? 1 : 0)) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = extra == 0 ? b0 : static_cast<char32_t>(b0 & (0x3F >> extra));
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + static_cast<size_t>(k)) & 0x3F);
    i += static_cast<size_t>(extra) + 1;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const char* firstExisting(std::initializer_list<const char*> paths) {
    for (const char* p : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return "";
}

}  // namespace

// ---- content codepoints ------------------------------------------------------------------------

std::vector<char32_t> contentCodepoints(const std::filesystem::path& content_root) {
    std::set<char32_t> seen;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(content_root, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
        const std::string text = readFile(it->path());
        for (size_t i = 0; i < text.size();) {
            const char32_t cp = decodeUtf8(text, i);
            if (cp >= 0x20) seen.insert(cp);
        }
    }
    return {seen.begin(), seen.end()};
}

// ---- stand-ins ------------------------------------------------------------------------------------

char32_t standInFor(char32_t cp) {
    return cp >= kEmojiFirst && cp <= kEmojiLast ? kStandInFirst + (cp - kEmojiFirst) : cp;
}

std::string displayText(std::string_view utf8) {
    // Most text has no 4-byte sequence at all: hand it back untouched.
    if (std::none_of(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) >> 3) == 0x1E; })) return std::string(utf8);
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) appendUtf8(out, standInFor(decodeUtf8(utf8, i)));
    return out;
}

// ---- atlas ------------------------------------------------------------------------------------------

FontFiles FontFiles::installed() {
    FontFiles f;
    f.regular = firstExisting({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    f.bold = firstExisting({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"});
    if (f.bold.empty()) f.bold = f.regular;
    f.icons = firstExisting({"/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"});
    // Monochrome (ImGui 1.86's rasteriser draws no colour emoji), with arrows, symbols and emoji.
    f.fallback = firstExisting({"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    return f;
}

namespace {

// ImGui glyph ranges (pairs, zero-terminated) holding exactly `codepoints`.
std::vector<ImWchar> rangesOf(const std::vector<char32_t>& codepoints) {
    std::vector<ImWchar> r;
    for (char32_t cp : codepoints) {
        r.push_back(static_cast<ImWchar>(cp));
        r.push_back(static_cast<ImWchar>(cp));
    }
    r.push_back(0);
    return r;
}

// The content's characters outside the text ranges, in the 16-bit plane ImGui can hold.
std::vector<char32_t> fallbackCodepoints(const std::vector<char32_t>& content) {
    std::vector<char32_t> out;
    for (char32_t cp : content) {
        if (cp >= kEmojiFirst) continue;  // stand-ins, drawn separately
        bool in_text = false;
        for (const ImWchar* r = kTextRanges; r[0]; r += 2) in_text = in_text || (cp >= r[0] && cp <= r[1]);
        if (!in_text && cp <= 0xFFFF) out.push_back(cp);
    }
    return out;
}

struct Emoji {
    char32_t codepoint;
    float pixels;  // the font's size (ImFont::FontSize is only set once the atlas is built)
    int rect;
};

void addFace(ImFontAtlas& atlas, const FontFiles& files, float pixels, const std::vector<ImWchar>& icon_ranges,
             const std::vector<ImWchar>& fallback_ranges) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    if (!files.regular.empty()) atlas.AddFontFromFileTTF(files.regular.c_str(), pixels, &config, kTextRanges);
    else {
        ImFontConfig builtin;
        builtin.SizePixels = pixels;
        atlas.AddFontDefault(&builtin);
    }
    if (!files.icons.empty()) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.PixelSnapH = true;
        merge.GlyphMinAdvanceX = pixels;  // icons line up in lists
        merge.GlyphOffset = ImVec2(0, pixels * 0.06f);
        atlas.AddFontFromFileTTF(files.icons.c_str(), pixels * 0.92f, &merge, icon_ranges.data());
    }
    if (!files.fallback.empty() && fallback_ranges.size() > 1) {
        ImFontConfig merge;
        merge.MergeMode = true;
        atlas.AddFontFromFileTTF(files.fallback.c_str(), pixels, &merge, fallback_ranges.data());
    }
}

// Rasterises each emoji from the fallback face into its custom rectangle (alpha only).
void drawEmoji(ImFontAtlas& atlas, const std::string& fallback, const std::vector<Emoji>& emoji) {
    const std::string data = readFile(fallback);
    stbtt_fontinfo info;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    if (data.empty() || !stbtt_InitFont(&info, bytes, stbtt_GetFontOffsetForIndex(bytes, 0))) return;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const Emoji& e : emoji) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(e.rect);
        const float scale = stbtt_ScaleForPixelHeight(&info, e.pixels);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetCodepointBitmapBox(&info, static_cast<int>(e.codepoint), scale, scale, &x0, &y0, &x1, &y1);
        const int w = std::min(x1 - x0, static_cast<int>(rect->Width)), h = std::min(y1 - y0, static_cast<int>(rect->Height));
        if (w <= 0 || h <= 0) continue;
        stbtt_MakeCodepointBitmap(&info, pixels + rect->Y * width + rect->X, w, h, width, scale, scale, static_cast<int>(e.codepoint));
    }
}

}  // namespace

void buildFontAtlas(ImFontAtlas& atlas, float scale, const std::vector<char32_t>& content_codepoints) {
    const FontFiles files = FontFiles::installed();
    const std::vector<ImWchar> icon_ranges = rangesOf({std::begin(icon::kCodepoints), std::end(icon::kCodepoints)});
    const std::vector<ImWchar> fallback_ranges = rangesOf(fallbackCodepoints(content_codepoints));
    atlas.Clear();
    // Order matters: ui::FontRole indexes io.Fonts->Fonts.
    const float base = kBaseFontPixels * scale;
    std::vector<float> sizes;
    for (float role_scale : kFontRoleScale) {
        sizes.push_back(base * role_scale);
        addFace(atlas, files, sizes.back(), icon_ranges, fallback_ranges);
    }
    // Emoji: one square glyph per font at its stand-in, drawn once the atlas is packed.
    std::vector<Emoji> emoji;
    if (!files.fallback.empty())
        for (char32_t cp : content_codepoints) {
            if (cp < kEmojiFirst || cp > kEmojiLast) continue;
            for (size_t i = 0; i < sizes.size() && static_cast<int>(i) < atlas.Fonts.Size; ++i) {
                const int side = static_cast<int>(sizes[i] + 0.99f);
                const int rect = atlas.AddCustomRectFontGlyph(atlas.Fonts[static_cast<int>(i)], static_cast<ImWchar>(standInFor(cp)), side, side,
                                                              static_cast<float>(side) + 1.0f, ImVec2(0, sizes[i] * 0.1f));
                emoji.push_back({cp, sizes[i], rect});
            }
        }
    atlas.Build();
    drawEmoji(atlas, files.fallback, emoji);
    // The GL backend uploads RGBA; converting here (any thread) leaves it a plain copy.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
}

}  // namespace frontline::ui
