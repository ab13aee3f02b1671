#pragma once
// Synthetic attempts for benchmarks: a database with many realistic attempts (a ~40-event log, a
// full score report with the eight SOP steps) without playing scenarios. Header-only because every
// bench/*.cpp is its own executable.
//   seedSyntheticAttempts(store, 10000)  -> 10,000 attempts over 12 trainees, newest last
#include <algorithm>
#include <chrono>
#include <functional>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>
#include "frontline/store.hpp"

namespace frontline::bench {

// The median wall-clock time of `runs` runs of `work`, in milliseconds (a median shrugs off the
// odd run a loaded machine slows down).
inline double medianMs(const std::function<void()>& work, int runs) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}


// Deterministic and cheap (splitmix64): the same seed gives the same database.
class SyntheticRandom {
public:
    explicit SyntheticRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

private:
    std::uint64_t state_;
};

inline const std::vector<std::string>& syntheticSteps() {
    static const std::vector<std::string> steps = {"receive", "verify",   "understand", "access_systems",
                                                   "resolve", "document", "close",      "follow_up"};
    return steps;
}

// The outcome every synthetic attempt ends with: one of the shipped SOP's outcomes, so the store
// holds the same kind of ids a real attempt writes. Only the store reads it (nothing is scored).
struct SyntheticOutcome {
    const char* id;
    const char* title;
};
inline constexpr SyntheticOutcome kSyntheticOutcome = {"resolved_first_contact", "Resolved on first contact"};

inline const std::vector<std::string>& syntheticScenarios() {
    static const std::vector<std::string> ids = {"failed-verification", "irate-billing", "outage-chat",
                                                 "cancel-retention",    "refund-callback", "upgrade-sale"};
    return ids;
}

// A log shaped like the engine's: answer, then customer lines, choices and desk use, an ending,
// the wrap-up and the finish.
inline AttemptLog syntheticLog(std::uint64_t seed, int events = 40) {
    SyntheticRandom rng(seed);
    AttemptLog log;
    log.scenario_id = syntheticScenarios()[static_cast<std::size_t>(rng.below(6))];
    log.scenario_version = 1;
    log.sop_id = "inbound-calls-chats";
    log.sop_version = "1.0.0";
    log.agent_name = "Trainee";
    log.seed = seed;
    log.channel = rng.below(3) == 0 ? Channel::Chat : Channel::Call;
    int clock = 0;
    int mood = 40 + rng.below(30);
    for (int i = 0; i < events; ++i) {
        Event e;
        e.seq = i;
        if (i == 0) {
            e.type = EventType::Answer;
            e.data = {{"waited", 4 + rng.below(12)}};
        } else if (i == events - 3) {
            e.type = EventType::Ending;
            e.data = {{"outcome", kSyntheticOutcome.id}, {"success", true}};
        } else if (i == events - 2) {
            e.type = EventType::WrapUp;
            e.data = {{"disposition", "RES-BILL"},
                      {"category", "billing"},
                      {"notes", "Verified caller with DOB and postcode. Explained the late fee; refund approved, "
                                "callback booked for Friday."},
                      {"follow_up", true}};
        } else if (i == events - 1) {
            e.type = EventType::Finished;
        } else if (i % 2 == 1) {
            e.type = EventType::CustomerLine;
            e.id = "node" + std::to_string(i) + ".c1";
            e.text = "I've been charged twice this month and nobody has called me back about it, again.";
        } else if (i % 6 == 0) {
            e.type = EventType::Desk;
            e.id = "desk.crm";
            e.text = "Opened the CRM record";
            e.steps = {"access_systems"};
        } else {
            e.type = EventType::Choice;
            e.id = "node" + std::to_string(i) + ".opt" + std::to_string(rng.below(3));
            e.text = "I completely understand how frustrating that is. Let me look into the charges for you now.";
            e.steps = {syntheticSteps()[static_cast<std::size_t>(rng.below(7))]};
            e.honours = {"never_argue"};
            e.techniques = {"learn.empathize"};
            e.empathy = rng.below(2) == 0;
            e.points = 5 + rng.below(10);
            e.feedback = "Acknowledging the customer's feelings before solving keeps the call calm.";
            e.sop_ref = "SOP §4 Step 3";
        }
        clock += 5 + rng.below(25);
        e.clock = clock;
        e.node = "node" + std::to_string(i / 2);
        e.mood_before = mood;
        mood = std::max(1, std::min(100, mood + rng.below(11) - 4));
        e.mood_after = mood;
        log.events.push_back(std::move(e));
    }
    log.outcome = kSyntheticOutcome.id;
    log.success = true;
    log.ending_node = "end_resolved";
    return log;
}

