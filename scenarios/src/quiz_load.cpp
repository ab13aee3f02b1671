// Loading question banks and exams: schema first (shape), then semantic checks that need the SOP
// or other files (ids, answers, duplicates, pools). Every problem is a Diagnostic at the offending
// value's line:column; a file with errors is skipped, the others still load.
#include <algorithm>
#include <map>
#include <set>
#include "frontline/quiz.hpp"
#include "frontline/translation.hpp"

namespace frontline {
namespace {

std::string at(const std::string& base, size_t index) { return base + "/" + std::to_string(index); }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::vector<std::string> stringList(const nlohmann::json& j, const char* key) {
    return j.contains(key) ? j.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}

// Checks one list of SOP ids (steps, rules…) and reports each unknown one at its own position.
template <typename Lookup>
bool checkIds(const JsonDocument& doc, const std::string& pointer, const std::vector<std::string>& ids,
              const char* what, Lookup known, std::vector<Diagnostic>& diags) {
    bool ok = true;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (!known(ids[i])) {
            diags.push_back(doc.diag(Severity::Error, at(pointer, i), "unknown SOP " + std::string(what) + " '" + ids[i] + "'"));
            ok = false;
        }
    }
    return ok;
}

Question questionFromJson(const nlohmann::json& j, const std::string& bank_id) {
    Question q;
    q.id = j.at("id").get<std::string>();
    q.type = questionTypeFromName(j.at("type").get<std::string>()).value_or(QuestionType::Single);
    q.prompt = j.at("prompt").get<std::string>();
    if (j.contains("excerpt"))
        for (const auto& line : j.at("excerpt")) q.excerpt.push_back({line.at("speaker").get<std::string>(), line.at("text").get<std::string>()});
    if (j.contains("options"))
        for (const auto& o : j.at("options"))
            q.options.push_back({o.at("id").get<std::string>(), o.at("text").get<std::string>(), o.value("feedback", std::string())});
    if (j.contains("answer")) {
        const auto& a = j.at("answer");
        if (a.is_boolean()) q.true_answer = a.get<bool>();
        else if (a.is_string()) q.correct = {a.get<std::string>()};
        else if (a.is_array()) q.correct = a.get<std::vector<std::string>>();
    }
    q.items = stringList(j, "items");
    if (j.contains("pairs"))
        for (const auto& p : j.at("pairs")) q.pairs.push_back({p.at("left").get<std::string>(), p.at("right").get<std::string>()});
    q.shuffle = j.value("shuffle", true);
    q.explanation = j.at("explanation").get<std::string>();
    q.source = j.at("source").get<std::string>();
    q.steps = stringList(j, "steps");
    q.rules = stringList(j, "rules");
    q.topics = stringList(j, "topics");
    q.triggers = stringList(j, "triggers");
    q.difficulty = j.at("difficulty").get<int>();
    q.bank = bank_id;
    return q;
}

// Fields a question type does not use are ignored; say so, since the author probably meant
// another type.
void warnUnusedFields(const JsonDocument& doc, const std::string& pointer, const nlohmann::json& j, QuestionType type,
                      std::vector<Diagnostic>& diags) {
    auto uses = [type](const std::string& field) {
        switch (type) {
            case QuestionType::Single:
            case QuestionType::Multiple: return field == "options" || field == "answer" || field == "shuffle";
            case QuestionType::Judgement: return field == "options" || field == "answer" || field == "shuffle" || field == "excerpt";
            case QuestionType::TrueFalse: return field == "answer";
            case QuestionType::Ordering: return field == "items";
            case QuestionType::Matching: return field == "pairs";
        }
        return false;
    };
    for (const char* field : {"options", "answer", "shuffle", "excerpt", "items", "pairs"}) {
        if (j.contains(field) && !uses(field))
            diags.push_back(doc.diag(Severity::Warning, pointer + "/" + field,
                                     std::string("'") + field + "' is ignored in a " + questionTypeName(type) + " question"));
    }
}

bool checkQuestion(const JsonDocument& doc, const std::string& pointer, const nlohmann::json& j, const Question& q,
                   const Sop& sop, std::vector<Diagnostic>& diags) {
    bool ok = true;
    auto error = [&](const std::string& where, const std::string& message) {
        diags.push_back(doc.diag(Severity::Error, where, message));
        ok = false;
    };
    warnUnusedFields(doc, pointer, j, q.type, diags);

    const bool has_options = q.type == QuestionType::Single || q.type == QuestionType::Multiple || q.type == QuestionType::Judgement;
    if (has_options) {
        std::map<std::string, size_t> option_index;
        for (size_t i = 0; i < q.options.size(); ++i) {
            if (!option_index.emplace(q.options[i].id, i).second)
                error(at(pointer + "/options", i) + "/id", "duplicate option id '" + q.options[i].id + "' in question '" + q.id + "'");
        }
        for (size_t i = 0; i < q.correct.size(); ++i) {
            if (!option_index.count(q.correct[i])) {
                std::string where = j.at("answer").is_array() ? at(pointer + "/answer", i) : pointer + "/answer";
                error(where, "answer '" + q.correct[i] + "' is not an option of question '" + q.id + "'");
            }
        }
        if (q.type == QuestionType::Multiple && !q.correct.empty() && q.correct.size() == q.options.size())
            diags.push_back(doc.diag(Severity::Warning, pointer + "/answer",
                                     "every option of '" + q.id + "' is correct: the question tests nothing"));
    }
    if (q.type == QuestionType::Ordering) {
        if (q.items.size() < 2) error(pointer + "/items", "ordering question '" + q.id + "' needs at least 2 items");
        std::set<std::string> seen;
        for (size_t i = 0; i < q.items.size(); ++i)
            if (!seen.insert(q.items[i]).second) error(at(pointer + "/items", i), "duplicate item in ordering question '" + q.id + "'");
    }
    if (q.type == QuestionType::Matching) {
        std::set<std::string> lefts, rights;
        for (size_t i = 0; i < q.pairs.size(); ++i) {
            if (!lefts.insert(q.pairs[i].left).second)
                error(at(pointer + "/pairs", i) + "/left", "term '" + q.pairs[i].left + "' appears twice in '" + q.id + "'");
            if (!rights.insert(q.pairs[i].right).second)
                error(at(pointer + "/pairs", i) + "/right", "definition appears twice in '" + q.id + "': the match is ambiguous");
        }
    }
    if (blank(q.explanation)) error(pointer + "/explanation", "question '" + q.id + "' has no explanation");
    if (blank(q.source)) error(pointer + "/source", "question '" + q.id + "' has no source citation");

    ok &= checkIds(doc, pointer + "/steps", q.steps, "step", [&](const std::string& id) { return sop.step(id) != nullptr; }, diags);
    ok &= checkIds(doc, pointer + "/rules", q.rules, "rule", [&](const std::string& id) { return sop.rule(id) != nullptr; }, diags);
    ok &= checkIds(doc, pointer + "/topics", q.topics, "topic", [&](const std::string& id) { return sop.topic(id) != nullptr; }, diags);
    ok &= checkIds(doc, pointer + "/triggers", q.triggers, "escalation trigger",
                   [&](const std::string& id) { return sop.trigger(id) != nullptr; }, diags);
    return ok;
}

}  // namespace

