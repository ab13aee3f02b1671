#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <variant>
#include "frontline/i18n.hpp"
#include "frontline/parse_number.hpp"
#include "frontline/settings.hpp"
#include "frontline/utf8.hpp"

namespace frontline {
namespace {

using Member = std::variant<int OrgSettings::*, double OrgSettings::*, std::string OrgSettings::*>;

template <class P>
struct MemberType;
template <class T>
struct MemberType<T OrgSettings::*> {
    using type = T;
};

struct SettingField {
    SettingSpec spec;
    Member member;
};

using K = SettingKind;

// The units a range is read in: English in the table, shown with trc("setting unit", ...).
constexpr const char* kCharacters = NC_("setting unit", "characters");
constexpr const char* kRings = NC_("setting unit", "rings");
constexpr const char* kSeconds = NC_("setting unit", "seconds");
constexpr const char* kHours = NC_("setting unit", "hours");
constexpr const char* kMinutes = NC_("setting unit", "minutes");
constexpr const char* kMonths = NC_("setting unit", "months");
constexpr const char* kDays = NC_("setting unit", "days");
constexpr const char* kDigits = NC_("setting unit", "digits");

// One table drives JSON in/out, the ranges, placeholders and the settings screen. The JSON Schema
// (scenarios/schema/settings.schema.json) repeats the ranges for authors' editors; a unit test
// keeps the two equal. Units and descriptions are English here, shown translated (rangeText,
// settingDescription).
const std::vector<SettingField>& fields() {
    static const std::vector<SettingField> table = {
        {{"company_name", K::Text, 1, 100, kCharacters, N_("Company name used in the approved scripts")}, &OrgSettings::company_name},
        {{"answer_within_rings", K::WholeNumber, 1, 20, kRings, N_("Answer calls within this many rings")}, &OrgSettings::answer_within_rings},
        {{"ring_seconds", K::WholeNumber, 1, 30, kSeconds, N_("Seconds per ring")}, &OrgSettings::ring_seconds},
        {{"chat_answer_within_seconds", K::WholeNumber, 1, 3600, kSeconds, N_("Answer chats within (seconds)")},
         &OrgSettings::chat_answer_within_seconds},
        {{"chat_response_within_seconds", K::WholeNumber, 1, 3600, kSeconds, N_("Reply in a chat within (seconds)")},
         &OrgSettings::chat_response_within_seconds},
        {{"email_reply_within_hours", K::WholeNumber, 1, 168, kHours, N_("Reply to emails within (hours)")},
         &OrgSettings::email_reply_within_hours},
        {{"target_handle_time_minutes", K::WholeNumber, 1, 120, kMinutes, N_("Average Handle Time target (minutes)")},
         &OrgSettings::target_handle_time_minutes},
        {{"target_fcr_percent", K::WholeNumber, 0, 100, "%", N_("First Contact Resolution target (%)")}, &OrgSettings::target_fcr_percent},
        {{"target_csat", K::Number, 1, 5, "", N_("Customer Satisfaction target (out of 5)")}, &OrgSettings::target_csat},
        {{"target_asa_seconds", K::WholeNumber, 0, 3600, kSeconds, N_("Average Speed of Answer target (seconds)")},
         &OrgSettings::target_asa_seconds},
        {{"max_abandonment_percent", K::WholeNumber, 0, 100, "%", N_("Abandonment rate below (%)")}, &OrgSettings::max_abandonment_percent},
        {{"scenario_pass_mark", K::WholeNumber, 0, 100, "%", N_("SOP adherence needed to pass a scenario (%)")},
         &OrgSettings::scenario_pass_mark},
        {{"excellent_mark", K::WholeNumber, 0, 100, "%", N_("SOP adherence for three stars (%)")}, &OrgSettings::excellent_mark},
        {{"quiz_pass_mark", K::WholeNumber, 0, 100, "%", N_("Knowledge-check pass mark (%)")}, &OrgSettings::quiz_pass_mark},
        {{"certificate_validity_months", K::WholeNumber, 1, 120, kMonths, N_("Certificates are valid for (months)")},
         &OrgSettings::certificate_validity_months},
        {{"recertification_window_days", K::WholeNumber, 0, 365, kDays, N_("Refresher due this many days before expiry")},
         &OrgSettings::recertification_window_days},
        {{"refresher_reminder_days", K::WholeNumber, 1, 365, kDays, N_("Remind of refreshers falling due within (days)")},
         &OrgSettings::refresher_reminder_days},
        {{"hold_estimate", K::Text, 1, 60, kCharacters, N_("Hold time estimate used in the hold script")}, &OrgSettings::hold_estimate},
        {{"verification_standard", K::Text, 1, 400, kCharacters, N_("Identity verification standard (what must match the CRM)")},
         &OrgSettings::verification_standard},
        {{"issuer_url", K::Text, 0, 200, kCharacters, N_("Certificate issuer web address (https://…)")}, &OrgSettings::issuer_url},
        {{"issuer_email", K::Text, 0, 200, kCharacters, N_("Certificate issuer contact email")}, &OrgSettings::issuer_email},
        {{"issuer_image_url", K::Text, 0, 400, kCharacters, N_("Certificate issuer logo address (optional)")},
         &OrgSettings::issuer_image_url},
        {{"trusted_issuers", K::Text, 0, 2000, kCharacters, N_("Other trusted certificate issuers (key fingerprints, comma-separated)")},
         &OrgSettings::trusted_issuers},
        {{"trust_installation_key", K::WholeNumber, 0, 1, "", N_("Trust certificates signed by this installation's own key (1 yes, 0 no)")},
         &OrgSettings::trust_installation_key},
        {{"certificate_verify_url", K::Text, 0, 200, kCharacters,
          N_("Certificate check page the PDF's QR code links to, e.g. https://training.example.com/verify?code={code}")},
         &OrgSettings::certificate_verify_url},
        {{"xapi_home_page", K::Text, 0, 200, kCharacters, N_("xAPI account home page: the system that knows trainees by their account id (https://…)")},
         &OrgSettings::xapi_home_page},
        {{"trainee_pin_digits", K::WholeNumber, 0, 12, kDigits, N_("Trainees sign in with a PIN of at least this many digits (0: one-click profiles)")},
         &OrgSettings::trainee_pin_digits},
    };
    return table;
}

std::string number(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<std::int64_t>(v));
    return nlohmann::json(v).dump();
}

std::string problem(const SettingSpec& spec, const std::string& what) { return "setting '" + spec.key + "' " + what; }

// "1 to 20 rings": in English for the problems (left untranslated, as the loader's diagnostics),
// in the language in effect for the screen and the CLI's list.
std::string rangeIn(const SettingSpec& spec, bool translated) {
    if (!translated) {
        const std::string text = number(spec.min) + " to " + number(spec.max);
        return spec.unit.empty() ? text : text + (spec.unit == "%" ? "" : " ") + spec.unit;
    }
    // TRANSLATORS: a setting's allowed range, e.g. "1 to 20".
    const std::string text = fmt(tr("{0} to {1}"), number(spec.min), number(spec.max));
    if (spec.unit.empty()) return text;
    return text + (spec.unit == "%" ? std::string("%") : std::string(" ") + trc("setting unit", spec.unit.c_str()));
}

const char* kindName(SettingKind kind) {
    return kind == K::Text ? "text" : kind == K::WholeNumber ? "a whole number" : "a number";
}

// Text settings that other systems read as an address: empty, or an absolute http(s) URL.
bool holdsUrl(const SettingSpec& spec) { return spec.key == "xapi_home_page" || spec.key == "certificate_verify_url"; }

bool absoluteHttpUrl(std::string_view text) {
    std::string_view rest;
    if (text.rfind("https://", 0) == 0) rest = text.substr(8);
    else if (text.rfind("http://", 0) == 0) rest = text.substr(7);
    else return false;
    if (rest.empty() || rest.front() == '/') return false;  // a host is needed
    return std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

int saturate(std::int64_t v) {
    return static_cast<int>(std::clamp<std::int64_t>(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

}  // namespace

int OrgSettings::answerTargetSeconds(Channel channel) const {
    switch (channel) {
        case Channel::Chat: return chat_answer_within_seconds;
        case Channel::Email: return saturate(std::int64_t{email_reply_within_hours} * 3600);
        case Channel::Call: break;
    }
    return saturate(std::int64_t{answer_within_rings} * ring_seconds);
}

int OrgSettings::targetHandleSeconds() const { return saturate(std::int64_t{target_handle_time_minutes} * 60); }

const std::vector<SettingSpec>& settingSpecs() {
    static const std::vector<SettingSpec> specs = [] {
        std::vector<SettingSpec> out;
        for (const auto& f : fields()) out.push_back(f.spec);
        return out;
    }();
    return specs;
}

const SettingSpec* settingSpec(std::string_view key) {
    for (const auto& s : settingSpecs())
        if (s.key == key) return &s;
    return nullptr;
}

std::string rangeText(const SettingSpec& spec) { return rangeIn(spec, true); }

std::string settingDescription(const SettingSpec& spec) { return tr(spec.description.c_str()); }

std::optional<std::string> settingValueProblem(const SettingSpec& spec, const nlohmann::json& value) {
    const bool right_type = spec.kind == K::Text          ? value.is_string()
                            : spec.kind == K::WholeNumber ? value.is_number_integer()
                                                          : value.is_number();
    if (!right_type) return problem(spec, std::string("must be ") + kindName(spec.kind) + " (" + rangeIn(spec, false) + ")");
    if (spec.kind == K::Text) {
        const auto& text = value.get_ref<const std::string&>();
        if (!utf8::valid(text)) return problem(spec, "is not valid UTF-8 text");
        const auto chars = utf8::length(text);
        if (static_cast<double>(chars) < spec.min || static_cast<double>(chars) > spec.max)
            return problem(spec, "must be " + rangeIn(spec, false) + " long, not " + std::to_string(chars));
        if (holdsUrl(spec) && !text.empty() && !absoluteHttpUrl(text))
            return problem(spec, "must be an absolute web address such as https://lms.example.com, not '" + utf8::sanitized(text) + "'");
        return std::nullopt;
    }
    // Unsigned, signed or floating: compared as a double, so no value can wrap on the way.
    const double v = value.get<double>();
    if (!(v >= spec.min && v <= spec.max)) return problem(spec, "must be from " + rangeIn(spec, false) + ", not " + value.dump());
    return std::nullopt;
}

nlohmann::json settingValueFromText(const SettingSpec& spec, std::string_view text) {
    if (spec.kind == K::Text) {
        if (!utf8::valid(text)) throw std::invalid_argument(problem(spec, "is not valid UTF-8 text"));
        nlohmann::json value = std::string(text);
        if (auto p = settingValueProblem(spec, value)) throw std::invalid_argument(*p);
        return value;
    }
    std::optional<nlohmann::json> value;
    if (spec.kind == K::WholeNumber) {
        if (auto v = parseWholeNumber(text, static_cast<std::int64_t>(spec.min), static_cast<std::int64_t>(spec.max))) value = *v;
    } else if (auto v = parseDecimalNumber(text, spec.min, spec.max)) {
        value = *v;
    }
    if (!value)
        throw std::invalid_argument(problem(spec, std::string("must be ") + kindName(spec.kind) + " from " + rangeIn(spec, false) + ", not '" +
                                                      utf8::sanitized(text) + "'"));
    return *value;
}

OrgSettings settingsFromJson(const nlohmann::json& j, OrgSettings base) {
    if (!j.is_object()) throw std::invalid_argument("settings must be a JSON object");
    for (const auto& f : fields()) {
        auto it = j.find(f.spec.key);
        if (it == j.end()) continue;
        if (auto p = settingValueProblem(f.spec, *it)) throw std::invalid_argument(*p);
        std::visit([&](auto member) { base.*member = it->template get<typename MemberType<decltype(member)>::type>(); }, f.member);
    }
    return base;
}

std::vector<std::string> settingsProblems(const OrgSettings& s) {
    std::vector<std::string> problems;
    const nlohmann::json values = settingsToJson(s);
    for (const auto& f : fields())
        if (auto p = settingValueProblem(f.spec, values.at(f.spec.key))) problems.push_back(*p);
    return problems;
}

nlohmann::json settingsToJson(const OrgSettings& s) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& f : fields()) std::visit([&](auto member) { j[f.spec.key] = s.*member; }, f.member);
    return j;
}

const std::map<std::string, std::string>& settingDescriptions() {
    static const std::map<std::string, std::string> descriptions = [] {
        std::map<std::string, std::string> m;
        for (const auto& f : fields()) m[f.spec.key] = f.spec.description;
        return m;
    }();
    return descriptions;
}

std::string fillPlaceholders(const std::string& text, const OrgSettings& s, const std::string& agent_name,
                             const std::string& customer_name) {
    if (text.find('{') == std::string::npos) return text;
    // Built only for a placeholder naming a setting: most texts name only company/agent/customer,
    // and the validator's path exploration fills texts at every step of every path.
    std::optional<nlohmann::json> values;
    std::string out;
    out.reserve(text.size() + 32);
    size_t i = 0;
    while (i < text.size()) {
        auto open = text.find('{', i);
        if (open == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        auto close = text.find('}', open);
        if (close == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        out.append(text, i, open - i);
        std::string key = text.substr(open + 1, close - open - 1);
        if (key == "company") out += s.company_name;
        else if (key == "agent") out += agent_name.empty() ? std::string("Alex") : agent_name;
        else if (key == "customer") out += customer_name;
        else {
            if (!values) values = settingsToJson(s);
            if (!values->contains(key)) out.append(text, open, close - open + 1);  // unknown: leave as written
            else out += (*values)[key].is_string() ? (*values)[key].get<std::string>() : (*values)[key].dump();
        }
        i = close + 1;
    }
    return out;
}

}  // namespace frontline
