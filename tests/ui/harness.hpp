#pragma once
// Headless driver for the UI library: an ImGui context with no renderer, frames on demand, and
// clicks/keys/typing aimed at widgets found by the labels the UI records (ItemRecorder).
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <doctest/doctest.h>
#include <imgui.h>
#include "frontline/content.hpp"
#include "frontline/store.hpp"
#include "frontline/ui/app.hpp"
#include "frontline/ui/theme.hpp"
#include "frontline/ui/widgets.hpp"

namespace frontline::test {

// GLFW key codes: the real platform fills io.KeyMap with them, so the harness does the same.
enum Key : int {
    kSpace = 32, kDigit1 = 49, kA = 65, kEscape = 256, kEnter = 257, kTab = 258, kBackspace = 259, kDelete = 261,
    kRight = 262, kLeft = 263, kDown = 264, kUp = 265, kHome = 268, kEnd = 269, kF1 = 290
};

class Harness {
public:
    ui::AppState app;
    ui::ItemRecorder recorder;

    explicit Harness(ImVec2 display = ImVec2(1280, 800)) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.KeyMap[ImGuiKey_Tab] = kTab;
        io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
        io.KeyMap[ImGuiKey_RightArrow] = kRight;
        io.KeyMap[ImGuiKey_UpArrow] = kUp;
        io.KeyMap[ImGuiKey_DownArrow] = kDown;
        io.KeyMap[ImGuiKey_Home] = kHome;
        io.KeyMap[ImGuiKey_End] = kEnd;
        io.KeyMap[ImGuiKey_Delete] = kDelete;
        io.KeyMap[ImGuiKey_Backspace] = kBackspace;
        io.KeyMap[ImGuiKey_Space] = kSpace;
        io.KeyMap[ImGuiKey_Enter] = kEnter;
        io.KeyMap[ImGuiKey_Escape] = kEscape;
        io.KeyMap[ImGuiKey_A] = kA;
        io.UserData = &recorder;
        ui::applyTheme(1.0f);
    }
    ~Harness() { ImGui::DestroyContext(context_); }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    void frame(float dt = 1.0f / 60.0f) {
        ImGui::GetIO().DeltaTime = dt;
        ImGui::NewFrame();
        ui::drawApp(app);
        ImGui::Render();
    }
    // The app as the window opens it, on `content`, an in-memory store and a fixed seed, for
    // `trainee` (empty: the first-run profile screen), with two frames drawn.
    void openApp(const std::string& trainee = {}, std::uint64_t seed = 7,
                 const std::filesystem::path& content = FRONTLINE_TEST_CONTENT_DIR) {
        app.content = loadContent(ContentPaths::at(content));
        REQUIRE(app.content.sop_loaded);
        app.store.emplace(Store::open(":memory:"));
        app.next_seed = seed;
        ui::openApp(app, trainee);
        frames(2);
    }

    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    // Lets `seconds` of real time pass in steps of at most a quarter second.
    void wait(double seconds) {
        while (seconds > 1e-6) {
            const float step = static_cast<float>(seconds < 0.25 ? seconds : 0.25);
            frame(step);
            seconds -= step;
        }
    }

    // Drawn in the latest frame?
    bool visible(const std::string& label) const {
        auto it = recorder.items.find(label);
        return it != recorder.items.end() && it->second.frame == ImGui::GetFrameCount();
    }
    bool enabled(const std::string& label) const { return visible(label) && recorder.items.at(label).enabled; }
    // The first label drawn in the latest frame that starts with `prefix` ("" when none).
    std::string find(const std::string& prefix) const {
        for (const auto& [label, rect] : recorder.items)
            if (label.rfind(prefix, 0) == 0 && rect.frame == ImGui::GetFrameCount()) return label;
        return {};
    }

    void click(const std::string& label) {
        if (!visible(label)) throw std::runtime_error("no widget '" + label + "' in the last frame");
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = recorder.items.at(label).centre();
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame();  // let the result (navigation, popups) draw once
    }
    void press(int key, bool ctrl = false, bool shift = false, bool alt = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeyAlt = alt;
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        io.KeyShift = false;
        io.KeyAlt = false;
        frame();
    }
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frame();
        frame();
    }
    // Clicks a text field, selects what is in it and types over it.
    void fill(const std::string& label, const std::string& text) {
        click(label);
        press(kA, true);
        type(text);
    }

private:
    ImGuiContext* context_ = nullptr;
};

}  // namespace frontline::test
