#pragma once
// A realistic contact center for people evaluating Frontline, the benchmarks and the screenshots
// (`frontline demo`, issue 12): trainees in teams, attempts played through the real engine and
// scorer by good, average and careless players, exam and practice quizzes, and certificates
// (current, refresher-due, expired, one revoked), spread over a number of days. No ImGui.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>
#include "frontline/content.hpp"
#include "frontline/policy.hpp"
#include "frontline/store.hpp"

namespace frontline {

struct DemoOptions {
    int trainees = 40;
    int attempts = 2000;  // over the whole center
    int days = 90;        // the attempts are spread over the days before `now`
    std::uint64_t seed = 1;
    std::string now;      // ISO 8601 UTC; "" = the current time
    // Writing into a database that already has trainees or attempts (refused unless set).
    bool allow_existing = false;
    // Distinct games played per scenario and skill; the attempts reuse them with their own
    // trainees and times (a million attempts need no million games).
    int games_per_skill = 3;
};

struct DemoSummary {
    int trainees = 0, attempts = 0, quizzes = 0, certificates = 0, revoked = 0;
    int games_played = 0;  // distinct play-throughs through the engine and scorer
    std::vector<std::string> teams;
};

// Refused to write (e.g. the database is not empty): nothing was written.
struct DemoRefused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Builds the center in `store` (batches of a few thousand writes). `progress` is told the number
// of attempts written so far. Throws DemoRefused, StoreError.
DemoSummary buildDemoCenter(Store& store, const ContentLibrary& content, const std::vector<Policy>& policies,
                            const DemoOptions& options, const std::function<void(int attempts_written)>& progress = {});

}  // namespace frontline
