#pragma once
// The window layer (GLFW + OpenGL3): fonts and DPI, screenshots. Only app/platform/ includes GLFW.
#include <filesystem>
#include <string>

struct GLFWwindow;

namespace frontline::platform {

// The one place that owns DPI and fonts: reads the window's content scale, (re)loads the fonts at
// base size × DPI × ui_scale with Font Awesome merged in, resets the style to the theme at that
// scale and re-uploads the font texture when `upload` (a GL context exists). Missing font files
// fall back to ImGui's built-in font rather than aborting. Returns the effective scale.
float setupFontsAndScale(GLFWwindow* window, float ui_scale, bool upload);

// Reads the current back buffer (call before glfwSwapBuffers) and writes it as a PNG.
// Returns false (with a message on stderr) when it could not write the file.
bool writeScreenshot(const std::filesystem::path& png, int width, int height);

}  // namespace frontline::platform
