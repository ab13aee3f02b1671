#pragma once
// Knowledge checks: question banks (one per SOP section) and exams drawn from them, as data under
// scenarios/content/questions/ (format: docs/content-format.md, "Question banks").
//
//   loading    parseQuestionBank / parseExam / loadQuizLibrary — schema + semantic checks, errors
//              as Diagnostics with file:line:column; one bad file never stops the others.
//   drawing    drawExam / drawBank — seeded and deterministic; the QuizDraw is a plain record
//              that round-trips through JSON, so an attempt can be shown and graded again later.
//   answering  QuizAnswer in display terms (what the trainee clicked); parseAnswerText for the
//              terminal's "b;a,c;true;3,1,2" syntax.
//   grading    gradeQuestion (practice: instant feedback) / gradeQuiz (all-or-nothing per question,
//              per-section and total percent, pass against OrgSettings::quiz_pass_mark).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/content.hpp"
#include "frontline/diagnostics.hpp"
#include "frontline/settings.hpp"
#include "frontline/sop.hpp"

namespace frontline {

// ---- content ---------------------------------------------------------------------------------

enum class QuestionType { Single, Multiple, TrueFalse, Ordering, Matching, Judgement };
const char* questionTypeName(QuestionType t);  // "single", "multiple", "true_false"…
std::optional<QuestionType> questionTypeFromName(std::string_view name);

struct QuestionOption {
    std::string id;        // short, unique within the question ("a")
    std::string text;
    std::string feedback;  // practice mode: shown when chosen
};

struct ExcerptLine {
    std::string speaker;  // customer | agent | supervisor | system
    std::string text;
};

struct MatchPair {
    std::string left, right;
};

struct Question {
    std::string id;  // unique across all banks
    QuestionType type = QuestionType::Single;
    std::string prompt;
    std::vector<ExcerptLine> excerpt;     // judgement
    std::vector<QuestionOption> options;  // single, multiple, judgement
    std::vector<std::string> correct;     // option ids: one for single/judgement, the set for multiple
    bool true_answer = false;             // true_false
    std::vector<std::string> items;       // ordering, in the correct order
    std::vector<MatchPair> pairs;         // matching, correctly paired
    bool shuffle = true;                  // false keeps options in file order
    std::string explanation;
    std::string source;  // citation, e.g. "SOP §4 Step 2"
    std::vector<std::string> steps, rules, topics, triggers;  // coverage tags (SOP ids)
    int difficulty = 1;
    std::string bank;  // id of the bank it belongs to

    // How many things the trainee picks between: options, ordering items, matching right-hand
    // sides; 2 for true/false.
    int choiceCount() const;
};

struct QuestionBank {
    std::string id;
    std::string title;
    std::string section;  // SOP topic id or "process"
    std::string source;
    std::string sop;
    std::string description;
    std::string file;
    std::vector<Question> questions;
};

struct ExamSection {
    std::string title;               // defaults to the first bank's title
    std::vector<std::string> banks;  // pooled
    int count = 0;
    int max_difficulty = 3;
};

struct Exam {
    std::string id;
    std::string title;
    std::string description;
    std::string sop;
    int time_limit_minutes = 0;  // 0: untimed
    std::vector<ExamSection> sections;
    std::string file;
};

struct QuizLibrary {
    std::vector<QuestionBank> banks;  // sorted by id
    std::vector<Exam> exams;          // sorted by id
    std::vector<ContentFileError> failed;
    std::vector<Diagnostic> diagnostics;  // everything reported, all files

