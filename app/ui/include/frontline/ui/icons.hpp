#pragma once
// Font Awesome 4.7 glyphs used by the UI. The list below is the one place an icon is named: it
// gives each a UTF-8 constant (icon::kUser…) and puts its code point in kCodepoints, the only
// glyphs the platform rasterises from /usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf
// (the whole 0xf000 block would be ten times the atlas and start-up time). Without the font
// (headless tests) they render as "?". To add an icon: add one X(Name, code point) line.
#define FRONTLINE_ICON_LIST(X) \
    X(User, 0xf007) \
    X(Users, 0xf0c0) \
    X(UserPlus, 0xf234) \
    X(Home, 0xf015) \
    X(Book, 0xf02d) \
    X(Phone, 0xf095) \
    X(Comments, 0xf086) \
    X(Comment, 0xf075) \
    X(History, 0xf1da) \
    X(Cog, 0xf013) \
    X(Star, 0xf005) \
    X(StarEmpty, 0xf006) \
    X(Trophy, 0xf091) \
    X(Fire, 0xf06d) \
    X(Bolt, 0xf0e7) \
    X(Check, 0xf00c) \
    X(Times, 0xf00d) \
    X(Search, 0xf002) \
    X(Warning, 0xf071) \
    X(Clock, 0xf017) \
    X(Headphones, 0xf025) \
    X(Play, 0xf04b) \
    X(Pause, 0xf04c) \
    X(Refresh, 0xf021) \
    X(ArrowRight, 0xf061) \
    X(ChevronRight, 0xf054) \
    X(ChevronLeft, 0xf053) \
    X(IdCard, 0xf2c2) \
    X(FileText, 0xf0f6) \
    X(Exchange, 0xf0ec) \
    X(Smile, 0xf118) \
    X(Meh, 0xf11a) \
    X(Frown, 0xf119) \
    X(Bell, 0xf0f3) \
    X(VolumeUp, 0xf028) \
    X(VolumeOff, 0xf026) \
    X(GraduationCap, 0xf19d) \
    X(Shield, 0xf132) \
    X(Lightbulb, 0xf0eb) \
    X(Flag, 0xf024) \
    X(Certificate, 0xf0a3) \
    X(LineChart, 0xf201) \
    X(StepForward, 0xf051) \
    X(SignOut, 0xf08b) \
    X(Tag, 0xf02b) \
    X(CheckCircle, 0xf058) \
    X(TimesCircle, 0xf057) \
    X(InfoCircle, 0xf05a) \
    X(Pencil, 0xf040) \
    X(Save, 0xf0c7) \
    X(Hourglass, 0xf252) \
    X(Rocket, 0xf135) \
    X(Heart, 0xf004) \
    X(ThumbsUp, 0xf164) \
    X(ThumbsDown, 0xf165) \
    X(PaperPlane, 0xf1d8) \
    X(Envelope, 0xf0e0) \
    X(Keyboard, 0xf11c) \
    X(Tasks, 0xf0ae) \
    X(Calendar, 0xf073) \
    X(Ban, 0xf05e) \
    X(LevelUp, 0xf148) \
    X(BarChart, 0xf080) \
    X(Road, 0xf018) \
    X(Bullseye, 0xf140) \
    X(Database, 0xf1c0) \
    X(Undo, 0xf0e2) \
    X(Eye, 0xf06e) \
    X(Lock, 0xf023) \
    X(Unlock, 0xf09c) \
    X(Key, 0xf084) \
    X(Building, 0xf1ad) \
    X(Sliders, 0xf1de) \
    X(Magic, 0xf0d0) \
    X(Signal, 0xf012) \
    X(Question, 0xf059) \
    X(Microphone, 0xf130) \
    X(List, 0xf03a)

namespace frontline::ui::icon {

namespace detail {
// Every Font Awesome 4.7 code point is in U+E000..U+FFFF: three UTF-8 bytes.
struct Utf8Glyph {
    char bytes[4];
};
constexpr Utf8Glyph utf8(char32_t cp) {
    return {{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F)), 0}};
}
}  // namespace detail

#define FRONTLINE_ICON_CONSTANT(name, cp)                                       \
    inline constexpr detail::Utf8Glyph k##name##Glyph = detail::utf8(cp); \
    inline constexpr const char* k##name = k##name##Glyph.bytes;
FRONTLINE_ICON_LIST(FRONTLINE_ICON_CONSTANT)
#undef FRONTLINE_ICON_CONSTANT

#define FRONTLINE_ICON_CODEPOINT(name, cp) cp,
inline constexpr char32_t kCodepoints[] = {FRONTLINE_ICON_LIST(FRONTLINE_ICON_CODEPOINT)};
#undef FRONTLINE_ICON_CODEPOINT

}  // namespace frontline::ui::icon
