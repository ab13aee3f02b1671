#pragma once
// Plays the app's sounds through ALSA on a thread of its own, started on the first sound (so it
// costs nothing at start-up). Where there is no audio device, or it cannot be opened, the app is
// silent: one line on stderr, nothing else changes. Calls from the UI thread never block.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace frontline::audio {

class SoundPlayer {
public:
    explicit SoundPlayer(std::string device = "default");
    ~SoundPlayer();
    SoundPlayer(const SoundPlayer&) = delete;
    SoundPlayer& operator=(const SoundPlayer&) = delete;

    // The phone rings in a loop while `on`; turning it off stops within a tenth of a second.
    // Cheap to call every frame.
    void setRinging(bool on);
    // One chime (a chat is waiting), after whatever is playing.
    void playChime();
    // Wait until nothing is playing or queued (tests).
    void waitUntilIdle();
    // True once the device failed to open: every request is ignored from then on.
    bool silent() const { return silent_; }

private:
    void startIfNeeded();  // under mutex_
    void run();

    const std::string device_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool ringing_ = false;
    bool chime_queued_ = false;
    bool busy_ = false;  // the thread is playing something
    bool quit_ = false;
    std::atomic<bool> silent_{false};
    std::thread thread_;
};

}  // namespace frontline::audio
