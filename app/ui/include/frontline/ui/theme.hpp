#pragma once
// Frontline's look: a warm light theme (cream paper, coral accent, teal for "good", gold stars)
// and the font roles the platform loads. Widgets pick fonts by role, so headless tests (one
// default font) and the real window (four fonts) run the same code.
#include <imgui.h>

namespace frontline::ui {

// The platform adds fonts to io.Fonts in exactly this order.
enum class FontRole { Regular = 0, Bold = 1, Heading = 2, Display = 3 };
// Size of each role relative to the regular font.
inline constexpr float kFontRoleScale[] = {1.0f, 1.0f, 1.35f, 2.3f};
// The font for `role`, or the default font when the platform did not load that many.
ImFont* font(FontRole role);

namespace colour {
inline constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    // ImGui packs colours as ABGR.
    return (alpha << 24) | ((hex & 0xFF) << 16) | (hex & 0xFF00) | ((hex >> 16) & 0xFF);
}
inline constexpr ImU32 kPaper = rgb(0xFBF5EC);      // window background
inline constexpr ImU32 kCard = rgb(0xFFFFFF);
inline constexpr ImU32 kCardBorder = rgb(0xEADFCF);
inline constexpr ImU32 kInk = rgb(0x2E2624);        // text
inline constexpr ImU32 kInkSoft = rgb(0x7A6A62);    // secondary text
inline constexpr ImU32 kBar = rgb(0x33263D);        // top bar (deep plum)
inline constexpr ImU32 kBarText = rgb(0xF8EFE4);
inline constexpr ImU32 kAccent = rgb(0xE2654A);     // coral: primary actions
inline constexpr ImU32 kAccentHover = rgb(0xEC7B60);
inline constexpr ImU32 kAccentActive = rgb(0xC9533A);
inline constexpr ImU32 kAccentSoft = rgb(0xFCE3DA);
inline constexpr ImU32 kGood = rgb(0x2A9D8F);       // teal: correct, passed
inline constexpr ImU32 kGoodSoft = rgb(0xDDF2EE);
inline constexpr ImU32 kWarn = rgb(0xE9A23B);       // amber: late, minor
inline constexpr ImU32 kWarnSoft = rgb(0xFDF0D9);
inline constexpr ImU32 kBad = rgb(0xC8453C);        // red: breach, failed
inline constexpr ImU32 kBadSoft = rgb(0xF9DEDB);
inline constexpr ImU32 kGold = rgb(0xF2B134);       // stars, points
inline constexpr ImU32 kStarEmpty = rgb(0xE4D8C8);
inline constexpr ImU32 kInfo = rgb(0x4A78B5);       // knowledge, neutral info
inline constexpr ImU32 kInfoSoft = rgb(0xE2EBF6);
inline constexpr ImU32 kCustomerBubble = rgb(0xF3ECE2);
inline constexpr ImU32 kAgentBubble = rgb(0xFCE3DA);
inline constexpr ImU32 kSystemBubble = rgb(0xE8E6F0);
ImVec4 vec(ImU32 c);
}  // namespace colour

// Resets ImGui's style to Frontline's theme at `scale` (DPI × user scale).
void applyTheme(float scale);

}  // namespace frontline::ui
