// The font atlas (see fonts.hpp). Sections: codepoints · stand-ins · atlas. The faces are
// chosen in font_match.cpp, the codepoints the atlas must hold gathered in font_codepoints.cpp.
#include "frontline/ui/fonts.hpp"
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <imgui.h>
#include <stb_truetype.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/theme.hpp"

namespace frontline::ui {

namespace {

constexpr float kBaseFontPixels = 16.0f;  // at 96 DPI and 100 % text size

// Latin with Latin-1 and Extended-A/B, Greek, Cyrillic, general punctuation (dashes, curly quotes,
// ellipsis), currency signs: whole from the text face, so a name typed later in these scripts
// needs no rebuild. Other scripts (CJK: thousands of glyphs) only for the characters wanted.
constexpr ImWchar kTextRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x205E, 0x20A0, 0x20BF, 0x2122, 0x2122, 0};

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

}  // namespace

std::string fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---- codepoints ----------------------------------------------------------------------------------

std::vector<char32_t> contentCodepoints(const std::filesystem::path& content_root) {
    std::set<char32_t> seen;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(content_root, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
        const std::string text = fileBytes(it->path());
        for (size_t i = 0; i < text.size();) {
            const char32_t cp = decodeUtf8(text, i);
            if (cp >= 0x20) seen.insert(cp);
        }
    }
    return {seen.begin(), seen.end()};
}

std::vector<char32_t> textCodepoints(std::string_view utf8) {
    std::set<char32_t> seen;
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = decodeUtf8(utf8, i);
        if (cp >= 0x20) seen.insert(cp);
    }
    return {seen.begin(), seen.end()};
}

std::vector<char32_t> mergedCodepoints(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
    std::vector<char32_t> out;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

bool atlasLacks(const ImFont* font, std::string_view utf8) {
    if (!font) return false;
    for (char32_t cp : textCodepoints(utf8)) {
        const char32_t shown = standInFor(cp);
        if (shown > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(shown))) return true;
    }
    return false;
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

namespace {

// ImGui glyph ranges (pairs, zero-terminated): `first` (itself zero-terminated pairs, or null)
// then each of `codepoints` that ImGui's 16 bits can hold and that needs no stand-in.
std::vector<ImWchar> rangesOf(const ImWchar* first, const std::vector<char32_t>& codepoints) {
    std::vector<ImWchar> r;
    for (const ImWchar* p = first; p && p[0]; p += 2) r.insert(r.end(), {p[0], p[1]});
    for (char32_t cp : codepoints) {
        if (cp > 0xFFFF || standInFor(cp) != cp) continue;
        r.insert(r.end(), {static_cast<ImWchar>(cp), static_cast<ImWchar>(cp)});
    }
    r.push_back(0);
    return r;
}

bool fileExists(const std::string& file) {
    std::error_code ec;
    return !file.empty() && std::filesystem::is_regular_file(file, ec);  // ImGui aborts on a missing file
}

// One text face with its fallbacks, and the glyph ranges each is asked for. The atlas keeps
// pointers into these ranges until it is built.
struct FaceStack {
    FontFace text;
    std::vector<ImWchar> text_ranges;
    std::vector<std::pair<FontFace, std::vector<ImWchar>>> fallbacks;

    FaceStack(const FontFace& face, const std::vector<FallbackFace>& merged, const std::vector<char32_t>& wanted)
        : text(face), text_ranges(rangesOf(kTextRanges, wanted)) {
        for (const FallbackFace& f : merged) {
            std::vector<ImWchar> ranges = rangesOf(nullptr, f.codepoints);
            if (ranges.size() > 1 && fileExists(f.face.file)) fallbacks.emplace_back(f.face, std::move(ranges));
        }
    }
};

struct Emoji {
    char32_t codepoint;
    FontFace face;
    float pixels;  // the font's size (ImFont::FontSize is only set once the atlas is built)
    int rect;
};

void addIcons(ImFontAtlas& atlas, const FontFace& icons, float pixels, const std::vector<ImWchar>& icon_ranges) {
    if (!fileExists(icons.file)) return;
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.FontNo = icons.index;
    merge.PixelSnapH = true;
    merge.GlyphMinAdvanceX = pixels;  // icons line up in lists
    merge.GlyphOffset = ImVec2(0, pixels * 0.06f);
    atlas.AddFontFromFileTTF(icons.file.c_str(), pixels * 0.92f, &merge, icon_ranges.data());
}

void addFace(ImFontAtlas& atlas, const FaceStack& stack, float pixels, const FontFace& icons, const std::vector<ImWchar>& icon_ranges) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.FontNo = stack.text.index;
    if (fileExists(stack.text.file)) atlas.AddFontFromFileTTF(stack.text.file.c_str(), pixels, &config, stack.text_ranges.data());
    else {
        ImFontConfig builtin;
        builtin.SizePixels = pixels;
        atlas.AddFontDefault(&builtin);
    }
    addIcons(atlas, icons, pixels, icon_ranges);
    for (const auto& [face, ranges] : stack.fallbacks) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.FontNo = face.index;
        atlas.AddFontFromFileTTF(face.file.c_str(), pixels, &merge, ranges.data());
    }
}