const char* questionTypeName(QuestionType t) {
    switch (t) {
        case QuestionType::Single: return "single";
        case QuestionType::Multiple: return "multiple";
        case QuestionType::TrueFalse: return "true_false";
        case QuestionType::Ordering: return "ordering";
        case QuestionType::Matching: return "matching";
        case QuestionType::Judgement: return "judgement";
    }
    return "single";
}

std::optional<QuestionType> questionTypeFromName(std::string_view name) {
    for (auto t : {QuestionType::Single, QuestionType::Multiple, QuestionType::TrueFalse, QuestionType::Ordering,
                   QuestionType::Matching, QuestionType::Judgement})
        if (name == questionTypeName(t)) return t;
    return std::nullopt;
}

int Question::choiceCount() const {
    switch (type) {
        case QuestionType::TrueFalse: return 2;
        case QuestionType::Ordering: return static_cast<int>(items.size());
        case QuestionType::Matching: return static_cast<int>(pairs.size());
        default: return static_cast<int>(options.size());
    }
}

const QuestionBank* QuizLibrary::bank(std::string_view id) const {
    for (const auto& b : banks)
        if (b.id == id) return &b;
    return nullptr;
}

const Exam* QuizLibrary::exam(std::string_view id) const {
    for (const auto& e : exams)
        if (e.id == id) return &e;
    return nullptr;
}

