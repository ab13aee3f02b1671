// wrapAtSpaces: transcript bubbles and option cards break lines at spaces only, so amounts and
// e-mail addresses are never split (ImGui 1.86 breaks after any '.' or ','). The wrap-up's Notes
// box wraps as the agent types and stores the note as typed.
#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <vector>
#include "frontline/ui/widgets.hpp"
#include <imgui_internal.h>
#include "desk_steps.hpp"
#include "harness.hpp"

using frontline::ui::wrapAtSpaces;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string withoutBreaks(std::string text) {
    for (char& c : text)
        if (c == '\n') c = ' ';
    return text;
}

}  // namespace

TEST_CASE("lines break at spaces only, fit the width, and keep every word") {
    frontline::test::Harness h;  // an ImGui context with a font to measure with
    h.frame();
    const std::string text =
        "Great. So, to recap: a one-off £34.65 on top of the usual £38.50 that month, and a confirmation "
        "to h.marsh87@example.com within the hour.";
    // Every width here holds the longest word (the address), so no word is cut.
    const float longest = ImGui::CalcTextSize("h.marsh87@example.com").x;
    for (float width : {longest, longest * 1.4f, longest * 2.5f, longest * 6.0f}) {
        CAPTURE(width);
        const std::string wrapped = wrapAtSpaces(text, width);
        CHECK(withoutBreaks(wrapped) == text);  // only spaces became line breaks
        const auto lines = linesOf(wrapped);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string& line = lines[i];
            CAPTURE(line);
            // Filled greedily: the next line's first word would not have fitted on this one.
            if (i + 1 < lines.size()) {
                const std::string next_word = lines[i + 1].substr(0, lines[i + 1].find(' '));
                CHECK(ImGui::CalcTextSize((line + " " + next_word).c_str()).x > width);
            }
            CHECK(ImGui::CalcTextSize(line.c_str()).x <= width);
            CHECK((line.find("£34.") == std::string::npos || line.find("£34.65") != std::string::npos));
            CHECK((line.find("h.marsh87") == std::string::npos || line.find("h.marsh87@example.com") != std::string::npos));
        }
    }
}

TEST_CASE("existing line breaks stay - a word wider than the line is cut, not lost") {
    frontline::test::Harness h;
    h.frame();
    CHECK(wrapAtSpaces("one\ntwo", 500.0f) == "one\ntwo");
    const std::string long_word(60, 'W');
    const std::string wrapped = wrapAtSpaces("a " + long_word + " b", 80.0f);
    std::string letters;
    for (char c : wrapped)
        if (c != '\n' && c != ' ') letters += c;
    CHECK(letters == "a" + long_word + "b");
    for (const auto& line : linesOf(wrapped)) CHECK(ImGui::CalcTextSize(line.c_str()).x <= 80.0f);
    CHECK(wrapAtSpaces("", 100.0f).empty());
}

TEST_CASE("a long note typed into Notes wraps inside the box and is stored exactly as typed") {
    frontline::test::Harness h;
    h.openApp("Ana Lima");
    frontline::ui::DeskSession& s = frontline::test::answerCall(h, "model-inbound-call");
    frontline::test::reachWrapUp(h, s);
    const std::string typed =
        "Customer asked to move the direct debit from the 1st to the 15th because her salary now arrives mid-month; "
        "verified with account number, postcode and date of birth; changed the date effective next month and confirmed "
        "the new schedule by e-mail to her address on file; no fees apply and nothing else is outstanding.";
    h.click("Notes");
    h.type(typed);
    CHECK(s.wrap_up.notes == typed);  // no soft line break stored

    // The box being edited shows the note on several lines, none wider than the box.
    const ImGuiInputTextState& state = ImGui::GetCurrentContext()->InputTextState;
    std::string shown(static_cast<size_t>(state.CurLenW) * 4 + 1, '\0');
    shown.resize(static_cast<size_t>(
        ImTextStrToUtf8(shown.data(), static_cast<int>(shown.size()), state.TextW.Data, state.TextW.Data + state.CurLenW)));
    const auto lines = linesOf(shown);
    CHECK(lines.size() >= 3);
    CHECK(withoutBreaks(shown) == typed);
    const auto& box = h.recorder.items.at("Notes");
    for (const auto& line : lines) CHECK(ImGui::CalcTextSize(line.c_str()).x < box.max.x - box.min.x);

    // A line break typed or pasted becomes a space: a note is one paragraph, so no break is lost in it.
    h.press(frontline::test::kEnter);
    h.type("Done.");
    CHECK(s.wrap_up.notes == typed + " Done.");
}

TEST_CASE("text cut to a table cell ends in an ellipsis inside the cell, and text that fits is left whole") {
    frontline::test::Harness h;
    h.openApp("Ana Lima");
    ImGui::NewFrame();
    ImGui::Begin("cells", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::BeginChild("cell", ImVec2(90, 60));  // borderless: its whole width is the room
    const bool long_cut = frontline::ui::fittedText("O'Connell's department, second floor");
    const float long_width = ImGui::GetItemRectSize().x;
    const bool short_cut = frontline::ui::fittedText("North");
    ImGui::EndChild();
    ImGui::End();
    ImGui::Render();
    CHECK(long_cut);
    CHECK(long_width <= 90.5f);
    CHECK(long_width > 45.0f);  // cut as late as it fits, not to nothing
    CHECK_FALSE(short_cut);
}
