#pragma once
// The app's sounds, synthesised (no sample files to ship or license): a telephone ring for an
// incoming call and a short chime for a waiting chat. Pure functions: 16-bit mono PCM samples.
#include <cstdint>
#include <vector>

namespace frontline::audio {

inline constexpr int kSampleRate = 44100;

// One cadence of a double ring, the sound of a desk phone: two 0.4 s bursts 0.2 s apart, then
// 2 s of silence (3 s in all), of 400 Hz + 450 Hz, each burst ramped in and out over 10 ms so it
// never clicks. Played in a loop while a call rings.
std::vector<std::int16_t> ringCycle(int sample_rate = kSampleRate);

// A two-note chime (E6 then C6) fading out over 0.6 s, played once when a chat starts waiting.
std::vector<std::int16_t> chime(int sample_rate = kSampleRate);

}  // namespace frontline::audio