const Question* QuizLibrary::question(std::string_view id) const {
    for (const auto& b : banks)
        for (const auto& q : b.questions)
            if (q.id == id) return &q;
    return nullptr;
}

size_t QuizLibrary::questionCount() const {
    size_t n = 0;
    for (const auto& b : banks) n += b.questions.size();
    return n;
}

std::optional<QuestionBank> parseQuestionBank(const JsonDocument& doc, const Sop& sop, std::vector<Diagnostic>& diags) {
    if (!checkSchema(doc, "questions.schema.json", diags)) return std::nullopt;
    const auto& j = doc.value;
    QuestionBank bank;
    bank.file = doc.file;
    bank.id = j.at("id").get<std::string>();
    bank.title = j.at("title").get<std::string>();
    bank.section = j.at("section").get<std::string>();
    bank.source = j.value("source", std::string());
    bank.sop = j.at("sop").get<std::string>();
    bank.description = j.value("description", std::string());

    bool ok = true;
    if (bank.sop != sop.id) {
        diags.push_back(doc.diag(Severity::Error, "/sop", "bank '" + bank.id + "' is written for SOP '" + bank.sop +
                                                              "', but the loaded SOP is '" + sop.id + "'"));
        ok = false;
    }
    if (bank.section != "process" && sop.topic(bank.section) == nullptr) {
        diags.push_back(doc.diag(Severity::Error, "/section",
                                 "unknown section '" + bank.section + "': use an SOP topic id or 'process'"));
        ok = false;
    }
    std::map<std::string, std::string> first_seen;  // question id -> pointer of its first use
    const auto& questions = j.at("questions");
    for (size_t i = 0; i < questions.size(); ++i) {
        std::string pointer = at("/questions", i);
        Question q = questionFromJson(questions[i], bank.id);
        auto [it, inserted] = first_seen.emplace(q.id, pointer);
        if (!inserted) {
            diags.push_back(doc.diag(Severity::Error, pointer + "/id", "duplicate question id '" + q.id + "' (first used at line " +
                                                                           std::to_string(doc.position(it->second).first) + ")"));
            ok = false;
        }
        ok &= checkQuestion(doc, pointer, questions[i], q, sop, diags);
        bank.questions.push_back(std::move(q));
    }
    if (!ok) return std::nullopt;
    return bank;
}

std::optional<QuestionBank> loadQuestionBank(const std::filesystem::path& path, const Sop& sop, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(path, diags);
    if (!doc) return std::nullopt;
    return parseQuestionBank(*doc, sop, diags);
}

std::optional<Exam> parseExam(const JsonDocument& doc, const Sop& sop, const std::vector<QuestionBank>& banks,
                              std::vector<Diagnostic>& diags) {
    if (!checkSchema(doc, "exam.schema.json", diags)) return std::nullopt;
    const auto& j = doc.value;
    Exam exam;
    exam.file = doc.file;
    exam.id = j.at("id").get<std::string>();
    exam.title = j.at("title").get<std::string>();
    exam.description = j.value("description", std::string());
    exam.sop = j.at("sop").get<std::string>();
    exam.time_limit_minutes = j.value("time_limit_minutes", 0);

    bool ok = true;
    if (exam.sop != sop.id) {
        diags.push_back(doc.diag(Severity::Error, "/sop", "exam '" + exam.id + "' is written for SOP '" + exam.sop +
                                                              "', but the loaded SOP is '" + sop.id + "'"));
        ok = false;
    }
    auto find_bank = [&](const std::string& id) -> const QuestionBank* {
        for (const auto& b : banks)
            if (b.id == id) return &b;
        return nullptr;
    };
    std::set<std::string> used_banks;  // a bank in two sections could give the same question twice
    const auto& sections = j.at("sections");
    for (size_t s = 0; s < sections.size(); ++s) {
        std::string pointer = at("/sections", s);
        ExamSection section;
        section.banks = sections[s].at("banks").get<std::vector<std::string>>();
        section.count = sections[s].at("count").get<int>();
        section.max_difficulty = sections[s].value("max_difficulty", 3);
        section.title = sections[s].value("title", std::string());
        int pool = 0;
        bool banks_known = true;
        for (size_t b = 0; b < section.banks.size(); ++b) {
            const QuestionBank* bank = find_bank(section.banks[b]);
            if (!bank) {
                diags.push_back(doc.diag(Severity::Error, at(pointer + "/banks", b),
                                         "unknown question bank '" + section.banks[b] + "' (or it failed to load)"));
                ok = banks_known = false;
                continue;
            }
            if (!used_banks.insert(bank->id).second) {
                diags.push_back(doc.diag(Severity::Error, at(pointer + "/banks", b),
                                         "bank '" + bank->id + "' is already used by an earlier section"));
                ok = false;
            }
            if (section.title.empty()) section.title = bank->title;
            for (const auto& q : bank->questions)
                if (q.difficulty <= section.max_difficulty) ++pool;
        }
        if (banks_known && pool < section.count) {
            diags.push_back(doc.diag(Severity::Error, pointer + "/count",
                                     "section asks for " + std::to_string(section.count) + " questions but its banks hold only " +
                                         std::to_string(pool) + " (difficulty up to " + std::to_string(section.max_difficulty) + ")"));
            ok = false;
        }
        exam.sections.push_back(std::move(section));
    }
    if (!ok) return std::nullopt;
    return exam;
}

