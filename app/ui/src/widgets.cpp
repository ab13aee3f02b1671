// Shared widgets. Sections: test hook · buttons · cards · indicators · helpers.
#include "frontline/ui/widgets.hpp"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <imgui_internal.h>
#include "frontline/ui/icons.hpp"
#include "frontline/ui/theme.hpp"

namespace frontline::ui {

// ---- test hook ----------------------------------------------------------------------------------

std::string visibleLabel(const char* label) {
    const char* hashes = std::strstr(label, "##");
    return hashes ? std::string(label, hashes) : std::string(label);
}

void recordItem(const char* label, bool enabled) {
    auto* recorder = static_cast<ItemRecorder*>(ImGui::GetIO().UserData);
    if (!recorder) return;
    // Under a modal dialog an item can be neither clicked nor seen whole: not recorded this frame.
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    if (modal && !ImGui::IsWindowChildOf(ImGui::GetCurrentWindow(), modal, true)) return;
    ItemRect& rect = recorder->items[visibleLabel(label)];
    rect.min = ImGui::GetItemRectMin();
    rect.max = ImGui::GetItemRectMax();
    const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin(), clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    rect.visible_min = ImVec2(std::max(rect.min.x, clip_min.x), std::max(rect.min.y, clip_min.y));
    rect.visible_max = ImVec2(std::min(rect.max.x, clip_max.x), std::min(rect.max.y, clip_max.y));
    rect.enabled = enabled;
    rect.frame = ImGui::GetFrameCount();
}

bool beginFixedModal(const char* id, float width) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings);
}

// ---- buttons ------------------------------------------------------------------------------------

namespace {
struct ButtonColours {
    ImU32 base, hover, active, text;
};
ButtonColours coloursFor(ButtonKind kind) {
    using namespace colour;
    switch (kind) {
    case ButtonKind::Primary: return {kAccent, kAccentHover, kAccentActive, rgb(0xFFFFFF)};
    case ButtonKind::Good: return {kGood, rgb(0x35B3A3), rgb(0x218276), rgb(0xFFFFFF)};
    case ButtonKind::Danger: return {kBad, rgb(0xD85A51), rgb(0xAE3A32), rgb(0xFFFFFF)};
    case ButtonKind::Subtle: return {rgb(0xFFFFFF, 0), rgb(0xF4E6DA), rgb(0xF0D9C8), kInk};
    case ButtonKind::Normal: break;
    }
    return {rgb(0xF4EADF), rgb(0xF9DCCD), rgb(0xF3C6B2), kInk};
}
}  // namespace

bool button(const char* label, ButtonKind kind, ImVec2 size) {
    const ButtonColours c = coloursFor(kind);
    ImGui::PushStyleColor(ImGuiCol_Button, c.base);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.active);
    ImGui::PushStyleColor(ImGuiCol_Text, c.text);
    if (kind != ButtonKind::Normal) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const bool pressed = ImGui::Button(label, size);
    if (kind != ButtonKind::Normal) ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    recordItem(label, !(ImGui::GetItemFlags() & ImGuiItemFlags_Disabled));
    return pressed;
}

bool iconButton(const char* icon, const char* label, ButtonKind kind, ImVec2 size) {
    std::string text = std::string(icon) + "  " + label;
    const ButtonColours c = coloursFor(kind);
    ImGui::PushStyleColor(ImGuiCol_Button, c.base);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.active);
    ImGui::PushStyleColor(ImGuiCol_Text, c.text);
    if (kind != ButtonKind::Normal) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const bool pressed = ImGui::Button(text.c_str(), size);
    if (kind != ButtonKind::Normal) ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    recordItem(label, !(ImGui::GetItemFlags() & ImGuiItemFlags_Disabled));
    return pressed;
}

void tooltip(const char* text) {
    if (!text || !*text) return;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// ---- cards --------------------------------------------------------------------------------------

void beginCard(const char* id, ImVec2 size, ImU32 accent) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour::kCard);
    ImGui::PushStyleColor(ImGuiCol_Border, accent ? accent : colour::kCardBorder);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, ImGui::GetFontSize() * 0.7f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize() * 0.9f, ImGui::GetFontSize() * 0.7f));
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_AlwaysUseWindowPadding);
}

