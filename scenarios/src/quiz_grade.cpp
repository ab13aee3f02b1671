// Grading knowledge checks: all-or-nothing per question (a half-right "select all that apply" or
// ordering is still a misunderstanding of the SOP), per-section and total percent, pass mark from
// the organisation settings. Pure functions: no clock, no I/O.
#include <algorithm>
#include <set>
#include "frontline/quiz.hpp"

namespace frontline {
namespace {

std::string letter(int position) { return std::string(1, static_cast<char>('a' + position)); }

bool isCorrect(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer) {
    if (!answerWellFormed(q, drawn, answer)) return false;
    const auto& picks = answer.picks;
    auto index_at = [&drawn](int position) { return drawn.order[static_cast<size_t>(position)]; };
    switch (q.type) {
        case QuestionType::TrueFalse: return (picks.front() == 0) == q.true_answer;
        case QuestionType::Single:
        case QuestionType::Judgement: return !q.correct.empty() && q.options[static_cast<size_t>(index_at(picks.front()))].id == q.correct.front();
        case QuestionType::Multiple: {
            std::set<std::string> chosen, expected(q.correct.begin(), q.correct.end());
            for (int p : picks) chosen.insert(q.options[static_cast<size_t>(index_at(p))].id);
            return chosen == expected;
        }
        case QuestionType::Ordering:
        case QuestionType::Matching:
            // k-th slot (k-th place in the order, or k-th term) must hold the k-th item of the file.
            for (size_t k = 0; k < picks.size(); ++k)
                if (index_at(picks[k]) != static_cast<int>(k)) return false;
            return true;
    }
    return false;
}

// The answer in words, for results screens and the store ("b) Total time…").
std::string readable(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer, const OrgSettings& settings,
                     const std::string& agent) {
    if (!answerWellFormed(q, drawn, answer)) return answer.answered() ? "(invalid answer)" : "(no answer)";
    auto fill = [&](const std::string& text) { return fillPlaceholders(text, settings, agent); };
    auto index_at = [&drawn](int position) { return static_cast<size_t>(drawn.order[static_cast<size_t>(position)]); };
    std::string out;
    auto append = [&out](const std::string& part, const char* separator) {
        if (!out.empty()) out += separator;
        out += part;
    };
    switch (q.type) {
        case QuestionType::TrueFalse: return answer.picks.front() == 0 ? "True" : "False";
        case QuestionType::Single:
        case QuestionType::Judgement:
        case QuestionType::Multiple: {
            auto picks = answer.picks;
            std::sort(picks.begin(), picks.end());
            for (int p : picks) append(letter(p) + ") " + fill(q.options[index_at(p)].text), "; ");
            return out;
        }
        case QuestionType::Ordering:
            for (int p : answer.picks) append(fill(q.items[index_at(p)]), " → ");
            return out;
        case QuestionType::Matching:
            for (size_t k = 0; k < answer.picks.size(); ++k)
                append(fill(q.pairs[k].left) + " → " + fill(q.pairs[index_at(answer.picks[k])].right), "; ");
            return out;
    }
    return out;
}

int percentOf(int correct, int total) { return total > 0 ? correct * 100 / total : 0; }

}  // namespace

const char* quizModeName(QuizMode m) { return m == QuizMode::Practice ? "practice" : "exam"; }

QuestionResult gradeQuestion(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer, const OrgSettings& settings,
                             const std::string& agent_name) {
    QuestionResult r;
    r.question = q.id;
    r.section = drawn.section;
    r.answered = answer.answered();
    r.correct = isCorrect(q, drawn, answer);
    r.prompt = fillPlaceholders(q.prompt, settings, agent_name);
    r.given = readable(q, drawn, answer, settings, agent_name);
    r.expected = readable(q, drawn, correctAnswer(q, drawn), settings, agent_name);
    r.explanation = fillPlaceholders(q.explanation, settings, agent_name);
    r.source = q.source;
    const bool has_options = q.type == QuestionType::Single || q.type == QuestionType::Multiple || q.type == QuestionType::Judgement;
    if (has_options && answerWellFormed(q, drawn, answer)) {
        for (int p : answer.picks) {
            const auto& option = q.options[static_cast<size_t>(drawn.order[static_cast<size_t>(p)])];
            if (option.feedback.empty()) continue;
            if (!r.feedback.empty()) r.feedback += " ";
            r.feedback += fillPlaceholders(option.feedback, settings, agent_name);
        }
    }
    return r;
}

QuizResult gradeQuiz(const QuizLibrary& library, const QuizDraw& draw, const std::vector<QuizAnswer>& answers, QuizMode mode,
                     const OrgSettings& settings, const std::string& agent_name) {
    QuizResult result;
    result.quiz = draw.quiz;
    result.title = draw.title;
    result.mode = mode;
    result.seed = draw.seed;
    result.pass_mark = settings.quiz_pass_mark;
    for (const auto& s : draw.sections) result.sections.push_back({s.title, 0, 0, 0});
    for (size_t i = 0; i < draw.questions.size(); ++i) {
        const auto& drawn = draw.questions[i];
        const QuizAnswer no_answer;
        const QuizAnswer& answer = i < answers.size() ? answers[i] : no_answer;
        QuestionResult r;
        if (const Question* q = library.question(drawn.question)) {
            r = gradeQuestion(*q, drawn, answer, settings, agent_name);
        } else {
            r.question = drawn.question;
            r.section = drawn.section;
            r.answered = answer.answered();
            r.missing = true;
            r.prompt = "(question '" + drawn.question + "' is no longer in the content)";
        }
        if (drawn.section >= 0 && static_cast<size_t>(drawn.section) < result.sections.size()) {
            auto& section = result.sections[static_cast<size_t>(drawn.section)];
            ++section.total;
            if (r.correct) ++section.correct;
        }
        ++result.total;
        if (r.correct) ++result.correct;
        result.questions.push_back(std::move(r));
    }
    for (auto& s : result.sections) s.percent = percentOf(s.correct, s.total);
    result.percent = percentOf(result.correct, result.total);
    // Compared on the exact ratio: 79.5% must not round up into an 80% pass.
    result.passed = result.total > 0 && result.correct * 100 >= result.pass_mark * result.total;
    return result;
}

void to_json(nlohmann::json& j, const QuizResult& r) {
    j = nlohmann::json{{"quiz", r.quiz}, {"title", r.title}, {"mode", quizModeName(r.mode)}, {"seed", r.seed},
                       {"correct", r.correct}, {"total", r.total}, {"percent", r.percent}, {"pass_mark", r.pass_mark},
                       {"passed", r.passed}, {"timed_out", r.timed_out}, {"sections", nlohmann::json::array()},
                       {"questions", nlohmann::json::array()}};
    for (const auto& s : r.sections)
        j["sections"].push_back({{"title", s.title}, {"correct", s.correct}, {"total", s.total}, {"percent", s.percent}});
    for (const auto& q : r.questions) {
        nlohmann::json item{{"id", q.question}, {"section", q.section}, {"answered", q.answered}, {"correct", q.correct},
                            {"prompt", q.prompt}, {"given", q.given}, {"expected", q.expected},
                            {"explanation", q.explanation}, {"source", q.source}};
        if (!q.feedback.empty()) item["feedback"] = q.feedback;
        if (q.missing) item["missing"] = true;
        j["questions"].push_back(std::move(item));
    }
}

nlohmann::json quizAttemptDetail(const QuizDraw& draw, const std::vector<QuizAnswer>& answers, const QuizResult& result) {
    nlohmann::json picks = nlohmann::json::array();
    for (const auto& a : answers) picks.push_back(a.picks);
    return nlohmann::json{{"draw", draw}, {"answers", picks}, {"result", result}};
}

}  // namespace frontline
