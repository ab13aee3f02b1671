// xAPI 1.0.3 statements (xapi.hpp). Sections: identifiers · attempts and decisions · quizzes and
// questions (cmi.interaction) · certificates · the whole export.
#include "frontline/xapi.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <tuple>
#include <openssl/sha.h>
#include "frontline/certification.hpp"
#include "json_fields.hpp"

namespace frontline::xapi {
namespace {

using Json = nlohmann::json;

constexpr const char* kLanguage = "en";
constexpr const char* kAdlVerbs = "http://adlnet.gov/expapi/verbs/";
constexpr const char* kAdlActivities = "http://adlnet.gov/expapi/activities/";

// ---- identifiers -------------------------------------------------------------------------------

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// Content ids are slugs, but an organisation's may hold anything: keep IRIs valid.
std::string pathSegment(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

// Activities and extensions live under the organisation's home page, which it controls.
std::string base(const OrgSettings& s) { return trimSlash(s.xapi_home_page) + "/frontline/xapi/"; }
std::string activityId(const OrgSettings& s, const std::string& kind, const std::string& id) {
    return base(s) + "activities/" + kind + "/" + pathSegment(id);
}
std::string extension(const OrgSettings& s, const std::string& name) { return base(s) + "extensions/" + name; }

Json languageMap(const std::string& text) { return {{kLanguage, text.empty() ? "(untitled)" : text}}; }

Json verb(const std::string& iri, const std::string& display) { return {{"id", iri}, {"display", languageMap(display)}}; }
Json adlVerb(const std::string& name) { return verb(kAdlVerbs + name, name); }

Json activity(const std::string& id, const std::string& name, const std::string& type) {
    return {{"objectType", "Activity"}, {"id", id}, {"definition", {{"name", languageMap(name)}, {"type", type}}}};
}

Json statement(const std::string& id, const Json& who, const Json& what_verb, const Json& object, const std::string& timestamp) {
    return {{"id", id}, {"actor", who}, {"verb", what_verb}, {"object", object}, {"timestamp", timestamp}};
}

Json context(const std::string& registration, const Json& parent) {
    Json c = {{"registration", registration}, {"platform", "Frontline"}, {"language", kLanguage}};
    if (!parent.is_null()) c["contextActivities"] = {{"parent", Json::array({parent})}};
    return c;
}

int secondsBetween(const std::string& from, const std::string& to) {
    const auto a = parseUtc(from), b = parseUtc(to);
    return a && b && *b > *a ? static_cast<int>(*b - *a) : 0;
}

Json score(int percent) {
    const int clamped = std::clamp(percent, 0, 100);
    return {{"scaled", clamped / 100.0}, {"raw", clamped}, {"min", 0}, {"max", 100}};
}

// ---- attempts and decisions --------------------------------------------------------------------

Json scenarioActivity(const AttemptRecord& a, const OrgSettings& s) {
    return activity(activityId(s, "scenarios", a.scenario_id), a.scenario_title, std::string(kAdlActivities) + "simulation");
}

Json attemptResult(const AttemptRecord& a, const OrgSettings& s) {
    Json steps = Json::object();
    for (const auto& step : a.report.steps)
        if (step.required) steps[step.step] = step.score;
    return {{"score", score(a.adherence)},
            {"success", a.passed},
            {"completion", true},
            {"duration", duration(a.report.metrics.handle_seconds > 0 ? a.report.metrics.handle_seconds : a.handle_seconds)},
            {"extensions",
             {{extension(s, "points"), a.points},
              {extension(s, "stars"), a.stars},
              {extension(s, "breaches"), a.breaches},
              {extension(s, "critical-failure"), a.critical_failure},
              {extension(s, "step-scores"), steps},
              {extension(s, "sop-version"), a.sop_version},
              {extension(s, "mode"), a.mode}}}};
}

const Event* eventAt(const AttemptLog& log, int seq) {
    for (const auto& e : log.events)
        if (e.seq == seq) return &e;
    return nullptr;
}

Json decisionStatement(const AttemptRecord& a, const DecisionReview& d, const Json& who, const std::string& uuid,
                       const OrgSettings& s) {
    const Event* event = eventAt(a.log, d.seq);
    const std::string point = event && !event->node.empty() ? event->node : "decision-" + std::to_string(d.seq);
    const std::string chosen = event && !event->id.empty() ? event->id : d.kind;
    Json object = activity(activityId(s, "scenarios", a.scenario_id) + "/decisions/" + pathSegment(point),
                           a.scenario_title + ": " + point, std::string(kAdlActivities) + "interaction");
    Json result = {{"response", chosen},
                   {"success", d.good},
                   {"extensions",
                    {{extension(s, "kind"), d.kind},
                     {extension(s, "said"), d.text},
                     {extension(s, "points"), d.points},
                     {extension(s, "steps"), d.steps},
                     {extension(s, "rules-honoured"), d.honoured},
                     {extension(s, "rules-broken"), d.broken},
                     {extension(s, "clock-seconds"), d.clock}}}};
    Json st = statement(nameBasedUuid(uuid, "decision/" + std::to_string(d.seq)), who, adlVerb("responded"), object, a.started_at);
    st["result"] = std::move(result);
    st["context"] = context(uuid, {{"objectType", "Activity"}, {"id", activityId(s, "scenarios", a.scenario_id)}});
    return st;
}

// ---- quizzes and questions (cmi.interaction) ---------------------------------------------------

std::string joinedPattern(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "[,]") + p;
    return out;
}

// Option ids in the order the question lists them (a set of choices has one spelling).
std::vector<std::string> inFileOrder(const Question& q, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& o : q.options)
        if (std::find(ids.begin(), ids.end(), o.id) != ids.end()) out.push_back(o.id);
    return out;
}

std::string itemId(size_t index) { return "item-" + std::to_string(index + 1); }

Json components(const std::vector<std::string>& ids, const std::vector<std::string>& texts) {
    Json list = Json::array();
    for (size_t i = 0; i < ids.size(); ++i) list.push_back({{"id", ids[i]}, {"description", languageMap(texts[i])}});
    return list;
}

// The interaction's definition: type, components and the correct pattern (xAPI 1.0.3, §4.1.4.1,
// "Interaction Activities").
Json interactionDefinition(const Question& q, const OrgSettings& s) {
    auto fill = [&s](const std::string& text) { return fillPlaceholders(text, s, "the agent"); };
    Json d = {{"name", languageMap(q.id)}, {"description", languageMap(fill(q.prompt))},
              {"type", std::string(kAdlActivities) + "cmi.interaction"}};
    std::vector<std::string> ids, texts;
    switch (q.type) {
        case QuestionType::TrueFalse:
            d["interactionType"] = "true-false";
            d["correctResponsesPattern"] = {q.true_answer ? "true" : "false"};
            break;
        case QuestionType::Single:
        case QuestionType::Multiple:
        case QuestionType::Judgement:
            for (const auto& o : q.options) ids.push_back(o.id), texts.push_back(fill(o.text));
            d["interactionType"] = "choice";
            d["choices"] = components(ids, texts);
            d["correctResponsesPattern"] = {joinedPattern(inFileOrder(q, q.correct))};
            break;
        case QuestionType::Ordering:
            for (size_t i = 0; i < q.items.size(); ++i) ids.push_back(itemId(i)), texts.push_back(fill(q.items[i]));
            d["interactionType"] = "sequencing";
            d["choices"] = components(ids, texts);
            d["correctResponsesPattern"] = {joinedPattern(ids)};
            break;
        case QuestionType::Matching: {
            std::vector<std::string> sources, lefts, targets, rights, pairs;
            for (size_t i = 0; i < q.pairs.size(); ++i) {
                sources.push_back("source-" + std::to_string(i + 1)), lefts.push_back(fill(q.pairs[i].left));
                targets.push_back("target-" + std::to_string(i + 1)), rights.push_back(fill(q.pairs[i].right));
                pairs.push_back(sources.back() + "[.]" + targets.back());
            }
            d["interactionType"] = "matching";
            d["source"] = components(sources, lefts);
            d["target"] = components(targets, rights);
            d["correctResponsesPattern"] = {joinedPattern(pairs)};
            break;
        }
    }
    return d;
}

// The trainee's answer in the interaction's pattern syntax ("" when unanswered or malformed).
std::string response(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer) {
    if (!answer.answered() || !answerWellFormed(q, drawn, answer)) return "";
    auto index_at = [&drawn](int position) { return static_cast<size_t>(drawn.order[static_cast<size_t>(position)]); };
    std::vector<std::string> parts;
    switch (q.type) {
        case QuestionType::TrueFalse: return answer.picks.front() == 0 ? "true" : "false";
        case QuestionType::Single:
        case QuestionType::Multiple:
        case QuestionType::Judgement: {
            std::vector<size_t> chosen;  // a set: in file order, so equal answers read the same
            for (int p : answer.picks) chosen.push_back(index_at(p));
            std::sort(chosen.begin(), chosen.end());
            for (size_t i : chosen) parts.push_back(q.options[i].id);
            break;
        }
        case QuestionType::Ordering:
            for (int p : answer.picks) parts.push_back(itemId(index_at(p)));
            break;
        case QuestionType::Matching:
            for (size_t k = 0; k < answer.picks.size(); ++k)
                parts.push_back("source-" + std::to_string(k + 1) + "[.]target-" + std::to_string(index_at(answer.picks[k]) + 1));
            break;
    }
    return joinedPattern(parts);
}

Json quizActivity(const QuizAttemptRecord& quiz, const Json& result, const OrgSettings& s) {
    const std::string title = export_json::text(result, "title", quiz.exam_id);
    return activity(activityId(s, "quizzes", quiz.exam_id), title, std::string(kAdlActivities) + "assessment");
}

// `graded` is the question's line in the stored result; the draw and the answers are read from
// the record's detail when they are there.
Json questionStatement(const QuizAttemptRecord& quiz, size_t index, const Json& graded, const Json& who, const std::string& uuid,
                       const QuizLibrary& library, const OrgSettings& s, const Json& parent) {
    const Json& detail = quiz.detail;
    const std::string question_id = export_json::text(graded, "id", "question-" + std::to_string(index + 1));
    Json object = {{"objectType", "Activity"}, {"id", activityId(s, "questions", question_id)}};
    Json result = {{"success", export_json::flag(graded, "correct")}, {"completion", export_json::flag(graded, "answered")}};
    if (const Question* q = library.question(question_id)) {
        object["definition"] = interactionDefinition(*q, s);
        DrawnQuestion drawn;
        QuizAnswer answer;
        try {
            drawn.order = detail.at("draw").at("questions").at(index).at("order").get<std::vector<int>>();
            answer.picks = detail.at("answers").at(index).get<std::vector<int>>();
        } catch (const Json::exception&) {
            // An old or hand-edited record: the answer is not known, the result still is.
        }
        if (auto given = response(*q, drawn, answer); !given.empty()) result["response"] = given;  // none when skipped
    } else {
        object["definition"] = {{"name", languageMap(question_id)}, {"type", std::string(kAdlActivities) + "cmi.interaction"}};
    }
    Json st = statement(nameBasedUuid(uuid, "question/" + std::to_string(index)), who, adlVerb("answered"), object,
                        quiz.finished_at);
    st["result"] = std::move(result);
    st["context"] = context(uuid, parent);
    return st;
}

}  // namespace

