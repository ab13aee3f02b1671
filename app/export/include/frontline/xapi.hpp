#pragma once
// xAPI 1.0.3 statements for the organisation's LRS (Experience API, ADL). Kinds:
//   attempt      verb passed/failed, object the scenario (activity type simulation), result with
//                score.scaled = adherence / 100, success, completion, duration, and extensions for
//                points, stars, breaches, per-step scores and the SOP version
//   decision     verb responded, one per decision of an attempt, its parent the scenario
//   question     verb answered, object a cmi.interaction (interactionType, choices / source /
//                target, correctResponsesPattern), result.response in the same pattern syntax
//   quiz         verb passed/failed for an exam, completed for practice (activity type assessment)
//   certificate  verb earned, object the certification (activity type badge)
// The actor is {"account": {"homePage": settings.xapi_home_page, "name": trainee.account}}.
// Statement ids are stable: an attempt's and a quiz's are the UUIDs the store keeps with them, a
// certificate's is its id, and a decision's or question's is a name-based UUID (RFC 4122 v5)
// derived from its attempt's, so exporting twice gives the same ids and an LRS stores each once.
#include <functional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/content.hpp"
#include "frontline/quiz.hpp"
#include "frontline/settings.hpp"
#include "frontline/store.hpp"

namespace frontline::xapi {

struct Sources {
    const Store& store;
    const ContentLibrary& content;
    const QuizLibrary& quizzes;
    const OrgSettings& settings;
};

// Which records: finished (issued) on or after `since` (ISO 8601 UTC, "" = all) by trainees of
// `team` ("" = everyone).
struct Filter {
    std::string since;
    std::string team;
};

// Why statements cannot be built with these settings (no or no valid xapi_home_page), or "".
std::string settingsProblem(const OrgSettings& settings);

// Every statement of the records the filter keeps, oldest record first, handed to `emit` one at
// a time (one record's statements are built at a time, so memory does not grow with history).
// Throws std::invalid_argument when settingsProblem() is not empty, StoreError when the store fails.
using Emit = std::function<void(nlohmann::json&& statement)>;
void forEachStatement(const Sources& from, const Filter& filter, const Emit& emit);
// The same, collected (tests, small exports).
std::vector<nlohmann::json> buildStatements(const Sources& from, const Filter& filter);

// One kind at a time (tests, and the order buildStatements uses). `attempt` must be complete
// (Store::attempt: log and report); `scenario` may be null (no longer in the content).
std::vector<nlohmann::json> attemptStatements(const AttemptRecord& attempt, const Trainee& trainee, const std::string& uuid,
                                              const OrgSettings& settings);
std::vector<nlohmann::json> quizStatements(const QuizAttemptRecord& quiz, const Trainee& trainee, const std::string& uuid,
                                           const QuizLibrary& library, const OrgSettings& settings);
nlohmann::json certificateStatement(const CertificateRecord& certificate, const Trainee& trainee, const OrgSettings& settings);

// {"objectType": "Agent", "name": …, "account": {"homePage": …, "name": trainee.account}}
nlohmann::json actor(const Trainee& trainee, const OrgSettings& settings);
// ISO 8601 duration: 65 -> "PT1M5S", 0 -> "PT0S".
std::string duration(int seconds);
// RFC 4122 version 5 (SHA-1) UUID of `name` in the namespace `namespace_uuid`.
std::string nameBasedUuid(const std::string& namespace_uuid, const std::string& name);

}  // namespace frontline::xapi
