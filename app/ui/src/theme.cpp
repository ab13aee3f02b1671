#include "frontline/ui/theme.hpp"

namespace frontline::ui {

ImFont* font(FontRole role) {
    ImGuiIO& io = ImGui::GetIO();
    const int index = static_cast<int>(role);
    if (index < io.Fonts->Fonts.Size) return io.Fonts->Fonts[index];
    return io.Fonts->Fonts.Size > 0 ? io.Fonts->Fonts[0] : nullptr;
}

ImVec4 colour::vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void applyTheme(float scale) {
    using namespace colour;
    ImGuiStyle style;  // start from defaults so repeated calls never compound the scaling
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 10;
    style.ChildRounding = 10;
    style.FrameRounding = 7;
    style.PopupRounding = 8;
    style.GrabRounding = 7;
    style.TabRounding = 7;
    style.ScrollbarRounding = 8;
    style.ScrollbarSize = 12;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;
    style.PopupBorderSize = 1;
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 5);
    style.GrabMinSize = 14;
    style.SelectableTextAlign = ImVec2(0, 0.5f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = vec(kInk);
    c[ImGuiCol_TextDisabled] = vec(rgb(0xA89A90));
    c[ImGuiCol_WindowBg] = vec(kPaper);
    c[ImGuiCol_ChildBg] = vec(rgb(0xFFFFFF, 0));
    c[ImGuiCol_PopupBg] = vec(kCard);
    c[ImGuiCol_Border] = vec(kCardBorder);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = vec(rgb(0xFFFDF9));
    c[ImGuiCol_FrameBgHovered] = vec(rgb(0xFFF3EA));
    c[ImGuiCol_FrameBgActive] = vec(rgb(0xFDE6DA));
    // Dialog titles are drawn in the text colour (dark ink): their bar must be light to be read.
    c[ImGuiCol_TitleBg] = vec(kAccentSoft);
    c[ImGuiCol_TitleBgActive] = vec(kAccentSoft);
    c[ImGuiCol_TitleBgCollapsed] = vec(kAccentSoft);
    c[ImGuiCol_MenuBarBg] = vec(kBar);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = vec(rgb(0xE0D2C0));
    c[ImGuiCol_ScrollbarGrabHovered] = vec(rgb(0xD3C1AB));
    c[ImGuiCol_ScrollbarGrabActive] = vec(rgb(0xC4AE95));
    c[ImGuiCol_CheckMark] = vec(kAccent);
    c[ImGuiCol_SliderGrab] = vec(kAccent);
    c[ImGuiCol_SliderGrabActive] = vec(kAccentActive);
    c[ImGuiCol_Button] = vec(rgb(0xF4EADF));
    c[ImGuiCol_ButtonHovered] = vec(rgb(0xF9DCCD));
    c[ImGuiCol_ButtonActive] = vec(rgb(0xF3C6B2));
    c[ImGuiCol_Header] = vec(kAccentSoft);
    c[ImGuiCol_HeaderHovered] = vec(rgb(0xFAD6C9));
    c[ImGuiCol_HeaderActive] = vec(rgb(0xF6C2B0));
    c[ImGuiCol_Separator] = vec(kCardBorder);
    c[ImGuiCol_SeparatorHovered] = vec(kAccentHover);
    c[ImGuiCol_SeparatorActive] = vec(kAccent);
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Tab] = vec(rgb(0xF1E6D8));
    c[ImGuiCol_TabHovered] = vec(rgb(0xFAD6C9));
    c[ImGuiCol_TabActive] = vec(kCard);
    c[ImGuiCol_TabUnfocused] = vec(rgb(0xF1E6D8));
    c[ImGuiCol_TabUnfocusedActive] = vec(kCard);
    c[ImGuiCol_PlotHistogram] = vec(kGold);
    c[ImGuiCol_PlotLines] = vec(kAccent);
    c[ImGuiCol_TableHeaderBg] = vec(rgb(0xF6EDE2));
    c[ImGuiCol_TableBorderStrong] = vec(kCardBorder);
    c[ImGuiCol_TableBorderLight] = vec(rgb(0xF1E8DC));
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = vec(rgb(0xFBF6EF));
    c[ImGuiCol_TextSelectedBg] = vec(rgb(0xF6C2B0));
    c[ImGuiCol_NavHighlight] = vec(kAccent);
    c[ImGuiCol_ModalWindowDimBg] = vec(rgb(0x33263D, 110));

    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace frontline::ui