// ---- public -------------------------------------------------------------------------------------

std::string settingsProblem(const OrgSettings& settings) {
    if (settings.xapi_home_page.empty())
        return "the organisation's xAPI home page is not set (frontline settings set xapi_home_page https://lms.example.com)";
    const SettingSpec* spec = settingSpec("xapi_home_page");
    if (auto problem = spec ? settingValueProblem(*spec, settings.xapi_home_page) : std::nullopt) return *problem;
    return "";
}

Json actor(const Trainee& trainee, const OrgSettings& settings) {
    Json a = {{"objectType", "Agent"}, {"account", {{"homePage", settings.xapi_home_page}, {"name", trainee.account}}}};
    if (!trainee.name.empty()) a["name"] = trainee.name;
    return a;
}

std::string duration(int seconds) {
    seconds = std::max(seconds, 0);
    const int h = seconds / 3600, m = seconds / 60 % 60, sec = seconds % 60;
    std::string out = "PT";
    if (h) out += std::to_string(h) + "H";
    if (m) out += std::to_string(m) + "M";
    if (sec || out == "PT") out += std::to_string(sec) + "S";
    return out;
}

std::string nameBasedUuid(const std::string& namespace_uuid, const std::string& name) {
    std::string bytes;
    int nibbles = 0, value = 0;
    for (char c : namespace_uuid) {
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : (c >= 'a' && c <= 'f')                      ? c - 'a' + 10
                          : (c >= 'A' && c <= 'F')                      ? c - 'A' + 10
                                                                        : -1;
        if (digit < 0) continue;  // the dashes
        value = value * 16 + digit;
        if (++nibbles % 2 == 0) bytes += static_cast<char>(value), value = 0;
    }
    if (nibbles != 32) bytes = namespace_uuid;  // not a UUID: its text still names the namespace
    bytes += name;
    std::array<unsigned char, SHA_DIGEST_LENGTH> hash{};
    SHA1(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), hash.data());
    hash[6] = static_cast<unsigned char>((hash[6] & 0x0F) | 0x50);  // version 5
    hash[8] = static_cast<unsigned char>((hash[8] & 0x3F) | 0x80);  // RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", hash[0], hash[1],
                  hash[2], hash[3], hash[4], hash[5], hash[6], hash[7], hash[8], hash[9], hash[10], hash[11], hash[12], hash[13],
                  hash[14], hash[15]);
    return text;
}

