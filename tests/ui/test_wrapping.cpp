// wrapAtSpaces: transcript bubbles and option cards break lines at spaces only, so amounts and
// e-mail addresses are never split (ImGui 1.86 breaks after any '.' or ',').
#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <vector>
#include "frontline/ui/widgets.hpp"
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
