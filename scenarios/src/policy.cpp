#include "frontline/policy.hpp"
#include <algorithm>
#include <functional>
#include <map>

namespace frontline {
namespace {

std::string joinWithAnd(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? " and " : ", ";
        out += items[i];
    }
    return out;
}

// Exam titles by id from the exam files in `exams_dir`; a file that does not read is skipped here
// (the quiz loader reports it), and its exam keeps showing its id.
std::map<std::string, std::string> examTitles(const std::filesystem::path& exams_dir) {
    std::map<std::string, std::string> titles;
    for (const auto& file : contentFilesIn(exams_dir)) {
        std::vector<Diagnostic> ignored;
        const auto doc = readJsonDocument(file, ignored);
        if (!doc || !doc->value.is_object()) continue;
        const auto id = doc->value.find("id"), title = doc->value.find("title");
        if (id != doc->value.end() && id->is_string() && title != doc->value.end() && title->is_string())
            titles[id->get<std::string>()] = title->get<std::string>();
    }
    return titles;
}

void nameReferences(std::vector<Policy>& policies, const std::filesystem::path& exams_dir) {
    const auto titles = examTitles(exams_dir);
    for (auto& policy : policies) {
        for (auto& exam : policy.exams)
            if (auto it = titles.find(exam.exam); it != titles.end()) exam.title = it->second;
        policy.prerequisite_titles.clear();
        for (const auto& pre : policy.prerequisites) {
            const Policy* other = findPolicy(policies, pre);
            policy.prerequisite_titles.push_back(other ? other->title : pre);
        }
    }
}

std::string tagLabel(const std::string& tag) {
    std::string label = tag;
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
}

}  // namespace

std::string criteriaNarrative(const Policy& policy, int default_quiz_pass_mark) {
    std::vector<std::string> parts;
    std::vector<std::string> prerequisites;
    for (size_t i = 0; i < policy.prerequisites.size(); ++i) prerequisites.push_back("'" + prerequisiteName(policy, i) + "'");
    if (!prerequisites.empty()) parts.push_back("hold a current " + joinWithAnd(prerequisites) + " certificate");
    for (const auto& exam : policy.exams)
        parts.push_back("score at least " + std::to_string(exam.min_percent.value_or(default_quiz_pass_mark)) +
                        "% in the exam '" + exam.name() + "'");
    const auto& p = policy.practical;
    if (!p.required_tags.empty()) {
        std::vector<std::string> labels;
        for (const auto& tag : p.required_tags) labels.push_back(tagLabel(tag));
        std::string practical = "pass a practical scenario for each of: " + joinWithAnd(labels) + " (at least " +
                                std::to_string(p.min_stars) + (p.min_stars == 1 ? " star" : " stars") +
                                ", no critical SOP breach";
        if (p.min_difficulty > 1) practical += ", difficulty " + std::to_string(p.min_difficulty) + " or harder";
        if (p.assessment_only) practical += ", played in assessment mode";
        practical += ")";
        parts.push_back(practical);
    }
    if (p.min_distinct_scenarios > 0)
        parts.push_back("pass " + std::to_string(p.min_distinct_scenarios) + " different scenarios to that standard");
    if (parts.empty()) return "No requirements.";
    std::string text = "Certified agents " + joinWithAnd(parts) + ".";
    if (policy.require_current_sop) text += " Only work on the current SOP version counts.";
    if (policy.evidence_max_age_days > 0)
        text += " Evidence must be less than " + std::to_string(policy.evidence_max_age_days) + " days old.";
    return text;
}

std::optional<Policy> parsePolicy(const JsonDocument& doc, std::vector<Diagnostic>& diags) {
    if (!checkSchema(doc, "policy.schema.json", diags)) return std::nullopt;
    const auto& j = doc.value;
    Policy policy;
    policy.file = doc.file;
    policy.id = j.at("id").get<std::string>();
    policy.version = j.at("version").get<int>();
    policy.title = j.at("title").get<std::string>();
    policy.description = j.at("description").get<std::string>();
    policy.criteria = j.value("criteria", std::string());
    policy.sop = j.at("sop").get<std::string>();
    policy.level = j.at("level").get<int>();
    policy.prerequisites = j.value("prerequisites", std::vector<std::string>{});
    for (const auto& e : j.at("exams")) {
        PolicyExam exam;
        exam.exam = e.at("exam").get<std::string>();
        if (e.contains("min_percent")) exam.min_percent = e.at("min_percent").get<int>();
        exam.max_attempts = e.value("max_attempts", 0);
        exam.cooldown_hours = e.value("cooldown_hours", 0);
        policy.exams.push_back(exam);
    }
    const auto& p = j.at("practical");
    policy.practical.required_tags = p.at("required_tags").get<std::vector<std::string>>();
    policy.practical.min_stars = p.value("min_stars", 2);
    policy.practical.min_difficulty = p.value("min_difficulty", 1);
    policy.practical.min_distinct_scenarios = p.value("min_distinct_scenarios", 0);
    policy.practical.assessment_only = p.value("mode", std::string("any")) == "assessment";
    if (j.contains("validity_months")) policy.validity_months = j.at("validity_months").get<int>();
    policy.require_current_sop = j.value("require_current_sop", true);
    policy.evidence_max_age_days = j.value("evidence_max_age_days", 0);

    bool ok = true;
    if (std::find(policy.prerequisites.begin(), policy.prerequisites.end(), policy.id) != policy.prerequisites.end()) {
        diags.push_back(doc.diag(Severity::Error, "/prerequisites", "policy '" + policy.id + "' lists itself as a prerequisite"));
        ok = false;
    }
    std::map<std::string, size_t> seen_exams;
    for (size_t i = 0; i < policy.exams.size(); ++i) {
        auto [it, inserted] = seen_exams.emplace(policy.exams[i].exam, i);
        if (!inserted) {
            diags.push_back(doc.diag(Severity::Error, "/exams/" + std::to_string(i) + "/exam",
                                     "exam '" + policy.exams[i].exam + "' is listed twice"));
            ok = false;
        }
    }
    if (policy.exams.empty() && policy.practical.required_tags.empty() && policy.practical.min_distinct_scenarios == 0) {
        diags.push_back(doc.diag(Severity::Error, "", "policy '" + policy.id +
                                                          "' has no requirements: add an exam, a required tag or min_distinct_scenarios"));
        ok = false;
    }
    if (!ok) return std::nullopt;
    policy.source = std::make_shared<JsonDocument>(doc);
    return policy;
}