std::vector<Json> attemptStatements(const AttemptRecord& a, const Trainee& trainee, const std::string& uuid,
                                    const OrgSettings& s) {
    const Json who = actor(trainee, s);
    std::vector<Json> out;
    Json main = statement(uuid, who, adlVerb(a.passed ? "passed" : "failed"), scenarioActivity(a, s), a.finished_at);
    main["result"] = attemptResult(a, s);
    main["context"] = context(uuid, nullptr);
    out.push_back(std::move(main));
    for (const auto& d : a.report.decisions)
        if (d.kind == "choice" || d.kind == "desk") out.push_back(decisionStatement(a, d, who, uuid, s));
    return out;
}

std::vector<Json> quizStatements(const QuizAttemptRecord& quiz, const Trainee& trainee, const std::string& uuid,
                                 const QuizLibrary& library, const OrgSettings& s) {
    const Json who = actor(trainee, s);
    const Json result = export_json::object(quiz.detail, "result");
    const Json quiz_activity = quizActivity(quiz, result, s);
    const bool exam = quiz.mode == "exam";
    Json main = statement(uuid, who, adlVerb(exam ? (quiz.passed ? "passed" : "failed") : "completed"), quiz_activity,
                          quiz.finished_at);
    main["result"] = {{"score", score(quiz.score_percent)},
                      {"success", quiz.passed},
                      {"completion", true},
                      {"duration", duration(secondsBetween(quiz.started_at, quiz.finished_at))},
                      {"extensions", {{extension(s, "sop-version"), quiz.sop_version}, {extension(s, "mode"), quiz.mode}}}};
    main["context"] = context(uuid, nullptr);
    std::vector<Json> out{std::move(main)};
    const bool has_questions = result.contains("questions") && result["questions"].is_array();
    const Json parent = {{"objectType", "Activity"}, {"id", quiz_activity["id"]}};
    if (has_questions)
        for (size_t i = 0; i < result["questions"].size(); ++i)
            out.push_back(questionStatement(quiz, i, result["questions"][i], who, uuid, library, s, parent));
    return out;
}

