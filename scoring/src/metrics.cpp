// The customer-facing metrics of one attempt: a CSAT estimate, and the durations a debrief shows.
#include <algorithm>
#include <cmath>
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
        return std::to_string(seconds / kHour) + " h" + (minutes ? " " + std::to_string(minutes) + " min" : std::string());
    }
    if (seconds >= 120) return std::to_string(seconds / 60) + " min";
    return std::to_string(seconds) + " s";
}

}  // namespace frontline
