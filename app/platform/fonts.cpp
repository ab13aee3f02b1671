// Fonts and DPI: the one function that owns them (see platform.hpp).
#include <array>
#include <filesystem>
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
constexpr ImWchar kIconRanges[] = {static_cast<ImWchar>(ui::icon::kIconRangeFirst), static_cast<ImWchar>(ui::icon::kIconRangeLast), 0};

const char* firstExisting(std::initializer_list<const char*> paths) {
    for (const char* p : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return nullptr;
}

void addFont(ImFontAtlas* atlas, const char* file, const char* icons, float pixels) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    if (file) atlas->AddFontFromFileTTF(file, pixels, &config, kTextRanges);
    else {
        ImFontConfig fallback;
        fallback.SizePixels = pixels;
        atlas->AddFontDefault(&fallback);
    }
    if (icons) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.PixelSnapH = true;
        merge.GlyphMinAdvanceX = pixels;  // icons line up in lists
        merge.GlyphOffset = ImVec2(0, pixels * 0.06f);
        atlas->AddFontFromFileTTF(icons, pixels * 0.92f, &merge, kIconRanges);
    }
}

}  // namespace

float setupFontsAndScale(GLFWwindow* window, float ui_scale, bool upload) {
    float dpi = 1.0f;
    if (window) {
        float x = 1.0f, y = 1.0f;
        glfwGetWindowContentScale(window, &x, &y);
        if (x > 0.5f && x < 4.0f) dpi = x;
    }
    const float scale = dpi * ui_scale;
    const char* regular = firstExisting({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    const char* bold = firstExisting({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"});
    if (!bold) bold = regular;
    const char* icons = firstExisting({"/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"});

    ImGuiIO& io = ImGui::GetIO();
    if (upload) ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    // Order matters: ui::FontRole indexes io.Fonts->Fonts.
    const float base = kBaseFontPixels * scale;
    addFont(io.Fonts, regular, icons, base * ui::kFontRoleScale[0]);
    addFont(io.Fonts, bold, icons, base * ui::kFontRoleScale[1]);
    addFont(io.Fonts, bold, icons, base * ui::kFontRoleScale[2]);
    addFont(io.Fonts, bold, icons, base * ui::kFontRoleScale[3]);
    io.Fonts->Build();
    if (upload) ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(scale);
    return scale;
}

}  // namespace frontline::platform
