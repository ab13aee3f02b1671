// PNG screenshots of the back buffer (screenshot mode and docs/screenshots).
#include <algorithm>
#include <cstdio>
#include <vector>
#include <GLFW/glfw3.h>
#include <stb/stb_image_write.h>  // the implementation is in Debian's libstb (linked with imgui)
#include "platform.hpp"

namespace frontline::platform {

bool writeScreenshot(const std::filesystem::path& png, int width, int height) {
    if (width <= 0 || height <= 0) return false;
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows go bottom-up; PNG's top-down.
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.data() + static_cast<size_t>(height - 1 - y) * row, row, flipped.data() + static_cast<size_t>(y) * row);
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // opaque, whatever the framebuffer's alpha
    if (!stbi_write_png(png.string().c_str(), width, height, 4, flipped.data(), static_cast<int>(row))) {
        std::fprintf(stderr, "frontline: could not write %s\n", png.string().c_str());
        return false;
    }
    return true;
}

}  // namespace frontline::platform
