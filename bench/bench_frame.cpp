// Frame CPU time of every screen, headless (no GPU): the UI's own cost per frame, the call desk
// mid-scenario being the heaviest. Floor: a bare ImGui frame with one window of text, measured in
// the same run. Target: the heaviest screen under 2 ms of CPU per frame.
//   bench_frame [content-dir]
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <imgui.h>
#include "frontline/ui/demo.hpp"
#include "frontline/ui/theme.hpp"

using namespace frontline;

namespace {

constexpr int kWarmup = 30;
constexpr int kFrames = 600;
int last_vertices = 0;  // of the last frame measured: proof that something was drawn

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <typename Draw>
double msPerFrame(Draw draw) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < kWarmup; ++i) {
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    const double start = cpuSeconds();
    for (int i = 0; i < kFrames; ++i) {
        io.DeltaTime = 1.0f / 60.0f;
        // The mouse moves over the window as a reader's would, so hover paths run too.
        io.MousePos = ImVec2(200.0f + static_cast<float>(i % 800), 300.0f + static_cast<float>(i % 300));
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    const double ms = (cpuSeconds() - start) * 1000.0 / kFrames;
    last_vertices = ImGui::GetDrawData()->TotalVtxCount;
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1920, 1080);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::applyTheme(1.0f);

    const double floor_ms = msPerFrame([] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("floor", nullptr, ImGuiWindowFlags_NoDecoration);
        for (int i = 0; i < 40; ++i) ImGui::Text("A line of text in a bare window, number %d", i);
        ImGui::End();
    });

    ui::AppState app;
    app.content = loadContent(argc > 1 ? ContentPaths::at(argv[1]) : ContentPaths::bundled());
    app.store.emplace(Store::open(":memory:"));
    app.next_seed = 42;
    ui::openApp(app);
    double worst = 0;
    std::string worst_name;
    for (const auto& name : ui::demoScreenNames()) {
        if (name != "welcome" && !app.trainee) ui::seedDemo(app);
        if (!ui::stageDemoScreen(app, name)) continue;
        const double ms = msPerFrame([&] { ui::drawApp(app); });
        std::printf("frame.%-9s %.3f ms CPU, %6d vertices (floor %.3f ms, ratio %.2f)\n", name.c_str(), ms, last_vertices, floor_ms,
                    ms / floor_ms);
        if (ms > worst) {
            worst = ms;
            worst_name = name;
        }
    }
    std::printf("frame.heaviest: %s %.3f ms CPU per frame at 1920x1080 (target < 2 ms: %s)\n", worst_name.c_str(), worst,
                worst < 2.0 ? "ok" : "OVER");
    ImGui::DestroyContext();
    return 0;
}
