#pragma once
// Font Awesome 4.7 glyphs used by the UI, as UTF-8. The platform merges
// /usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf into every font over
// [kIconRangeFirst, kIconRangeLast]; without it (headless tests) they render as "?".
namespace frontline::ui::icon {

inline constexpr unsigned kIconRangeFirst = 0xf000;
inline constexpr unsigned kIconRangeLast = 0xf2e0;

inline constexpr char kUser[] = "\xef\x80\x87";  // U+F007
inline constexpr char kUsers[] = "\xef\x83\x80";  // U+F0C0
inline constexpr char kUserPlus[] = "\xef\x88\xb4";  // U+F234
inline constexpr char kHome[] = "\xef\x80\x95";  // U+F015
inline constexpr char kBook[] = "\xef\x80\xad";  // U+F02D
inline constexpr char kPhone[] = "\xef\x82\x95";  // U+F095
inline constexpr char kComments[] = "\xef\x82\x86";  // U+F086
inline constexpr char kComment[] = "\xef\x81\xb5";  // U+F075
inline constexpr char kHistory[] = "\xef\x87\x9a";  // U+F1DA
inline constexpr char kCog[] = "\xef\x80\x93";  // U+F013
inline constexpr char kStar[] = "\xef\x80\x85";  // U+F005
inline constexpr char kStarEmpty[] = "\xef\x80\x86";  // U+F006
inline constexpr char kTrophy[] = "\xef\x82\x91";  // U+F091
inline constexpr char kFire[] = "\xef\x81\xad";  // U+F06D
inline constexpr char kBolt[] = "\xef\x83\xa7";  // U+F0E7
inline constexpr char kCheck[] = "\xef\x80\x8c";  // U+F00C
inline constexpr char kTimes[] = "\xef\x80\x8d";  // U+F00D
inline constexpr char kSearch[] = "\xef\x80\x82";  // U+F002
inline constexpr char kWarning[] = "\xef\x81\xb1";  // U+F071
inline constexpr char kClock[] = "\xef\x80\x97";  // U+F017
inline constexpr char kHeadphones[] = "\xef\x80\xa5";  // U+F025
inline constexpr char kPlay[] = "\xef\x81\x8b";  // U+F04B
inline constexpr char kPause[] = "\xef\x81\x8c";  // U+F04C
inline constexpr char kRefresh[] = "\xef\x80\xa1";  // U+F021
inline constexpr char kArrowRight[] = "\xef\x81\xa1";  // U+F061
inline constexpr char kChevronRight[] = "\xef\x81\x94";  // U+F054
inline constexpr char kChevronLeft[] = "\xef\x81\x93";  // U+F053
inline constexpr char kIdCard[] = "\xef\x8b\x82";  // U+F2C2
inline constexpr char kFileText[] = "\xef\x83\xb6";  // U+F0F6
inline constexpr char kExchange[] = "\xef\x83\xac";  // U+F0EC
inline constexpr char kSmile[] = "\xef\x84\x98";  // U+F118
inline constexpr char kMeh[] = "\xef\x84\x9a";  // U+F11A
inline constexpr char kFrown[] = "\xef\x84\x99";  // U+F119
inline constexpr char kBell[] = "\xef\x83\xb3";  // U+F0F3
inline constexpr char kVolumeUp[] = "\xef\x80\xa8";  // U+F028
inline constexpr char kVolumeOff[] = "\xef\x80\xa6";  // U+F026
inline constexpr char kGraduationCap[] = "\xef\x86\x9d";  // U+F19D
inline constexpr char kShield[] = "\xef\x84\xb2";  // U+F132
inline constexpr char kLightbulb[] = "\xef\x83\xab";  // U+F0EB
inline constexpr char kFlag[] = "\xef\x80\xa4";  // U+F024
inline constexpr char kCertificate[] = "\xef\x82\xa3";  // U+F0A3
inline constexpr char kLineChart[] = "\xef\x88\x81";  // U+F201
inline constexpr char kStepForward[] = "\xef\x81\x91";  // U+F051
inline constexpr char kSignOut[] = "\xef\x82\x8b";  // U+F08B
inline constexpr char kTag[] = "\xef\x80\xab";  // U+F02B
inline constexpr char kCheckCircle[] = "\xef\x81\x98";  // U+F058
inline constexpr char kTimesCircle[] = "\xef\x81\x97";  // U+F057
inline constexpr char kInfoCircle[] = "\xef\x81\x9a";  // U+F05A
inline constexpr char kPencil[] = "\xef\x81\x80";  // U+F040
inline constexpr char kSave[] = "\xef\x83\x87";  // U+F0C7
inline constexpr char kHourglass[] = "\xef\x89\x92";  // U+F252
inline constexpr char kRocket[] = "\xef\x84\xb5";  // U+F135
inline constexpr char kHeart[] = "\xef\x80\x84";  // U+F004
inline constexpr char kThumbsUp[] = "\xef\x85\xa4";  // U+F164
inline constexpr char kThumbsDown[] = "\xef\x85\xa5";  // U+F165
inline constexpr char kPaperPlane[] = "\xef\x87\x98";  // U+F1D8
inline constexpr char kKeyboard[] = "\xef\x84\x9c";  // U+F11C
inline constexpr char kTasks[] = "\xef\x82\xae";  // U+F0AE
inline constexpr char kCalendar[] = "\xef\x81\xb3";  // U+F073
inline constexpr char kBan[] = "\xef\x81\x9e";  // U+F05E
inline constexpr char kLevelUp[] = "\xef\x85\x88";  // U+F148
inline constexpr char kBarChart[] = "\xef\x82\x80";  // U+F080
inline constexpr char kRoad[] = "\xef\x80\x98";  // U+F018
inline constexpr char kBullseye[] = "\xef\x85\x80";  // U+F140
inline constexpr char kDatabase[] = "\xef\x87\x80";  // U+F1C0
inline constexpr char kUndo[] = "\xef\x83\xa2";  // U+F0E2
inline constexpr char kEye[] = "\xef\x81\xae";  // U+F06E
inline constexpr char kLock[] = "\xef\x80\xa3";  // U+F023
inline constexpr char kUnlock[] = "\xef\x82\x9c";  // U+F09C
inline constexpr char kBuilding[] = "\xef\x86\xad";  // U+F1AD
inline constexpr char kSliders[] = "\xef\x87\x9e";  // U+F1DE
inline constexpr char kMagic[] = "\xef\x83\x90";  // U+F0D0
inline constexpr char kSignal[] = "\xef\x80\x92";  // U+F012
inline constexpr char kQuestion[] = "\xef\x81\x99";  // U+F059
inline constexpr char kMicrophone[] = "\xef\x84\xb0";  // U+F130
inline constexpr char kList[] = "\xef\x80\xba";  // U+F03A

}  // namespace frontline::ui::icon