void endCard() {
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

namespace {
struct TileFrame {
    ImVec2 start;
    float width;
    ImU32 accent;
};
// Tiles do not nest, so one open tile per ImGui window is all that is tracked; it lives in the
// window's state storage so that nothing leaks between ImGui contexts (tests).
ImGuiID tileKey() { return ImGui::GetID("##frontline.tile"); }
}  // namespace

void beginTile(float width, ImU32 accent) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const float pad = ImGui::GetFontSize() * 0.8f;
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    ImVec2 start = ImGui::GetCursorScreenPos();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = tileKey();
    storage->SetFloat(key, start.x);
    storage->SetFloat(key + 1, start.y);
    storage->SetFloat(key + 2, width);
    storage->SetInt(key + 3, static_cast<int>(accent));
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad * 0.8f));
    ImGui::BeginGroup();
    // Wrap positions are window-local.
    ImGui::PushTextWrapPos(start.x + width - pad - ImGui::GetWindowPos().x + ImGui::GetScrollX());
}

float tileInnerWidth() {
    const ImGuiID key = tileKey();
    return ImGui::GetStateStorage()->GetFloat(key + 2) - ImGui::GetFontSize() * 1.6f;
}

bool endTile(const char* record_label) {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = tileKey();
    const ImVec2 start(storage->GetFloat(key), storage->GetFloat(key + 1));
    const float width = storage->GetFloat(key + 2);
    const ImU32 accent = static_cast<ImU32>(storage->GetInt(key + 3));
    const float pad = ImGui::GetFontSize() * 0.8f;
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad * 0.8f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    const float rounding = ImGui::GetFontSize() * 0.6f;
    const bool hovered = record_label && ImGui::IsMouseHoveringRect(start, end) && ImGui::IsWindowHovered();
    draw->AddRectFilled(ImVec2(start.x + 1, start.y + 2), ImVec2(end.x + 1, end.y + 2), colour::rgb(0xE9DCCB, 140), rounding);
    draw->AddRectFilled(start, end, hovered ? colour::rgb(0xFFFAF5) : colour::kCard, rounding);
    draw->AddRect(start, end, hovered ? colour::kAccentHover : colour::kCardBorder, rounding);
    if (accent) {
        draw->AddRectFilled(start, ImVec2(start.x + rounding * 0.6f, end.y), accent, rounding, ImDrawFlags_RoundCornersLeft);
    }
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    bool clicked = false;
    if (record_label) {
        ImGui::PushID(record_label);
        ImGui::SetItemAllowOverlap();
        clicked = ImGui::InvisibleButton("##tile", ImVec2(width, end.y - start.y));
        ImGui::PopID();
        recordItem(record_label);
    } else {
        ImGui::Dummy(ImVec2(width, end.y - start.y));
    }
    return clicked;
}

void sectionHeader(const char* icon, const char* text) {
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ImGui::Spacing();
}

void heading(const char* text) {
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void mutedText(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kInkSoft);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

bool fittedText(const std::string& text) {
    const float room = ImGui::GetContentRegionAvail().x;
    if (ImGui::CalcTextSize(text.c_str()).x <= room) {
        ImGui::TextDisabled("%s", text.c_str());
        return false;
    }
    static constexpr const char* kEllipsis = "…";
    const float for_text = room - ImGui::CalcTextSize(kEllipsis).x;
    std::size_t fits = 0;  // the longest prefix of whole UTF-8 characters that fits
    for (std::size_t next = 0; next < text.size();) {
        ++next;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        if (ImGui::CalcTextSize(text.data(), text.data() + next).x > for_text) break;
        fits = next;
    }
    ImGui::TextDisabled("%s%s", text.substr(0, fits).c_str(), kEllipsis);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    return true;
}

std::string wrapAtSpaces(const std::string& text, float width) {
    const auto measure = [](std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; };
    std::string out;
    out.reserve(text.size() + 16);
    float line_w = 0;  // width of what the current line holds so far
    const float space_w = measure(" ");
    std::size_t at = 0;
    while (at < text.size()) {
        if (text[at] == '\n') {
            out += '\n';
            line_w = 0;
            ++at;
            continue;
        }
        if (text[at] == ' ') {
            ++at;  // spaces are re-inserted between the words they separate
            continue;
        }
        std::size_t end = text.find_first_of(" \n", at);
        if (end == std::string::npos) end = text.size();
        std::string_view word(text.data() + at, end - at);
        float word_w = measure(word);
        if (line_w > 0 && line_w + space_w + word_w <= width) {
            out += ' ';
            line_w += space_w;
        } else if (line_w > 0) {
            out += '\n';
            line_w = 0;
        }
        // A word wider than a whole line is cut where it must be.
        while (word_w > width && word.size() > 1) {
            std::size_t fit = 1;
            while (fit < word.size() && measure(word.substr(0, fit + 1)) <= width) ++fit;
            out.append(word.substr(0, fit));
            out += '\n';
            word.remove_prefix(fit);
            word_w = measure(word);
        }
        out.append(word);
        line_w += word_w;
        at = end;
    }
    return out;
}

void wrappedText(const char* text, ImU32 c) {
    if (c) ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::TextWrapped("%s", text);
    if (c) ImGui::PopStyleColor();
}

void iconText(const char* icon, ImU32 icon_colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, icon_colour);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

// ---- indicators ---------------------------------------------------------------------------------

void chip(const char* text, ImU32 background, ImU32 text_colour) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pad(ImGui::GetFontSize() * 0.45f, ImGui::GetFontSize() * 0.12f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 end(pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, end, background, (end.y - pos.y) * 0.5f);
    draw->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), text_colour, text);
    ImGui::Dummy(ImVec2(end.x - pos.x, end.y - pos.y));
}