Json certificateStatement(const CertificateRecord& c, const Trainee& trainee, const OrgSettings& s) {
    Json object = activity(activityId(s, "certifications", c.policy_id), c.policy_title, "http://id.tincanapi.com/activitytype/badge");
    Json st = statement(c.id, actor(trainee, s), verb("http://id.tincanapi.com/verb/earned", "earned"), object, c.issued_at);
    st["result"] = {{"success", true},
                    {"completion", true},
                    {"extensions",
                     {{extension(s, "certificate-id"), c.id},
                      {extension(s, "expires-at"), c.expires_at},
                      {extension(s, "verification-code"), c.verification_code},
                      {extension(s, "sop-version"), c.sop_version}}}};
    st["context"] = {{"platform", "Frontline"}, {"language", kLanguage}};
    return st;
}

namespace {

// One record to turn into statements, in the order they happened: which list, which row.
struct Pending {
    std::string at;
    int kind = 0;  // 0 attempt, 1 quiz, 2 certificate: a fixed order among equal times
    std::int64_t id = 0;
    size_t row = 0;
};

// The attempt with its log and report; a record whose event log or report cannot be read still
// has its summary, and its statement goes without per-step scores and decisions.
AttemptRecord fullAttempt(const Store& store, const AttemptRecord& summary) {
    try {
        if (auto read = store.attempt(summary.id)) return std::move(*read);
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Corrupt) throw;
    }
    return summary;
}

}  // namespace

