#pragma once
// The window layer (GLFW + OpenGL3): fonts and DPI, screenshots. Only app/platform/ includes GLFW.
#include <filesystem>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImFontAtlas;

namespace frontline::platform {

// DPI and fonts. Text is drawn at base size × DPI × ui_scale with Font Awesome merged in; missing
// font files fall back to ImGui's built-in font rather than aborting.
//
// The content scale (DPI) of the primary monitor, before any window exists; of a window once it
// does. GLFW's main thread only.
float monitorScale();
float windowScale(GLFWwindow* window);
// The atlas itself is ui::buildFontAtlas (frontline/ui/fonts.hpp): it needs no ImGui context or
// GL, so start-up builds it on a worker thread beside window creation.
// Rebuilds the current context's fonts for the window's scale × ui_scale, re-uploads the texture
// and resets the style to the theme at that scale (DPI or text-size changes). Returns the scale.
float setupFontsAndScale(GLFWwindow* window, float ui_scale, const std::vector<char32_t>& content_codepoints);

// Sets the window's icon from share/icons/hicolor/<N>x<N>/apps/frontline.png beside the data
// folder. Returns how many sizes were found (0: the window keeps the desktop's default icon).
int setWindowIcon(GLFWwindow* window);

// Reads the current back buffer (call before glfwSwapBuffers) and writes it as a PNG.
// Returns false (with a message on stderr) when it could not write the file.
bool writeScreenshot(const std::filesystem::path& png, int width, int height);

}  // namespace frontline::platform
