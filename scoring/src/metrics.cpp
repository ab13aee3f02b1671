// The customer-facing metrics of one attempt: a CSAT estimate, and the durations a debrief shows.
#include <algorithm>
#include <cmath>
#include "frontline/i18n.hpp"
#include "frontline/scoring.hpp"

namespace frontline {

double csatFromMood(int mood) {
    mood = std::clamp(mood, 0, 100);
    return std::round((1.0 + 4.0 * mood / 100.0) * 10.0) / 10.0;
}

std::string durationText(int seconds) {
    constexpr int kHour = 3600;
    if (seconds >= 2 * kHour) {
        const int minutes = seconds % kHour / 60;
        // TRANSLATORS: a duration, {0} hours and {1} minutes, with the language's abbreviations.
        return minutes ? fmt(trc("duration", "{0} h {1} min"), seconds / kHour, minutes) : fmt(trc("duration", "{0} h"), seconds / kHour);
    }
    if (seconds >= 120) return fmt(trc("duration", "{0} min"), seconds / 60);
    return fmt(trc("duration", "{0} s"), seconds);
}

}  // namespace frontline