void forEachStatement(const Sources& from, const Filter& filter, const Emit& emit) {
    if (auto problem = settingsProblem(from.settings); !problem.empty()) throw std::invalid_argument(problem);
    std::map<std::int64_t, Trainee> trainees;
    for (auto& t : from.store.trainees())
        if (filter.team.empty() || t.team == filter.team) trainees.emplace(t.id, std::move(t));
    auto keep = [&](std::int64_t trainee_id, const std::string& at) {
        return trainees.count(trainee_id) && (filter.since.empty() || at >= filter.since);
    };
    const auto attempts = from.store.attempts();
    const auto quizzes = from.store.quizAttempts();
    const auto certificates = from.store.certificates();
    const auto attempt_ids = from.store.statementIds(StatementRecord::Attempt);
    const auto quiz_ids = from.store.statementIds(StatementRecord::QuizAttempt);
    std::vector<Pending> order;
    for (size_t i = 0; i < attempts.size(); ++i)
        if (keep(attempts[i].trainee_id, attempts[i].finished_at) && attempt_ids.count(attempts[i].id))
            order.push_back({attempts[i].finished_at, 0, attempts[i].id, i});
    for (size_t i = 0; i < quizzes.size(); ++i)
        if (keep(quizzes[i].trainee_id, quizzes[i].finished_at) && quiz_ids.count(quizzes[i].id))
            order.push_back({quizzes[i].finished_at, 1, quizzes[i].id, i});
    for (size_t i = 0; i < certificates.size(); ++i)
        if (keep(certificates[i].trainee_id, certificates[i].issued_at)) order.push_back({certificates[i].issued_at, 2, 0, i});
    std::sort(order.begin(), order.end(), [](const Pending& a, const Pending& b) {
        return std::tie(a.at, a.kind, a.id, a.row) < std::tie(b.at, b.kind, b.id, b.row);
    });
    // One record's statements at a time: memory stays flat however long the history.
    for (const Pending& p : order) {
        std::vector<Json> statements;
        if (p.kind == 0) {
            const auto& a = attempts[p.row];
            statements = attemptStatements(fullAttempt(from.store, a), trainees.at(a.trainee_id), attempt_ids.at(a.id), from.settings);
        } else if (p.kind == 1) {
            const auto& q = quizzes[p.row];
            statements = quizStatements(q, trainees.at(q.trainee_id), quiz_ids.at(q.id), from.quizzes, from.settings);
        } else {
            const auto& c = certificates[p.row];
            statements.push_back(certificateStatement(c, trainees.at(c.trainee_id), from.settings));
        }
        for (auto& st : statements) emit(std::move(st));
    }
}

std::vector<Json> buildStatements(const Sources& from, const Filter& filter) {
    std::vector<Json> out;
    forEachStatement(from, filter, [&out](Json&& st) { out.push_back(std::move(st)); });
    return out;
}

}  // namespace frontline::xapi