void starRating(int stars, int max_stars, float glyph_scale) {
    ImFont* f = glyph_scale > 1.2f ? font(FontRole::Display) : (glyph_scale > 1.0f ? font(FontRole::Heading) : font(FontRole::Regular));
    ImGui::PushFont(f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetFontSize() * 0.15f, 0));
    for (int i = 0; i < max_stars; ++i) {
        if (i > 0) ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, i < stars ? colour::kGold : colour::kStarEmpty);
        ImGui::TextUnformatted(icon::kStar);
        ImGui::PopStyleColor();
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
}

ImU32 scoreColour(int score) {
    if (score >= 80) return colour::kGood;
    if (score >= 50) return colour::kWarn;
    return colour::kBad;
}

ImU32 moodColour(int mood) {
    if (mood >= 60) return colour::kGood;
    if (mood >= 30) return colour::kWarn;
    return colour::kBad;
}

const char* moodIcon(int mood) {
    if (mood >= 60) return icon::kSmile;
    if (mood >= 30) return icon::kMeh;
    return icon::kFrown;
}

void progressBar(float fraction, ImU32 c, float width, float height, const char* overlay) {
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 end(pos.x + width, pos.y + height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float r = height * 0.5f;
    draw->AddRectFilled(pos, end, colour::rgb(0xEFE4D6), r);
    if (fraction > 0) draw->AddRectFilled(pos, ImVec2(pos.x + std::max(width * fraction, height), end.y), c, r);
    if (overlay) {
        const ImVec2 ts = ImGui::CalcTextSize(overlay);
        draw->AddText(ImVec2(pos.x + (width - ts.x) * 0.5f, pos.y + (height - ts.y) * 0.5f), colour::kInk, overlay);
    }
    ImGui::Dummy(ImVec2(width, height));
}

void moodMeter(int mood, float width) {
    mood = std::clamp(mood, 0, 100);
    const ImU32 c = moodColour(mood);
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::TextUnformatted(moodIcon(mood));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    const float height = ImGui::GetFontSize() * 0.75f;
    const float iconw = ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetItemRectSize().y - height) * 0.5f);
    char label[16];
    std::snprintf(label, sizeof label, "%d", mood);
    progressBar(mood / 100.0f, c, std::max(width - iconw, height * 4), height);
    recordItem("Mood meter");
}

void statTile(const char* id, const char* icon_glyph, ImU32 c, const char* value, const char* caption, float width,
              float progress) {
    ImGui::PushID(id);
    ImGui::BeginGroup();
    beginTile(width);
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(icon_glyph);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushFont(font(FontRole::Display));
    ImGui::TextUnformatted(value);
    ImGui::PopFont();
    if (progress >= 0) {
        progressBar(progress, c, tileInnerWidth(), ImGui::GetTextLineHeight(), caption);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kInkSoft);
        ImGui::TextUnformatted(caption);
        ImGui::PopStyleColor();
    }
    endTile();
    ImGui::EndGroup();
    ImGui::PopID();
}

std::string clockText(int seconds) {
    if (seconds < 0) seconds = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", seconds / 60, seconds % 60);
    return buf;
}

}  // namespace frontline::ui