    const QuestionBank* bank(std::string_view id) const;
    const Exam* exam(std::string_view id) const;
    const Question* question(std::string_view id) const;
    size_t questionCount() const;
};

// One bank file: schema, then semantic checks against the SOP (ids, answers, duplicates).
std::optional<QuestionBank> parseQuestionBank(const JsonDocument& doc, const Sop& sop, std::vector<Diagnostic>& diags);
std::optional<QuestionBank> loadQuestionBank(const std::filesystem::path& path, const Sop& sop,
                                             std::vector<Diagnostic>& diags);
// One exam file, checked against the banks that loaded (unknown bank, pool smaller than count).
std::optional<Exam> parseExam(const JsonDocument& doc, const Sop& sop, const std::vector<QuestionBank>& banks,
                              std::vector<Diagnostic>& diags);
// questions/*.json are banks, questions/exams/*.json are exams. A question id already used by an
// earlier bank (file name order) rejects the later bank.
QuizLibrary loadQuizLibrary(const std::filesystem::path& questions_dir, const Sop& sop);

// ---- drawing ---------------------------------------------------------------------------------

struct DrawnQuestion {
    std::string question;  // question id
    int section = 0;       // index into QuizDraw::sections
    // Display position -> index into options / items / pairs (right-hand sides). Empty for
    // true/false.
    std::vector<int> order;
};

struct DrawSection {
    std::string title;
    std::vector<std::string> banks;
};

struct QuizDraw {
    std::string quiz;  // exam or bank id
    bool exam = false;  // false: a single bank taken on its own
    std::string title;
    std::uint64_t seed = 0;
    int time_limit_seconds = 0;  // 0: untimed
    std::vector<DrawSection> sections;
    std::vector<DrawnQuestion> questions;  // grouped by section, in display order
};

// N questions per section from the pooled banks, then options shuffled. The same library, exam and
// seed always give the same draw (our own Fisher-Yates over std::mt19937_64: std::shuffle's
// result differs between standard libraries).
QuizDraw drawExam(const QuizLibrary& library, const Exam& exam, std::uint64_t seed);
// Every question of the bank (or `count` of them when 0 < count < size), shuffled.
QuizDraw drawBank(const QuestionBank& bank, std::uint64_t seed, int count = 0);
// An exam id first, then a bank id; nullopt when neither exists.
std::optional<QuizDraw> drawQuiz(const QuizLibrary& library, std::string_view id, std::uint64_t seed);

void to_json(nlohmann::json& j, const QuizDraw& d);
// Throws nlohmann::json::exception on a malformed record.
void from_json(const nlohmann::json& j, QuizDraw& d);

// A drawn question as shown: texts with placeholders filled and choices in display order.
struct PresentedQuestion {
    const Question* question = nullptr;
    std::string prompt;
    std::vector<ExcerptLine> excerpt;
    std::vector<std::string> choices;  // options / items / right-hand sides; "True", "False"
    std::vector<std::string> lefts;    // matching: terms, in file order
    std::string explanation;
};
PresentedQuestion presentQuestion(const Question& q, const DrawnQuestion& drawn, const OrgSettings& settings,
                                  const std::string& agent_name);

// ---- answering -------------------------------------------------------------------------------

// An answer in display positions (0-based), i.e. what the trainee picked on screen:
//   single / judgement  {k}
//   multiple            the picked positions, any order
//   true_false          {0} for true, {1} for false (choices are "True", "False")
//   ordering            positions in the order the trainee put them (a permutation)
//   matching            for each left term (file order), the position of the chosen right side
// Empty picks = unanswered (graded wrong).
struct QuizAnswer {
    std::vector<int> picks;
    bool answered() const { return !picks.empty(); }
};

// Whether `answer` has the right shape for the question (a permutation for ordering, one pick per
// term for matching, positions in range…). Graded answers of the wrong shape are simply wrong.
bool answerWellFormed(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer);

// The terminal syntax for one answer: single/judgement "b"; multiple "a,c"; true_false
// "true"/"false"/"t"/"f"; ordering "3,1,2" (item numbers in the order you put them); matching
// "c,a,b" (for each term in turn, the letter of its definition); "" or "-" = skip.
// Returns nullopt and sets `error` when the text does not fit the question.
std::optional<QuizAnswer> parseAnswerText(const Question& q, const DrawnQuestion& drawn, std::string_view text,
                                          std::string& error);
// The inverse, for printing and for tests: the answer in the syntax above.
std::string answerText(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer);
// The correct answer in display positions.
QuizAnswer correctAnswer(const Question& q, const DrawnQuestion& drawn);

// ---- grading ---------------------------------------------------------------------------------

enum class QuizMode { Practice, Exam };  // practice: feedback after each answer; exam: after submit
const char* quizModeName(QuizMode m);

struct QuestionResult {
    std::string question;
    int section = 0;
    bool answered = false;
    bool correct = false;
    bool missing = false;  // the question no longer exists in the content (replaying an old draw)
    std::string prompt;    // filled
    std::string given;     // the trainee's answer, readable ("b) Total time…"; "—" when unanswered)
    std::string expected;  // the correct answer, readable
    std::string feedback;  // chosen options' feedback, if any
    std::string explanation;
    std::string source;
};

struct SectionResult {
    std::string title;
    int correct = 0;
    int total = 0;
    int percent = 0;  // rounded down
};

struct QuizResult {
    std::string quiz;
    std::string title;
    QuizMode mode = QuizMode::Exam;
    std::uint64_t seed = 0;
    int correct = 0;
    int total = 0;
    int percent = 0;  // rounded down
    int pass_mark = 0;
    bool passed = false;  // correct * 100 >= pass_mark * total
    bool timed_out = false;
    std::vector<SectionResult> sections;
    std::vector<QuestionResult> questions;  // in draw order
};

QuestionResult gradeQuestion(const Question& q, const DrawnQuestion& drawn, const QuizAnswer& answer,
                             const OrgSettings& settings, const std::string& agent_name);
// `answers` lines up with draw.questions; missing trailing answers are unanswered.
QuizResult gradeQuiz(const QuizLibrary& library, const QuizDraw& draw, const std::vector<QuizAnswer>& answers,
                     QuizMode mode, const OrgSettings& settings, const std::string& agent_name);

void to_json(nlohmann::json& j, const QuizResult& r);
// What the store keeps in QuizAttemptRecord::detail: the draw, the answers and the result.
nlohmann::json quizAttemptDetail(const QuizDraw& draw, const std::vector<QuizAnswer>& answers, const QuizResult& result);

}  // namespace frontline
