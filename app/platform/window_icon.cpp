// The window's icon (taskbars, Alt-Tab): the PNG sizes rendered from assets/frontline.svg, read
// from the hicolor theme folder beside the data (share/icons), so the installed app and the build
// tree find them the same way.
#include <array>
#include <memory>
#include <vector>
#include <GLFW/glfw3.h>
#include <stb/stb_image.h>  // the implementation is in Debian's libstb (linked with imgui)
#include "frontline/data_dir.hpp"
#include "platform.hpp"

namespace frontline::platform {

namespace {

struct StbFree {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};
using Pixels = std::unique_ptr<unsigned char, StbFree>;

}  // namespace

int setWindowIcon(GLFWwindow* window) {
    // Window managers pick the size closest to what they draw. 256 is left to the icon theme: it
    // would send half a megabyte to the X server at every start (measured: decoding all six sizes
    // costs ~1.1 ms, a third of it the 256 one).
    constexpr std::array kSizes = {16, 32, 48, 64, 128};
    const auto icons = bundledDataDirectory().parent_path() / "icons" / "hicolor";
    std::vector<Pixels> owned;
    std::vector<GLFWimage> images;
    for (int size : kSizes) {
        const auto png = icons / (std::to_string(size) + "x" + std::to_string(size)) / "apps" / "frontline.png";
        int w = 0, h = 0, channels = 0;
        Pixels pixels(stbi_load(png.c_str(), &w, &h, &channels, 4));
        if (!pixels) continue;  // a missing size is not worth a message: the others serve
        images.push_back(GLFWimage{w, h, pixels.get()});
        owned.push_back(std::move(pixels));
    }
    if (!images.empty()) glfwSetWindowIcon(window, static_cast<int>(images.size()), images.data());
    return static_cast<int>(images.size());
}

}  // namespace frontline::platform
