#include "frontline/audio/tones.hpp"
#include <algorithm>
#include <cmath>
#include <numbers>

namespace frontline::audio {
namespace {

constexpr double kRingLevel = 0.30;   // of full scale: noticeable, never harsh
constexpr double kChimeLevel = 0.25;

std::int16_t toSample(double value) {
    return static_cast<std::int16_t>(std::lround(std::clamp(value, -1.0, 1.0) * 32767.0));
}

int samplesIn(double seconds, int rate) { return static_cast<int>(std::lround(seconds * rate)); }

// Appends `seconds` of 400 Hz + 450 Hz with 10 ms linear ramps at both ends.
void appendBurst(std::vector<std::int16_t>& out, double seconds, int rate) {
    const int n = samplesIn(seconds, rate);
    const int ramp = samplesIn(0.010, rate);
    for (int i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / rate;
        const double envelope = std::min({1.0, static_cast<double>(i) / ramp, static_cast<double>(n - 1 - i) / ramp});
        const double tone = 0.5 * (std::sin(2 * std::numbers::pi * 400 * t) + std::sin(2 * std::numbers::pi * 450 * t));
        out.push_back(toSample(kRingLevel * envelope * tone));
    }
}

void appendSilence(std::vector<std::int16_t>& out, double seconds, int rate) {
    out.insert(out.end(), static_cast<std::size_t>(samplesIn(seconds, rate)), std::int16_t{0});
}

}  // namespace

std::vector<std::int16_t> ringCycle(int sample_rate) {
    std::vector<std::int16_t> out;
    out.reserve(static_cast<std::size_t>(samplesIn(3.0, sample_rate)));
    appendBurst(out, 0.4, sample_rate);
    appendSilence(out, 0.2, sample_rate);
    appendBurst(out, 0.4, sample_rate);
    appendSilence(out, 2.0, sample_rate);
    return out;
}

std::vector<std::int16_t> chime(int sample_rate) {
    // Two bell-like notes (a sine with a quieter octave), each struck and decaying exponentially.
    constexpr double kNotes[] = {1318.5, 1046.5};  // E6, C6
    constexpr double kNoteSeconds = 0.3;
    std::vector<std::int16_t> out;
    const int n = samplesIn(kNoteSeconds, sample_rate);
    const int attack = samplesIn(0.004, sample_rate);
    for (double f : kNotes) {
        for (int i = 0; i < n; ++i) {
            const double t = static_cast<double>(i) / sample_rate;
            const double envelope = std::min(1.0, static_cast<double>(i) / attack) * std::exp(-t * 9.0) *
                                    std::min(1.0, static_cast<double>(n - 1 - i) / attack);
            const double tone = 0.8 * std::sin(2 * std::numbers::pi * f * t) + 0.2 * std::sin(4 * std::numbers::pi * f * t);
            out.push_back(toSample(kChimeLevel * envelope * tone));
        }
    }
    return out;
}

}  // namespace frontline::audio