// The fallback face that has emoji `cp`, if any.
const FontFace* emojiFace(const std::vector<FallbackFace>& fallbacks, char32_t cp) {
    for (const FallbackFace& f : fallbacks)
        if (std::binary_search(f.codepoints.begin(), f.codepoints.end(), cp) && fileExists(f.face.file)) return &f.face;
    return nullptr;
}

// Rasterises each emoji from its face into its custom rectangle (alpha only).
void drawEmoji(ImFontAtlas& atlas, const std::vector<Emoji>& emoji) {
    std::map<std::string, std::string> files;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const Emoji& e : emoji) {
        auto [file, added] = files.try_emplace(e.face.file);
        if (added) file->second = fileBytes(e.face.file);
        stbtt_fontinfo info;
        const auto* bytes = reinterpret_cast<const unsigned char*>(file->second.data());
        const int offset = file->second.empty() ? -1 : stbtt_GetFontOffsetForIndex(bytes, e.face.index);
        if (offset < 0 || !stbtt_InitFont(&info, bytes, offset)) continue;
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(e.rect);
        const float scale = stbtt_ScaleForPixelHeight(&info, e.pixels);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetCodepointBitmapBox(&info, static_cast<int>(e.codepoint), scale, scale, &x0, &y0, &x1, &y1);
        const int w = std::min(x1 - x0, static_cast<int>(rect->Width)), h = std::min(y1 - y0, static_cast<int>(rect->Height));
        if (w <= 0 || h <= 0) continue;
        stbtt_MakeCodepointBitmap(&info, pixels + rect->Y * width + rect->X, w, h, width, scale, scale, static_cast<int>(e.codepoint));
    }
}

// One square glyph per font at the emoji's stand-in, drawn once the atlas is packed.
std::vector<Emoji> reserveEmoji(ImFontAtlas& atlas, const std::vector<float>& sizes, const std::vector<char32_t>& wanted,
                                const std::vector<FallbackFace>& fallbacks) {
    std::vector<Emoji> emoji;
    for (char32_t cp : wanted) {
        const FontFace* face = cp >= kEmojiFirst && cp <= kEmojiLast ? emojiFace(fallbacks, cp) : nullptr;
        for (size_t i = 0; face && i < sizes.size() && static_cast<int>(i) < atlas.Fonts.Size; ++i) {
            const int side = static_cast<int>(sizes[i] + 0.99f);
            const int rect = atlas.AddCustomRectFontGlyph(atlas.Fonts[static_cast<int>(i)], static_cast<ImWchar>(standInFor(cp)), side, side,
                                                          static_cast<float>(side) + 1.0f, ImVec2(0, sizes[i] * 0.1f));
            emoji.push_back({cp, *face, sizes[i], rect});
        }
    }
    return emoji;
}

}  // namespace

void buildFontAtlas(ImFontAtlas& atlas, float scale, const std::vector<char32_t>& wanted) {
    buildFontAtlas(atlas, scale, wanted, FontChoice::forCodepoints(wanted));
}

void buildFontAtlas(ImFontAtlas& atlas, float scale, const std::vector<char32_t>& wanted, const FontChoice& choice) {
    const std::vector<ImWchar> icon_ranges = rangesOf(nullptr, {std::begin(icon::kCodepoints), std::end(icon::kCodepoints)});
    const FaceStack regular(choice.regular, choice.regular_fallbacks, wanted);
    const FaceStack bold = choice.bold.found() ? FaceStack(choice.bold, choice.bold_fallbacks, wanted) : regular;
    atlas.Clear();
    // Order matters: ui::FontRole indexes io.Fonts->Fonts; every role but Regular is bold.
    const float base = kBaseFontPixels * scale;
    std::vector<float> sizes;
    for (float role_scale : kFontRoleScale) {
        sizes.push_back(base * role_scale);
        addFace(atlas, sizes.size() == 1 ? regular : bold, sizes.back(), choice.icons, icon_ranges);
    }
    const std::vector<Emoji> emoji = reserveEmoji(atlas, sizes, wanted, choice.regular_fallbacks);
    atlas.Build();
    drawEmoji(atlas, emoji);
    // The GL backend uploads RGBA; converting here (any thread) leaves it a plain copy.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
}

}  // namespace frontline::ui
