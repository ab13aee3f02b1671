// The synthesised sounds (shape, level, pitch, no clicks) and the player's silent fallback where
// there is no audio device (as on CI).
#include <doctest/doctest.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <thread>
#include <vector>
#include "frontline/audio/player.hpp"
#include "frontline/audio/tones.hpp"

using namespace frontline::audio;

namespace {

double rms(const std::vector<std::int16_t>& s, double from_seconds, double to_seconds) {
    const auto a = static_cast<std::size_t>(from_seconds * kSampleRate);
    const auto b = std::min(s.size(), static_cast<std::size_t>(to_seconds * kSampleRate));
    double sum = 0;
    for (std::size_t i = a; i < b; ++i) sum += static_cast<double>(s[i]) * s[i];
    return b > a ? std::sqrt(sum / static_cast<double>(b - a)) : 0.0;
}

// Sign changes per second over a stretch: twice the (mean) frequency of a tone.
double crossingsPerSecond(const std::vector<std::int16_t>& s, double from_seconds, double to_seconds) {
    const auto a = static_cast<std::size_t>(from_seconds * kSampleRate);
    const auto b = static_cast<std::size_t>(to_seconds * kSampleRate);
    int crossings = 0;
    for (std::size_t i = a + 1; i < b; ++i)
        if ((s[i - 1] < 0) != (s[i] < 0)) ++crossings;
    return crossings / (to_seconds - from_seconds);
}

int largestStep(const std::vector<std::int16_t>& s) {
    int step = 0;
    for (std::size_t i = 1; i < s.size(); ++i) step = std::max(step, std::abs(s[i] - s[i - 1]));
    return step;
}

}  // namespace

TEST_CASE("the ring is a double burst of 400 + 450 Hz then silence, 3 s a cadence, without clicks") {
    const auto ring = ringCycle();
    CHECK(ring.size() == static_cast<std::size_t>(3 * kSampleRate));
    // Two bursts, a short gap between them and a long pause after.
    CHECK(rms(ring, 0.05, 0.35) > 3000);
    CHECK(rms(ring, 0.41, 0.59) == 0);
    CHECK(rms(ring, 0.65, 0.95) > 3000);
    CHECK(rms(ring, 1.01, 3.0) == 0);
    // Mean pitch: the two tones beat at 50 Hz around 425 Hz.
    CHECK(crossingsPerSecond(ring, 0.05, 0.35) == doctest::Approx(850).epsilon(0.08));
    // Loud enough to hear, never near clipping, and ramped: no sample jumps like a click.
    const auto peak = *std::max_element(ring.begin(), ring.end());
    CHECK(peak > 8000);
    CHECK(peak < 12000);
    CHECK(largestStep(ring) < 2000);
    CHECK(std::abs(ring.front()) < 50);
}

TEST_CASE("the chime is two decaying notes, quiet at its end") {
    const auto ding = chime();
    CHECK(ding.size() == static_cast<std::size_t>(0.6 * kSampleRate));
    CHECK(rms(ding, 0.0, 0.05) > 4 * rms(ding, 0.25, 0.3));   // the first note decays
    CHECK(rms(ding, 0.3, 0.35) > 4 * rms(ding, 0.25, 0.3));   // the second is struck again
    CHECK(crossingsPerSecond(ding, 0.0, 0.1) > crossingsPerSecond(ding, 0.3, 0.4));  // E6 then C6: falling
    CHECK(std::abs(ding.back()) < 100);
    CHECK(*std::max_element(ding.begin(), ding.end()) < 12000);
}

TEST_CASE("with no usable audio device the player goes silent at once and never blocks") {
    SoundPlayer player("frontline-test-no-such-device");
    CHECK_FALSE(player.silent());  // nothing is opened until a sound is wanted
    const auto start = std::chrono::steady_clock::now();
    player.setRinging(true);
    player.waitUntilIdle();
    CHECK(player.silent());
    player.setRinging(false);
    player.playChime();  // ignored, no thread started again
    player.setRinging(true);
    player.waitUntilIdle();
    CHECK(player.silent());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("a player that never played anything costs nothing and closes at once") {
    const auto start = std::chrono::steady_clock::now();
    { SoundPlayer player; }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(100));
}

TEST_CASE("through a real ALSA device (the null sink) the ring plays until stopped, then a chime") {
    // ALSA's "null" PCM takes samples like a sound card and discards them, so this runs the whole
    // playback path (open, parameters, writes, stop, drain) on machines with no sound hardware.
    SoundPlayer player("null");
    player.setRinging(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(player.silent());
    const auto stop = std::chrono::steady_clock::now();
    player.setRinging(false);
    player.waitUntilIdle();
    CHECK(std::chrono::steady_clock::now() - stop < std::chrono::milliseconds(500));
    player.playChime();
    player.waitUntilIdle();
    CHECK_FALSE(player.silent());
}