// A report for `log`: every SOP step scored, a few decisions reviewed, sometimes a breach.
inline ScoreReport syntheticReport(const AttemptLog& log) {
    SyntheticRandom rng(log.seed ^ 0x5EEDULL);
    ScoreReport r;
    r.scenario_id = log.scenario_id;
    r.sop_version = log.sop_version;
    r.outcome = kSyntheticOutcome.id;
    r.outcome_title = kSyntheticOutcome.title;
    r.success_ending = true;
    int total = 0, required = 0;
    for (std::size_t i = 0; i < syntheticSteps().size(); ++i) {
        StepScore s;
        s.step = syntheticSteps()[i];
        s.number = static_cast<int>(i) + 1;
        s.title = "Step " + std::to_string(i + 1);
        s.required = s.step != "follow_up" || rng.below(2) == 0;
        s.covered = rng.below(6) != 0;
        s.in_order = rng.below(8) != 0;
        s.score = !s.covered ? 0 : s.in_order ? 100 : 60;
        s.reasons = {s.covered ? "Covered in order" : "Missed"};
        if (s.required) {
            total += s.score;
            ++required;
        }
        r.steps.push_back(s);
    }
    r.adherence = required ? total / required : 0;
    if (rng.below(5) == 0) {
        r.breaches.push_back({"hold_give_estimate", "Give a hold estimate", "minor", false, 12,
                              "Tell the caller how long the hold will take.", "SOP §5", 10, "resolve"});
    }
    r.critical_failure = false;
    r.passed = r.adherence >= 80;
    r.stars = r.passed ? (r.adherence >= 95 ? 3 : 2) : 1;
    for (const Event& e : log.events) {
        if (e.type != EventType::Choice) continue;
        DecisionReview d;
        d.seq = e.seq;
        d.clock = e.clock;
        d.kind = "choice";
        d.text = e.text;
        d.points = e.points;
        d.steps = e.steps;
        d.feedback = e.feedback;
        d.sop_ref = e.sop_ref;
        d.good = true;
        r.decisions.push_back(d);
        r.points.base += e.points;
    }
    r.points.bonuses = {{"Empathy", 10}, {"First-contact resolution", 15}};
    r.points.total = r.points.base + 25;
    r.metrics.handle_seconds = log.events.empty() ? 0 : log.events.back().clock;
    r.metrics.target_handle_seconds = 360;
    r.metrics.within_handle_target = r.metrics.handle_seconds <= 360;
    r.metrics.fcr = true;
    r.metrics.final_mood = log.events.empty() ? 50 : log.events.back().mood_after;
    r.metrics.csat = 1.0 + 4.0 * r.metrics.final_mood / 100.0;
    r.metrics.answer_seconds = 8;
    r.wrap_up.submitted = true;
    r.wrap_up.disposition_correct = true;
    r.wrap_up.expected_disposition = "RES-BILL";
    r.strengths = {"Verified identity before discussing the account"};
    return r;
}

inline std::string syntheticTimestamp(int minutes_since_start) {
    // 2026-01-01T00:00:00Z plus the offset, formatted like nowUtcIso().
    const std::time_t t = 1767225600 + static_cast<std::time_t>(minutes_since_start) * 60;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Adds `count` attempts spread over `trainee_count` trainees ("Trainee 01"…), ten minutes apart.
// A fixture, not user data: written in batches of 500 per transaction (Store::Batch, relaxed
// durability; each recordAttempt nests inside it).
inline void seedSyntheticAttempts(Store& store, int count, int trainee_count = 12, std::uint64_t seed = 1) {
    std::vector<std::int64_t> trainee_ids;
    for (int i = 0; i < trainee_count; ++i) {
        std::string name = "Trainee " + std::string(i < 9 ? "0" : "") + std::to_string(i + 1);
        trainee_ids.push_back(store.traineeByNameOrCreate(name, i % 2 ? "Team B" : "Team A").id);
    }
    const int first_minute = store.attemptCount() * 10;
    constexpr int kBatch = 500;
    for (int first = 0; first < count; first += kBatch) {
        Store::Batch batch(store, /*relaxed=*/true);
        for (int i = first; i < std::min(count, first + kBatch); ++i) {
            const AttemptLog log = syntheticLog(seed * 1000003ULL + static_cast<std::uint64_t>(i));
            const ScoreReport report = syntheticReport(log);
            const int minute = first_minute + i * 10;
            store.recordAttempt(trainee_ids[static_cast<std::size_t>(i % trainee_count)], "Synthetic " + log.scenario_id,
                                log, report, syntheticTimestamp(minute), syntheticTimestamp(minute + 6));
        }
        batch.commit();
    }
}

}  // namespace frontline::bench
