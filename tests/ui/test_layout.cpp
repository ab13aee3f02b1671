// Layout check on every demo screen at 1280x800 and 1920x1080, at 100 % and 150 % text: no
// recorded widget runs past the window's edge or partly covers another (a widget inside another,
// like a button on its card, is fine). Rectangles are the visible parts the harness records.
#include <doctest/doctest.h>
#include <cmath>
#include <sstream>
#include "frontline/ui/demo.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;

namespace {

struct Box {
    std::string label;
    ImVec2 min, max;
};

bool inside(const Box& a, const Box& b, float slack) {
    return a.min.x >= b.min.x - slack && a.min.y >= b.min.y - slack && a.max.x <= b.max.x + slack && a.max.y <= b.max.y + slack;
}

struct Config {
    ImVec2 size;
    float text;
};

// Geometry is the same in every build, so the release build checks all four configurations; the
// sanitizer build (looking for memory errors, at a tenth of the speed) draws the two opposite ones.
std::vector<Config> configs() {
#ifdef FRONTLINE_SANITIZED_BUILD
    return {{ImVec2(1280, 800), 1.5f}, {ImVec2(1920, 1080), 1.0f}};
#else
    return {{ImVec2(1280, 800), 1.0f}, {ImVec2(1280, 800), 1.5f}, {ImVec2(1920, 1080), 1.0f}, {ImVec2(1920, 1080), 1.5f}};
#endif
}

// A harness at the configuration's window size and text size, with the app open.
void openAt(Harness& h, const Config& c) {
    ui::applyTheme(c.text);
    ImGui::GetIO().FontGlobalScale = c.text;
    h.openApp();
}

float overlapArea(const Box& a, const Box& b) {
    const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
    const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
    // Stacked rows (selectables) meet edge to edge and may share a rounded pixel: not an overlap.
    return w > 2 && h > 2 ? w * h : 0.0f;
}

// Problems on the current frame: edges crossed and partial overlaps, one line each.
std::vector<std::string> layoutProblems(const Harness& h, ImVec2 display) {
    std::vector<Box> boxes;
    for (const auto& [label, r] : h.recorder.items) {
        if (r.frame != ImGui::GetFrameCount()) continue;
        if (r.visible_max.x - r.visible_min.x < 1 || r.visible_max.y - r.visible_min.y < 1) continue;  // scrolled out
        boxes.push_back({label, r.visible_min, r.visible_max});
    }
    std::vector<std::string> problems;
    for (const Box& b : boxes)
        if (b.min.x < -0.5f || b.max.x > display.x + 0.5f || b.max.y > display.y + 0.5f) problems.push_back("past the edge: " + b.label);
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            const Box &a = boxes[i], &b = boxes[j];
            if (inside(a, b, 1.0f) || inside(b, a, 1.0f)) continue;
            if (overlapArea(a, b) > 4.0f) problems.push_back("overlap: " + a.label + " / " + b.label);
        }
    return problems;
}

}  // namespace

TEST_CASE("no widget crosses the window edge or partly covers another, at both sizes and both text sizes") {
    for (const Config& c : configs()) {
        const ImVec2 size = c.size;
        const float text = c.text;
        Harness h(size);
        openAt(h, c);
        for (const auto& name : ui::demoScreenNames()) {
            if (name != "welcome" && !h.app.trainee) ui::seedDemo(h.app);
            REQUIRE(ui::stageDemoScreen(h.app, name));
            h.frames(3);
            std::ostringstream where;
            where << name << " at " << size.x << "x" << size.y << ", text " << text * 100 << " %";
            CAPTURE(where.str());
            for (const auto& p : layoutProblems(h, size)) CHECK_MESSAGE(false, p);
        }
    }
}

TEST_CASE("the first-run form's fields stay inside their card, at both sizes and both text sizes") {
    for (const Config& c : configs()) {
        const ImVec2 size = c.size;
        const float text = c.text;
        Harness h(size);
        openAt(h, c);  // nobody yet: the welcome screen
        CAPTURE(size.x);
        CAPTURE(text);
        // The card is centred, with the same padding on both sides: so are the fields (a field
        // as wide as the window ran past the card's right edge).
        for (const char* field : {"Your name", "Team"}) {
            REQUIRE(h.visible(field));
            const ui::ItemRect& r = h.recorder.items.at(field);
            CHECK(std::abs(r.centre().x - size.x / 2) < 8.0f);
        }
    }
}
