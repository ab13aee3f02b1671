#pragma once
// Organisation settings: the blanks of the SOP template ([Company Name], ___ minutes, pass marks…).
// Defaults ship in scenarios/content/settings.json; the store keeps an organisation's overrides.
#include <map>
#include <string>
#include <nlohmann/json.hpp>

namespace frontline {

struct OrgSettings {
    std::string company_name = "Brightwave Telecom";
    int answer_within_rings = 3;
    int ring_seconds = 6;  // simulated seconds per ring
    int chat_answer_within_seconds = 30;
    int chat_response_within_seconds = 60;
    int target_handle_time_minutes = 6;
    int target_fcr_percent = 75;
    double target_csat = 4.2;
    int target_asa_seconds = 20;
    int max_abandonment_percent = 5;
    int scenario_pass_mark = 80;  // SOP adherence % needed to pass a scenario
    int excellent_mark = 95;      // adherence % for the third star
    int quiz_pass_mark = 80;      // % needed to pass a knowledge check
    int certificate_validity_months = 6;
    int recertification_window_days = 30;
    std::string hold_estimate = "two minutes";
    // SOP §4 Step 2 leaves "account number, name, or other identifying information" to the
    // organisation: one standard for every call and chat, quoted by the content.
    std::string verification_standard =
        "the account holder's full name and postcode, plus one of: account number, date of birth, or the "
        "phone number or email address on the account — every detail matching the CRM record";

    // Seconds the caller may wait before answering counts as late, for the given channel.
    int answerTargetSeconds(bool chat) const {
        return chat ? chat_answer_within_seconds : answer_within_rings * ring_seconds;
    }
    int targetHandleSeconds() const { return target_handle_time_minutes * 60; }
};

// Applies the keys present in `j` over `base`; unknown keys are ignored, wrong types throw
// std::invalid_argument naming the key.
OrgSettings settingsFromJson(const nlohmann::json& j, OrgSettings base = {});
nlohmann::json settingsToJson(const OrgSettings& s);
// Human-readable description of each setting key (for the settings screen and CLI).
const std::map<std::string, std::string>& settingDescriptions();

// Fills {company}, {agent}, {hold_estimate}, {customer} and settings keys such as
// {answer_within_rings} in a script or line. Unknown placeholders are left as they are.
std::string fillPlaceholders(const std::string& text, const OrgSettings& s, const std::string& agent_name,
                             const std::string& customer_name = {});

}  // namespace frontline
