// Drawing knowledge checks and the display-side of answering: which questions, in which order,
// with which option order; the drawn question as shown; the terminal answer syntax.
#include <algorithm>
#include <cctype>
#include <numeric>
#include <random>
#include <set>
#include "frontline/quiz.hpp"
#include "frontline/utf8.hpp"

namespace frontline {
namespace {

// std::shuffle and std::uniform_int_distribution are implementation-defined, so a recorded seed
// would replay differently on another standard library; this Fisher-Yates only uses the engine's
// raw output, which the standard fixes.
class Shuffler {
public:
    explicit Shuffler(std::uint64_t seed) : engine_(seed) {}
    size_t below(size_t n) { return static_cast<size_t>(engine_() % n); }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }
    // The first `count` elements become a uniform random pick, in random order.
    template <typename T>
    void pickFront(std::vector<T>& v, size_t count) {
        for (size_t i = 0; i < count && i < v.size(); ++i) std::swap(v[i], v[i + below(v.size() - i)]);
    }

private:
    std::mt19937_64 engine_;
};

std::vector<int> displayOrder(const Question& q, Shuffler& shuffler) {
    if (q.type == QuestionType::TrueFalse) return {};
    std::vector<int> order(static_cast<size_t>(q.choiceCount()));
    std::iota(order.begin(), order.end(), 0);
    const bool order_is_the_answer = q.type == QuestionType::Ordering || q.type == QuestionType::Matching;
    if (!order_is_the_answer && !q.shuffle) return order;
    shuffler.shuffle(order);
    // Shown in file order, an ordering or matching question would give its own answer away.
    if (order_is_the_answer && order.size() > 1 && std::is_sorted(order.begin(), order.end()))
        std::rotate(order.begin(), order.begin() + 1, order.end());
    return order;
}

std::string fill(const std::string& text, const OrgSettings& settings, const std::string& agent) {
    return fillPlaceholders(text, settings, agent);
}

std::string trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

// "c" -> 2, "3" -> 2; nullopt when neither a letter nor a positive number.
std::optional<int> positionFromToken(const std::string& token) {
    if (token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0])))
        return std::tolower(static_cast<unsigned char>(token[0])) - 'a';
    if (!token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        token.size() < 4)
        return std::stoi(token) - 1;
    return std::nullopt;
}

std::string letter(int position) { return std::string(1, static_cast<char>('a' + position)); }

}  // namespace

QuizDraw drawExam(const QuizLibrary& library, const Exam& exam, std::uint64_t seed) {
    QuizDraw draw;
    draw.quiz = exam.id;
    draw.exam = true;
    draw.title = exam.title;
    draw.seed = seed;
    draw.time_limit_seconds = exam.time_limit_minutes * 60;
    Shuffler shuffler(seed);
    for (size_t s = 0; s < exam.sections.size(); ++s) {
        const auto& section = exam.sections[s];
        draw.sections.push_back({section.title, section.banks});
        std::vector<const Question*> pool;
        for (const auto& bank_id : section.banks)
            if (const QuestionBank* bank = library.bank(bank_id))
                for (const auto& q : bank->questions)
                    if (q.difficulty <= section.max_difficulty) pool.push_back(&q);
        size_t count = std::min(pool.size(), static_cast<size_t>(std::max(section.count, 0)));
        shuffler.pickFront(pool, count);
        for (size_t i = 0; i < count; ++i)
            draw.questions.push_back({pool[i]->id, static_cast<int>(s), displayOrder(*pool[i], shuffler)});
    }
    return draw;
}

QuizDraw drawBank(const QuestionBank& bank, std::uint64_t seed, int count) {
    QuizDraw draw;
    draw.quiz = bank.id;
    draw.exam = false;
    draw.title = bank.title;
    draw.seed = seed;
    draw.sections.push_back({bank.title, {bank.id}});
    Shuffler shuffler(seed);
    std::vector<const Question*> pool;
    for (const auto& q : bank.questions) pool.push_back(&q);
    size_t n = (count > 0 && static_cast<size_t>(count) < pool.size()) ? static_cast<size_t>(count) : pool.size();
    shuffler.pickFront(pool, n);
    for (size_t i = 0; i < n; ++i) draw.questions.push_back({pool[i]->id, 0, displayOrder(*pool[i], shuffler)});
    return draw;
}

std::optional<QuizDraw> drawQuiz(const QuizLibrary& library, std::string_view id, std::uint64_t seed) {
    if (const Exam* exam = library.exam(id)) return drawExam(library, *exam, seed);
    if (const QuestionBank* bank = library.bank(id)) return drawBank(*bank, seed);
    return std::nullopt;
}

void to_json(nlohmann::json& j, const QuizDraw& d) {
    j = nlohmann::json{{"quiz", d.quiz}, {"exam", d.exam}, {"title", d.title}, {"seed", d.seed},
                       {"time_limit_seconds", d.time_limit_seconds}, {"sections", nlohmann::json::array()},
                       {"questions", nlohmann::json::array()}};
    for (const auto& s : d.sections) j["sections"].push_back({{"title", s.title}, {"banks", s.banks}});
    for (const auto& q : d.questions) j["questions"].push_back({{"id", q.question}, {"section", q.section}, {"order", q.order}});
}

void from_json(const nlohmann::json& j, QuizDraw& d) {
    d = QuizDraw{};
    d.quiz = j.at("quiz").get<std::string>();
    d.exam = j.at("exam").get<bool>();
    d.title = j.at("title").get<std::string>();
    d.seed = j.at("seed").get<std::uint64_t>();
    d.time_limit_seconds = j.value("time_limit_seconds", 0);
    for (const auto& s : j.at("sections"))
        d.sections.push_back({s.at("title").get<std::string>(), s.at("banks").get<std::vector<std::string>>()});
    for (const auto& q : j.at("questions"))
        d.questions.push_back({q.at("id").get<std::string>(), q.at("section").get<int>(), q.at("order").get<std::vector<int>>()});
}