std::optional<Policy> loadPolicy(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(path, diags);
    if (!doc) return std::nullopt;
    return parsePolicy(*doc, diags);
}

std::vector<Policy> loadPolicies(const std::filesystem::path& dir, std::vector<Diagnostic>& diags) {
    auto files = contentFilesIn(dir);

    std::vector<Policy> policies;
    for (const auto& file : files) {
        auto policy = loadPolicy(file, diags);
        if (!policy) continue;
        if (const Policy* first = findPolicy(policies, policy->id)) {
            diags.push_back(policy->source->diag(Severity::Error, "/id",
                                                 "duplicate policy id '" + policy->id + "' (also in " + first->file + ")"));
            continue;
        }
        policies.push_back(std::move(*policy));
    }

    // Prerequisites must name loaded policies and must not form a cycle (it could never be met).
    // Dropping a policy can break another's prerequisite, so repeat until nothing changes.
    for (bool changed = true; changed;) {
        changed = false;
        for (auto it = policies.begin(); it != policies.end(); ++it) {
            std::string problem;
            for (size_t i = 0; i < it->prerequisites.size() && problem.empty(); ++i)
                if (!findPolicy(policies, it->prerequisites[i]))
                    problem = "prerequisite '" + it->prerequisites[i] + "' is not a loaded policy";
            if (problem.empty()) {
                std::set<std::string> visiting;
                std::function<bool(const Policy&)> reaches_self = [&](const Policy& p) {
                    for (const auto& pre : p.prerequisites) {
                        if (pre == it->id) return true;
                        const Policy* next = findPolicy(policies, pre);
                        if (next && visiting.insert(pre).second && reaches_self(*next)) return true;
                    }
                    return false;
                };
                if (reaches_self(*it)) problem = "prerequisites of '" + it->id + "' form a cycle";
            }
            if (!problem.empty()) {
                diags.push_back(it->source ? it->source->diag(Severity::Error, "/prerequisites", problem)
                                           : Diagnostic{Severity::Error, it->file, 0, 0, problem, "/prerequisites"});
                policies.erase(it);
                changed = true;
                break;
            }
        }
    }

    std::stable_sort(policies.begin(), policies.end(), [](const Policy& a, const Policy& b) {
        return a.level != b.level ? a.level < b.level : a.id < b.id;
    });
    nameReferences(policies, dir.parent_path() / "questions" / "exams");
    return policies;
}

void checkPolicyReferences(const std::vector<Policy>& policies, const std::set<std::string>& known_exams,
                           const std::set<std::string>& known_tags, std::vector<Diagnostic>& diags) {
    for (const auto& policy : policies) {
        auto report = [&](const std::string& pointer, const std::string& message) {
            diags.push_back(policy.source ? policy.source->diag(Severity::Warning, pointer, message)
                                          : Diagnostic{Severity::Warning, policy.file, 0, 0, message, pointer});
        };
        if (!known_exams.empty())
            for (size_t i = 0; i < policy.exams.size(); ++i)
                if (!known_exams.count(policy.exams[i].exam))
                    report("/exams/" + std::to_string(i) + "/exam",
                           "exam '" + policy.exams[i].exam + "' does not exist: nobody can be certified");
        if (!known_tags.empty())
            for (size_t i = 0; i < policy.practical.required_tags.size(); ++i)
                if (!known_tags.count(policy.practical.required_tags[i]))
                    report("/practical/required_tags/" + std::to_string(i),
                           "no scenario is tagged '" + policy.practical.required_tags[i] + "': nobody can be certified");
    }
}

const Policy* findPolicy(const std::vector<Policy>& policies, std::string_view id) {
    for (const auto& p : policies)
        if (p.id == id) return &p;
    return nullptr;
}

const std::string& prerequisiteName(const Policy& policy, size_t index) {
    const bool titled = index < policy.prerequisite_titles.size() && !policy.prerequisite_titles[index].empty();
    return titled ? policy.prerequisite_titles[index] : policy.prerequisites.at(index);
}

}  // namespace frontline
