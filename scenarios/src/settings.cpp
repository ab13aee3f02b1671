#include <optional>
#include <stdexcept>
#include <variant>
#include "frontline/settings.hpp"

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
    const char* key;
    Member member;
    const char* description;
};

// One table drives JSON in/out, placeholders and the settings screen.
const std::vector<SettingField>& fields() {
    static const std::vector<SettingField> table = {
        {"company_name", &OrgSettings::company_name, "Company name used in the approved scripts"},
        {"answer_within_rings", &OrgSettings::answer_within_rings, "Answer calls within this many rings"},
        {"ring_seconds", &OrgSettings::ring_seconds, "Seconds per ring"},
        {"chat_answer_within_seconds", &OrgSettings::chat_answer_within_seconds, "Answer chats within (seconds)"},
        {"chat_response_within_seconds", &OrgSettings::chat_response_within_seconds, "Reply in a chat within (seconds)"},
        {"target_handle_time_minutes", &OrgSettings::target_handle_time_minutes, "Average Handle Time target (minutes)"},
        {"target_fcr_percent", &OrgSettings::target_fcr_percent, "First Contact Resolution target (%)"},
        {"target_csat", &OrgSettings::target_csat, "Customer Satisfaction target (out of 5)"},
        {"target_asa_seconds", &OrgSettings::target_asa_seconds, "Average Speed of Answer target (seconds)"},
        {"max_abandonment_percent", &OrgSettings::max_abandonment_percent, "Abandonment rate below (%)"},
        {"scenario_pass_mark", &OrgSettings::scenario_pass_mark, "SOP adherence needed to pass a scenario (%)"},
        {"excellent_mark", &OrgSettings::excellent_mark, "SOP adherence for three stars (%)"},
        {"quiz_pass_mark", &OrgSettings::quiz_pass_mark, "Knowledge-check pass mark (%)"},
        {"certificate_validity_months", &OrgSettings::certificate_validity_months, "Certificates are valid for (months)"},
        {"recertification_window_days", &OrgSettings::recertification_window_days, "Refresher due this many days before expiry"},
        {"hold_estimate", &OrgSettings::hold_estimate, "Hold time estimate used in the hold script"},
    };
    return table;
}

}  // namespace

OrgSettings settingsFromJson(const nlohmann::json& j, OrgSettings base) {
    if (!j.is_object()) throw std::invalid_argument("settings must be a JSON object");
    for (const auto& f : fields()) {
        auto it = j.find(f.key);
        if (it == j.end()) continue;
        std::visit(
            [&](auto member) {
                using T = typename MemberType<decltype(member)>::type;
                if constexpr (std::is_same_v<T, std::string>) {
                    if (!it->is_string()) throw std::invalid_argument(std::string("setting '") + f.key + "' must be text");
                    base.*member = it->template get<std::string>();
                } else if constexpr (std::is_same_v<T, int>) {
                    if (!it->is_number_integer()) throw std::invalid_argument(std::string("setting '") + f.key + "' must be a whole number");
                    base.*member = it->template get<int>();
                } else {
                    if (!it->is_number()) throw std::invalid_argument(std::string("setting '") + f.key + "' must be a number");
                    base.*member = it->template get<double>();
                }
            },
            f.member);
    }
    return base;
}

nlohmann::json settingsToJson(const OrgSettings& s) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& f : fields()) std::visit([&](auto member) { j[f.key] = s.*member; }, f.member);
    return j;
}

const std::map<std::string, std::string>& settingDescriptions() {
    static const std::map<std::string, std::string> descriptions = [] {
        std::map<std::string, std::string> m;
        for (const auto& f : fields()) m[f.key] = f.description;
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
