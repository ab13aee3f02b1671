// Fonts and DPI (see platform.hpp).
#include <filesystem>
#include <vector>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/theme.hpp"
#include "platform.hpp"

namespace frontline::platform {

namespace {

constexpr float kBaseFontPixels = 16.0f;  // at 96 DPI and 100 % text size

// Latin, Latin-1, general punctuation (dashes, curly quotes, ellipsis), currency signs: what
// scenario text uses.
constexpr ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20A0, 0x20BF, 0x2122, 0x2122, 0};

// ImGui glyph ranges (pairs, zero-terminated) holding just the icons the UI names.
const ImWchar* iconRanges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> r;
        for (char32_t cp : ui::icon::kCodepoints) {
            r.push_back(static_cast<ImWchar>(cp));
            r.push_back(static_cast<ImWchar>(cp));
        }
        r.push_back(0);
        return r;
    }();
    return ranges.data();
}

// A content scale outside any real monitor's (a broken EDID, a headless server) means "unknown".
float usableScale(float scale) { return scale > 0.5f && scale < 4.0f ? scale : 1.0f; }

const char* firstExisting(std::initializer_list<const char*> paths) {
    for (const char* p : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return nullptr;
}

void addFont(ImFontAtlas& atlas, const char* file, const char* icons, float pixels) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    if (file) atlas.AddFontFromFileTTF(file, pixels, &config, kTextRanges);
    else {
        ImFontConfig fallback;
        fallback.SizePixels = pixels;
        atlas.AddFontDefault(&fallback);
    }
    if (icons) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.PixelSnapH = true;
        merge.GlyphMinAdvanceX = pixels;  // icons line up in lists
        merge.GlyphOffset = ImVec2(0, pixels * 0.06f);
        atlas.AddFontFromFileTTF(icons, pixels * 0.92f, &merge, iconRanges());
    }
}

}  // namespace

float monitorScale() {
    float x = 1.0f, y = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &x, &y);
    return usableScale(x);
}

float windowScale(GLFWwindow* window) {
    float x = 1.0f, y = 1.0f;
    if (window) glfwGetWindowContentScale(window, &x, &y);
    return usableScale(x);
}

void buildFontAtlas(ImFontAtlas& atlas, float scale) {
    const char* regular = firstExisting({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    const char* bold = firstExisting({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"});
    if (!bold) bold = regular;
    const char* icons = firstExisting({"/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"});

    atlas.Clear();
    // Order matters: ui::FontRole indexes io.Fonts->Fonts.
    const float base = kBaseFontPixels * scale;
    addFont(atlas, regular, icons, base * ui::kFontRoleScale[0]);
    addFont(atlas, bold, icons, base * ui::kFontRoleScale[1]);
    addFont(atlas, bold, icons, base * ui::kFontRoleScale[2]);
    addFont(atlas, bold, icons, base * ui::kFontRoleScale[3]);
    atlas.Build();
    // The GL backend uploads RGBA; converting here (any thread) leaves it a plain copy.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
}

float setupFontsAndScale(GLFWwindow* window, float ui_scale) {
    const float scale = windowScale(window) * ui_scale;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    buildFontAtlas(*ImGui::GetIO().Fonts, scale);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(scale);
    return scale;
}

}  // namespace frontline::platform
