#pragma once
// Shared widgets: cards, buttons with icons, star ratings, the mood meter, chips, stat tiles.
// Every labelled widget reports its rectangle to the ItemRecorder when one is installed in
// ImGui::GetIO().UserData: headless tests find and click widgets by their label that way.
#include <map>
#include <string>
#include <imgui.h>

namespace frontline::ui {

// ---- test hook ----
struct ItemRect {
    ImVec2 min, max;
    ImVec2 visible_min, visible_max;  // the part inside its window's clip rectangle (what is seen)
    bool enabled = true;
    int frame = 0;  // ImGui frame count when last drawn
    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};
struct ItemRecorder {
    std::map<std::string, ItemRect> items;  // by label (visible part, before any "##")
};
// Records the last item under `label` if a recorder is installed. Cheap no-op otherwise.
void recordItem(const char* label, bool enabled = true);
// The visible part of an ImGui label ("Save##x" -> "Save", "Go###id" -> "Go").
std::string visibleLabel(const char* label);

// ---- buttons ----
enum class ButtonKind { Normal, Primary, Good, Danger, Subtle };
// A button showing `icon` then `label`; records `label`. size.x/y 0 = fit.
bool iconButton(const char* icon, const char* label, ButtonKind kind = ButtonKind::Normal, ImVec2 size = {});
bool button(const char* label, ButtonKind kind = ButtonKind::Normal, ImVec2 size = {});
// Tooltip on the last item when hovered (also works on disabled items).
void tooltip(const char* text);

// ---- cards and sections ----
// A white rounded panel; always pair with endCard(). height 0 = auto-fit to content.
void beginCard(const char* id, ImVec2 size = {}, ImU32 accent = 0);
void endCard();
void sectionHeader(const char* icon, const char* text);
void heading(const char* text);
void mutedText(const char* text);
// Greyed text on one line, cut with "…" to the room left on it (a table cell); the whole text
// shows on hover. Returns whether it was cut.
bool fittedText(const std::string& text);
void wrappedText(const char* text, ImU32 colour = 0);
// `text` with line breaks at spaces so no line is wider than `width` in the current font. Unlike
// ImGui 1.86's wrapping, which may break after any '.' or ',', it never splits "£34.65" or an
// e-mail address; only a word wider than the whole line is cut.
std::string wrapAtSpaces(const std::string& text, float width);
void iconText(const char* icon, ImU32 icon_colour, const char* text);

// ---- indicators ----
// A rounded label with a background colour, e.g. a tag or "Critical".
void chip(const char* text, ImU32 background, ImU32 text_colour);
void starRating(int stars, int max_stars = 3, float glyph_scale = 1.0f);
// Horizontal 0..100 meter with a face icon; colour runs red -> amber -> teal.
void moodMeter(int mood, float width);
void progressBar(float fraction, ImU32 colour, float width, float height, const char* overlay = nullptr);
// A big number with a caption underneath, used on Home and the Debrief. With `progress` in 0..1 the
// caption is written on a progress bar of the same height, so tiles in a row stay level.
void statTile(const char* id, const char* icon, ImU32 colour, const char* value, const char* caption, float width,
              float progress = -1.0f);
// Colour for a 0..100 score.
ImU32 scoreColour(int score);
ImU32 moodColour(int mood);
const char* moodIcon(int mood);

// "4:05" from seconds.
std::string clockText(int seconds);

}  // namespace frontline::ui

namespace frontline::ui {
// An auto-height white panel drawn behind its contents (uses the window draw list's channels, so
// tiles cannot nest inside each other). Pair with endTile(). width 0 = available width.
// A modal dialog with no title bar, centred a little above the middle, `width` wide with its
// height fitting the content (wrapped text in an auto-resizing window would grow it without end).
// Call EndPopup() when it returns true.
bool beginFixedModal(const char* id, float width);
void beginTile(float width = 0, ImU32 accent = 0);
// Width available for content inside the open tile.
float tileInnerWidth();
// Returns true when the tile was clicked (for tiles that act as a button).
bool endTile(const char* record_label = nullptr);
}  // namespace frontline::ui
