#include <algorithm>
#include <cmath>
#include "frontline/scoring.hpp"

namespace frontline {

double csatFromMood(int mood) {
    mood = std::clamp(mood, 0, 100);
    return std::round((1.0 + 4.0 * mood / 100.0) * 10.0) / 10.0;
}

}  // namespace frontline