QuizLibrary loadQuizLibrary(const std::filesystem::path& questions_dir, const Sop& sop) {
    return loadQuizLibrary(questions_dir, sop, "en");
}

QuizLibrary loadQuizLibrary(const std::filesystem::path& questions_dir, const Sop& sop, const std::string& language) {
    QuizLibrary library;
    auto reject = [&library](const std::string& file, std::vector<Diagnostic> diags) {
        library.diagnostics.insert(library.diagnostics.end(), diags.begin(), diags.end());
        library.failed.push_back({file, std::move(diags)});
    };
    std::map<std::string, std::string> question_owner;  // question id -> bank id
    for (const auto& file : contentFilesIn(questions_dir)) {
        std::vector<Diagnostic> diags;
        auto doc = readJsonDocument(file, diags);
        std::optional<QuestionBank> bank;
        if (doc) bank = parseQuestionBank(*doc, sop, diags);
        if (bank && library.bank(bank->id)) {
            diags.push_back(doc->diag(Severity::Error, "/id", "bank id '" + bank->id + "' is already used by " + library.bank(bank->id)->file));
            bank.reset();
        }
        if (bank) {
            // Question ids are global: attempts and coverage refer to them without the bank.
            for (size_t i = 0; i < bank->questions.size(); ++i) {
                auto owner = question_owner.find(bank->questions[i].id);
                if (owner != question_owner.end()) {
                    diags.push_back(doc->diag(Severity::Error, at("/questions", i) + "/id",
                                              "question id '" + bank->questions[i].id + "' is already used in bank '" + owner->second + "'"));
                    bank.reset();
                    break;
                }
            }
        }
        if (!bank) {
            reject(file.string(), std::move(diags));
            continue;
        }
        for (const auto& q : bank->questions) question_owner.emplace(q.id, bank->id);
        library.diagnostics.insert(library.diagnostics.end(), diags.begin(), diags.end());
        library.banks.push_back(std::move(*bank));
    }
    std::sort(library.banks.begin(), library.banks.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    // Before the exams: a section without a title shows its first bank's, translated.
    applyBankTranslations(library.banks, questions_dir.parent_path(), language, library.diagnostics);

    for (const auto& file : contentFilesIn(questions_dir / "exams")) {
        std::vector<Diagnostic> diags;
        auto doc = readJsonDocument(file, diags);
        std::optional<Exam> exam;
        if (doc) exam = parseExam(*doc, sop, library.banks, diags);
        if (exam && library.exam(exam->id)) {
            diags.push_back(doc->diag(Severity::Error, "/id", "exam id '" + exam->id + "' is already used by " + library.exam(exam->id)->file));
            exam.reset();
        }
        if (exam && library.bank(exam->id)) {
            diags.push_back(doc->diag(Severity::Error, "/id", "exam id '" + exam->id + "' is also a question bank id: `frontline quiz " +
                                                                  exam->id + "` would be ambiguous"));
            exam.reset();
        }
        if (!exam) {
            reject(file.string(), std::move(diags));
            continue;
        }
        library.diagnostics.insert(library.diagnostics.end(), diags.begin(), diags.end());
        library.exams.push_back(std::move(*exam));
    }
    std::sort(library.exams.begin(), library.exams.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return library;
}

}  // namespace frontline
