#include "frontline/audio/player.hpp"
#include <alsa/asoundlib.h>
#include <cstdio>
#include <span>
#include <vector>
#include "frontline/audio/tones.hpp"

namespace frontline::audio {
namespace {

constexpr unsigned kLatencyMicroseconds = 100000;  // the device buffer: how late a stop can be heard
constexpr std::size_t kChunkFrames = kSampleRate / 20;  // 50 ms between checks for "stop"

// ALSA prints its own diagnostics to stderr; the player reports one line of its own instead.
void quietAlsa(const char*, int, const char*, int, const char*, ...) {}

// An open ALSA playback handle, closed (and ALSA's global configuration cache freed) on the way out.
class Pcm {
public:
    Pcm(const std::string& device, std::string& error) {
        snd_lib_error_set_handler(quietAlsa);
        // Non-blocking open: a device another program holds must not hang the thread.
        int rc = snd_pcm_open(&pcm_, device.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
        if (rc >= 0) rc = snd_pcm_nonblock(pcm_, 0);  // but blocking writes: they pace the loop
        if (rc >= 0)
            rc = snd_pcm_set_params(pcm_, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1, kSampleRate, 1,
                                    kLatencyMicroseconds);
        if (rc < 0) {
            error = snd_strerror(rc);
            close();
        }
    }
    ~Pcm() { close(); }
    Pcm(const Pcm&) = delete;
    Pcm& operator=(const Pcm&) = delete;
    explicit operator bool() const { return pcm_ != nullptr; }

    // Writes all of `samples`; false on an error it cannot recover from.
    bool write(std::span<const std::int16_t> samples) {
        while (!samples.empty()) {
            const snd_pcm_sframes_t n = snd_pcm_writei(pcm_, samples.data(), samples.size());
            if (n < 0) {
                if (snd_pcm_recover(pcm_, static_cast<int>(n), 1) < 0) return false;  // underrun, suspend
                continue;
            }
            samples = samples.subspan(static_cast<std::size_t>(n));
        }
        return true;
    }
    void stopNow() {
        snd_pcm_drop(pcm_);
        snd_pcm_prepare(pcm_);
    }
    void finish() { snd_pcm_drain(pcm_); snd_pcm_prepare(pcm_); }

private:
    void close() {
        if (pcm_) snd_pcm_close(pcm_);
        pcm_ = nullptr;
        snd_config_update_free_global();
    }
    snd_pcm_t* pcm_ = nullptr;
};

}  // namespace

SoundPlayer::SoundPlayer(std::string device) : device_(std::move(device)) {}

SoundPlayer::~SoundPlayer() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SoundPlayer::startIfNeeded() {
    if (!thread_.joinable() && !silent_) thread_ = std::thread([this] { run(); });
}

void SoundPlayer::setRinging(bool on) {
    std::lock_guard lock(mutex_);
    if (on == ringing_ || silent_) return;
    ringing_ = on;
    if (on) startIfNeeded();
    wake_.notify_all();
}

void SoundPlayer::playChime() {
    std::lock_guard lock(mutex_);
    if (silent_) return;
    chime_queued_ = true;
    startIfNeeded();
    wake_.notify_all();
}

void SoundPlayer::waitUntilIdle() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return silent_ || quit_ || (!busy_ && !ringing_ && !chime_queued_) || !thread_.joinable(); });
}

void SoundPlayer::run() {
    std::string error;
    Pcm pcm(device_, error);
    auto goSilent = [this](const std::string& why) {  // under mutex_
        std::fprintf(stderr, "frontline: no sound (%s: %s); the trainer stays silent\n", device_.c_str(), why.c_str());
        silent_ = true;
        ringing_ = chime_queued_ = busy_ = false;
        wake_.notify_all();
    };
    if (!pcm) {
        std::lock_guard lock(mutex_);
        goSilent(error);
        return;
    }
    const std::vector<std::int16_t> ring = ringCycle();
    const std::vector<std::int16_t> ding = chime();
    std::unique_lock lock(mutex_);
    while (true) {
        busy_ = false;
        wake_.notify_all();
        wake_.wait(lock, [this] { return quit_ || ringing_ || chime_queued_; });
        if (quit_) break;
        busy_ = true;
        if (chime_queued_) {
            chime_queued_ = false;
            lock.unlock();
            const bool ok = pcm.write(ding);
            if (ok) pcm.finish();
            lock.lock();
            if (!ok) return goSilent("the device stopped accepting sound");
            continue;
        }
        // One ring cadence, in chunks, so that answering the call silences it at once.
        bool ok = true;
        for (std::size_t at = 0; at < ring.size() && ringing_ && !quit_ && ok; at += kChunkFrames) {
            lock.unlock();
            ok = pcm.write(std::span(ring).subspan(at, std::min(kChunkFrames, ring.size() - at)));
            lock.lock();
        }
        if (!ok) return goSilent("the device stopped accepting sound");
        if (!ringing_ || quit_) pcm.stopNow();
    }
    busy_ = false;
    wake_.notify_all();
}

}  // namespace frontline::audio
