// Fonts and DPI (see platform.hpp).
#include <filesystem>
#include <vector>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include "frontline/ui/fonts.hpp"
#include "frontline/ui/theme.hpp"
#include "platform.hpp"

namespace frontline::platform {

namespace {

// A content scale outside any real monitor's (a broken EDID, a headless server) means "unknown".
float usableScale(float scale) { return scale > 0.5f && scale < 4.0f ? scale : 1.0f; }

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

float setupFontsAndScale(GLFWwindow* window, float ui_scale, const std::vector<char32_t>& content_codepoints) {
    const float scale = windowScale(window) * ui_scale;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ui::buildFontAtlas(*ImGui::GetIO().Fonts, scale, content_codepoints);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(scale);
    return scale;
}

}  // namespace frontline::platform