PresentedQuestion presentQuestion(const Question& q, const DrawnQuestion& drawn, const OrgSettings& settings,
                                  const std::string& agent_name) {
    PresentedQuestion p;
    p.question = &q;
    p.prompt = fill(q.prompt, settings, agent_name);
    for (const auto& line : q.excerpt) p.excerpt.push_back({line.speaker, fill(line.text, settings, agent_name)});
    p.explanation = fill(q.explanation, settings, agent_name);
    if (q.type == QuestionType::TrueFalse) {
        p.choices = {"True", "False"};
        return p;
    }
    for (int index : drawn.order) {
        auto i = static_cast<size_t>(index);
        switch (q.type) {
            case QuestionType::Ordering: p.choices.push_back(i < q.items.size() ? fill(q.items[i], settings, agent_name) : "?"); break;
            case QuestionType::Matching: p.choices.push_back(i < q.pairs.size() ? fill(q.pairs[i].right, settings, agent_name) : "?"); break;
            default: p.choices.push_back(i < q.options.size() ? fill(q.options[i].text, settings, agent_name) : "?"); break;
        }
    }
    if (q.type == QuestionType::Matching)
        for (const auto& pair : q.pairs) p.lefts.push_back(fill(pair.left, settings, agent_name));
    return p;
}

bool answerWellFormed(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer) {
    const int n = q.type == QuestionType::TrueFalse ? 2 : static_cast<int>(drawn.order.size());
    if (q.type != QuestionType::TrueFalse && n != q.choiceCount()) return false;  // stale draw: content changed
    const auto& picks = answer.picks;
    if (picks.empty()) return false;
    if (std::any_of(picks.begin(), picks.end(), [n](int p) { return p < 0 || p >= n; })) return false;
    std::set<int> distinct(picks.begin(), picks.end());
    switch (q.type) {
        case QuestionType::Single:
        case QuestionType::Judgement:
        case QuestionType::TrueFalse: return picks.size() == 1;
        case QuestionType::Multiple: return distinct.size() == picks.size();
        case QuestionType::Ordering: return static_cast<int>(picks.size()) == n && static_cast<int>(distinct.size()) == n;
        case QuestionType::Matching: return static_cast<int>(picks.size()) == n;
    }
    return false;
}

std::optional<QuizAnswer> parseAnswerText(const Question& q, const DrawnQuestion& drawn, std::string_view text, std::string& error) {
    std::string all = trim(text);
    if (all.empty() || all == "-") return QuizAnswer{};
    QuizAnswer answer;
    if (q.type == QuestionType::TrueFalse) {
        const std::string lower = utf8::foldForSearch(all);
        if (lower == "true" || lower == "t" || lower == "yes" || lower == "y") answer.picks = {0};
        else if (lower == "false" || lower == "f" || lower == "no" || lower == "n") answer.picks = {1};
        else {
            error = "answer true or false";
            return std::nullopt;
        }
        return answer;
    }
    size_t start = 0;
    while (start <= all.size()) {
        size_t comma = all.find(',', start);
        std::string token = trim(std::string_view(all).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        auto position = positionFromToken(token);
        if (!position) {
            error = "'" + token + "' is not a letter or a number";
            return std::nullopt;
        }
        answer.picks.push_back(*position);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (answerWellFormed(q, drawn, answer)) return answer;
    const int n = static_cast<int>(drawn.order.size());
    const std::string last_letter = letter(std::max(n - 1, 0));
    switch (q.type) {
        case QuestionType::Single:
        case QuestionType::Judgement: error = "pick one option, a to " + last_letter; break;
        case QuestionType::Multiple: error = "pick options a to " + last_letter + ", separated by commas, each once"; break;
        case QuestionType::Ordering: error = "give all " + std::to_string(n) + " item numbers in your order, e.g. 2,1,3"; break;
        case QuestionType::Matching: error = "give one letter (a to " + last_letter + ") for each of the " + std::to_string(n) + " terms"; break;
        case QuestionType::TrueFalse: break;
    }
    return std::nullopt;
}

std::string answerText(const Question& q, const DrawnQuestion&, const QuizAnswer& answer) {
    if (!answer.answered()) return "-";
    if (q.type == QuestionType::TrueFalse) return answer.picks.front() == 0 ? "true" : "false";
    std::string out;
    for (size_t i = 0; i < answer.picks.size(); ++i) {
        if (i > 0) out += ",";
        out += q.type == QuestionType::Ordering ? std::to_string(answer.picks[i] + 1) : letter(answer.picks[i]);
    }
    return out;
}

QuizAnswer correctAnswer(const Question& q, const DrawnQuestion& drawn) {
    QuizAnswer answer;
    auto position_of = [&drawn](int index) {
        auto it = std::find(drawn.order.begin(), drawn.order.end(), index);
        return it == drawn.order.end() ? -1 : static_cast<int>(it - drawn.order.begin());
    };
    switch (q.type) {
        case QuestionType::TrueFalse: answer.picks = {q.true_answer ? 0 : 1}; break;
        case QuestionType::Ordering:
        case QuestionType::Matching:
            for (int k = 0; k < q.choiceCount(); ++k) answer.picks.push_back(position_of(k));
            break;
        default:
            for (const auto& id : q.correct)
                for (size_t i = 0; i < q.options.size(); ++i)
                    if (q.options[i].id == id) answer.picks.push_back(position_of(static_cast<int>(i)));
            std::sort(answer.picks.begin(), answer.picks.end());
            break;
    }
    return answer;
}

}  // namespace frontline
