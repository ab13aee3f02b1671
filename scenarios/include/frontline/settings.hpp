#pragma once
// Organisation settings: the blanks of the SOP template ([Company Name], ___ minutes, pass marks…).
// Defaults ship in scenarios/content/settings.json; the store keeps an organisation's overrides.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/channel.hpp"

namespace frontline {

struct OrgSettings {
    std::string company_name = "Brightwave Telecom";
    int answer_within_rings = 3;
    int ring_seconds = 6;  // simulated seconds per ring
    int chat_answer_within_seconds = 30;
    int chat_response_within_seconds = 60;
    int email_reply_within_hours = 24;  // SOP §2 names email; its response target is the organisation's
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
    int refresher_reminder_days = 14;  // Home and Team name refreshers falling due this soon
    std::string hold_estimate = "two minutes";
    // SOP §4 Step 2 leaves "account number, name, or other identifying information" to the
    // organisation: one standard for every call and chat, quoted by the content.
    std::string verification_standard =
        "the account holder's full name and postcode, plus one of: account number, date of birth, or the "
        "phone number or email address on the account — every detail matching the CRM record";
    // The issuer profile certificates carry (the name is company_name) and the issuers whose
    // certificates `frontline verify` trusts besides the organisation's own key: key fingerprints
    // as verify prints them ("SHA256:1f2e 3d4c …"), separated by commas.
    std::string issuer_url;
    std::string issuer_email;
    std::string issuer_image_url;
    std::string trusted_issuers;
    // 1: `frontline verify` also trusts the key in the database folder (certificates a desk signed
    // before the organisation key existed); 0: only the organisation key and trusted_issuers do.
    int trust_installation_key = 1;
    // The page where anyone checks a certificate's code: the PDF's QR code links there, with
    // {code} (or a code= parameter added) filled in. Empty: the QR code holds the code as text.
    std::string certificate_verify_url;
    // The xAPI actor's account.homePage: the organisation's system that knows trainees by their
    // account id (an LMS, an intranet). An absolute http(s) URL; empty until set (xAPI export asks).
    std::string xapi_home_page;
    // On a desk's own file: 0 keeps one-click profiles; N makes each trainee sign in with a PIN of
    // at least N digits (a center's server signs people in with their own logins instead).
    int trainee_pin_digits = 0;

    // Seconds a customer may wait before the answer (a call, a chat) or the reply (an email) is
    // late. Computed in 64 bits and saturated: a struct filled in code bypasses the range checks.
    int answerTargetSeconds(Channel channel) const;
    int targetHandleSeconds() const;
};

// What a setting holds and the values it accepts. For text, min/max count characters.
enum class SettingKind { Text, WholeNumber, Number };
struct SettingSpec {
    std::string key;
    SettingKind kind;
    double min;
    double max;
    std::string unit;         // "rings", "%", "characters"…: how the range is read (English)
    std::string description;  // English; settingDescription() gives it in the language in effect
};

// Every setting with its range, in display order: the one table that the loader of
// settings.json, the store, `frontline settings set` and the Settings screen all enforce.
const std::vector<SettingSpec>& settingSpecs();
const SettingSpec* settingSpec(std::string_view key);
// "1 to 20 rings", "1 to 5", "1 to 100 characters", in the language in effect.
std::string rangeText(const SettingSpec& spec);
// What the setting is for, in the language in effect (the Settings screen, `settings show`).
std::string settingDescription(const SettingSpec& spec);

// Why `value` is not acceptable for the setting (wrong type, out of range, text not UTF-8), or
// nullopt when it is. The message names the key and the range.
std::optional<std::string> settingValueProblem(const SettingSpec& spec, const nlohmann::json& value);
// Reads a value typed as text (`settings set KEY VALUE`): a number for numeric keys, else the
// text itself; throws std::invalid_argument naming the key and the range when it does not fit.
nlohmann::json settingValueFromText(const SettingSpec& spec, std::string_view text);
// Every problem of a whole set of settings (the Settings screen checks before saving).
std::vector<std::string> settingsProblems(const OrgSettings& s);

// Applies the keys present in `j` over `base`; unknown keys are ignored; a wrong type or a value
// out of its range throws std::invalid_argument naming the key and the range.
OrgSettings settingsFromJson(const nlohmann::json& j, OrgSettings base = {});
nlohmann::json settingsToJson(const OrgSettings& s);
// Human-readable description of each setting key (for the settings screen and CLI).
const std::map<std::string, std::string>& settingDescriptions();

// Fills {company}, {agent}, {hold_estimate}, {customer} and settings keys such as
// {answer_within_rings} in a script or line. Unknown placeholders are left as they are.
std::string fillPlaceholders(const std::string& text, const OrgSettings& s, const std::string& agent_name,
                             const std::string& customer_name = {});

}  // namespace frontline
