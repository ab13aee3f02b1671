// Knowledge checks: loading banks and exams (with compiler-style diagnostics), seeded drawing,
// the terminal answer syntax and all-or-nothing grading for every question type.
#include <doctest/doctest.h>
#include <algorithm>
#include <set>
#include "frontline/content.hpp"
#include "frontline/quiz.hpp"

using namespace frontline;

namespace {

const std::filesystem::path kContent = FRONTLINE_TEST_CONTENT_DIR;
const std::filesystem::path kFixtures = std::filesystem::path(FRONTLINE_TEST_FIXTURES_DIR) / "questions";

const Sop& testSop() {
    static const Sop sop = [] {
        std::vector<Diagnostic> diags;
        auto loaded = loadSop(kContent / "sop" / "inbound.sop.json", diags);
        REQUIRE(loaded.has_value());
        return *loaded;
    }();
    return sop;
}

QuestionBank goodBank() {
    std::vector<Diagnostic> diags;
    auto bank = loadQuestionBank(kFixtures / "mixed" / "a_good.json", testSop(), diags);
    REQUIRE_MESSAGE(bank.has_value(), (diags.empty() ? std::string() : format(diags.front())));
    return *bank;
}

// Loads a bad fixture and returns its error diagnostics.
std::vector<Diagnostic> errorsOf(const std::string& fixture) {
    std::vector<Diagnostic> diags;
    auto bank = loadQuestionBank(kFixtures / "bad" / fixture, testSop(), diags);
    CHECK_FALSE(bank.has_value());
    std::vector<Diagnostic> errors;
    for (const auto& d : diags)
        if (d.severity == Severity::Error) errors.push_back(d);
    return errors;
}

bool hasError(const std::vector<Diagnostic>& diags, int line, int column, const std::string& fragment) {
    return std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) {
        return d.severity == Severity::Error && d.line == line && d.column == column && d.message.find(fragment) != std::string::npos;
    });
}

std::string dump(const std::vector<Diagnostic>& diags) {
    std::string out;
    for (const auto& d : diags) out += format(d) + "\n";
    return out;
}

const DrawnQuestion& drawnFor(const QuizDraw& draw, const std::string& id) {
    for (const auto& q : draw.questions)
        if (q.question == id) return q;
    FAIL("question " << id << " not drawn");
    return draw.questions.front();
}

// Display position of a choice by its text: answers built the way a trainee would pick them,
// independent of correctAnswer().
int positionOf(const PresentedQuestion& p, const std::string& text) {
    auto it = std::find(p.choices.begin(), p.choices.end(), text);
    REQUIRE_MESSAGE(it != p.choices.end(), "no choice '" << text << "'");
    return static_cast<int>(it - p.choices.begin());
}

struct Graded {
    bool correct;
    QuestionResult result;
};

Graded grade(const QuestionBank& bank, const QuizDraw& draw, const std::string& id, std::vector<int> picks) {
    const Question* q = nullptr;
    for (const auto& candidate : bank.questions)
        if (candidate.id == id) q = &candidate;
    REQUIRE(q);
    auto r = gradeQuestion(*q, drawnFor(draw, id), QuizAnswer{std::move(picks)}, OrgSettings{}, "Sam");
    return {r.correct, r};
}

const Question& questionIn(const QuestionBank& bank, const std::string& id) {
    for (const auto& q : bank.questions)
        if (q.id == id) return q;
    FAIL("no question " << id);
    return bank.questions.front();
}

PresentedQuestion shown(const QuestionBank& bank, const QuizDraw& draw, const std::string& id) {
    return presentQuestion(questionIn(bank, id), drawnFor(draw, id), OrgSettings{}, "Sam");
}

}  // namespace

TEST_CASE("the bundled question banks and exams load without errors") {
    auto library = loadQuizLibrary(kContent / "questions", testSop());
    CHECK_MESSAGE(library.failed.empty(), dump(library.diagnostics));
    const QuestionBank* definitions = library.bank("definitions");
    REQUIRE(definitions);
    CHECK(definitions->questions.size() >= 10);
    std::set<QuestionType> types;
    for (const auto& q : definitions->questions) types.insert(q.type);
    CHECK(types.size() == 6);  // the sample bank shows every question type
    REQUIRE(library.exam("definitions-check"));
    CHECK(library.exam("definitions-check")->time_limit_minutes == 10);
}

TEST_CASE("single and judgement questions: the right option by text is correct, another is wrong") {
    auto bank = goodBank();
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        auto draw = drawBank(bank, seed);
        auto single = shown(bank, draw, "good.single");
        CHECK(grade(bank, draw, "good.single", {positionOf(single, "Verify the customer's identity")}).correct);
        CHECK_FALSE(grade(bank, draw, "good.single", {positionOf(single, "Provide a resolution")}).correct);
        CHECK_FALSE(grade(bank, draw, "good.single", {}).correct);  // unanswered

        auto judge = shown(bank, draw, "good.judge");
        REQUIRE(judge.excerpt.size() == 1);
        CHECK(judge.excerpt[0].text == "Get me your manager at Brightwave Telecom.");  // placeholders filled
        auto right = grade(bank, draw, "good.judge", {positionOf(judge, "Warm-transfer to the supervisor with context")});
        CHECK(right.correct);
        CHECK(right.result.feedback == "Right: warm transfer.");
        auto wrong = grade(bank, draw, "good.judge", {positionOf(judge, "Cold-transfer")});
        CHECK_FALSE(wrong.correct);
        CHECK(wrong.result.feedback == "Never cold-transfer.");
        CHECK(wrong.result.expected.find("Warm-transfer") != std::string::npos);
    }
}

TEST_CASE("multiple: all-or-nothing") {
    auto bank = goodBank();
    auto draw = drawBank(bank, 7);
    auto p = shown(bank, draw, "good.multiple");
    int supervisor = positionOf(p, "Customer requests a supervisor");
    int legal = positionOf(p, "Legal concern");
    int polite = positionOf(p, "Customer is polite");
    CHECK(grade(bank, draw, "good.multiple", {legal, supervisor}).correct);  // any order
    CHECK_FALSE(grade(bank, draw, "good.multiple", {supervisor}).correct);  // missing one
    CHECK_FALSE(grade(bank, draw, "good.multiple", {supervisor, legal, polite}).correct);  // one too many
    CHECK_FALSE(grade(bank, draw, "good.multiple", {supervisor, supervisor}).correct);  // malformed
}

TEST_CASE("true/false") {
    auto bank = goodBank();
    auto draw = drawBank(bank, 7);
    auto p = shown(bank, draw, "good.tf");
    CHECK(p.choices == std::vector<std::string>{"True", "False"});
    CHECK(grade(bank, draw, "good.tf", {0}).correct);
    CHECK_FALSE(grade(bank, draw, "good.tf", {1}).correct);
    CHECK_FALSE(grade(bank, draw, "good.tf", {2}).correct);
}

TEST_CASE("ordering: only the full correct order counts") {
    auto bank = goodBank();
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        auto draw = drawBank(bank, seed);
        auto p = shown(bank, draw, "good.order");
        CHECK(p.choices != std::vector<std::string>{"Receive", "Verify", "Understand", "Resolve"});  // never gives itself away
        std::vector<int> order;
        for (const char* item : {"Receive", "Verify", "Understand", "Resolve"}) order.push_back(positionOf(p, item));
        CHECK(grade(bank, draw, "good.order", order).correct);
        std::swap(order[2], order[3]);
        CHECK_FALSE(grade(bank, draw, "good.order", order).correct);
        order.pop_back();
        CHECK_FALSE(grade(bank, draw, "good.order", order).correct);
    }
}

TEST_CASE("matching: every pair must match") {
    auto bank = goodBank();
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        auto draw = drawBank(bank, seed);
        auto p = shown(bank, draw, "good.match");
        CHECK(p.lefts == std::vector<std::string>{"AHT", "FCR", "IVR"});
        CHECK(p.choices != std::vector<std::string>{"Answer to wrap-up", "Resolved first time", "Phone menu"});
        std::vector<int> picks{positionOf(p, "Answer to wrap-up"), positionOf(p, "Resolved first time"), positionOf(p, "Phone menu")};
        auto right = grade(bank, draw, "good.match", picks);
        CHECK(right.correct);
        CHECK(right.result.given == "AHT → Answer to wrap-up; FCR → Resolved first time; IVR → Phone menu");
        std::swap(picks[0], picks[1]);
        CHECK_FALSE(grade(bank, draw, "good.match", picks).correct);
    }
}

TEST_CASE("drawing is deterministic per seed and differs across seeds") {
    auto library = loadQuizLibrary(kContent / "questions", testSop());
    const QuestionBank* bank = library.bank("definitions");
    REQUIRE(bank);
    nlohmann::json first = drawBank(*bank, 42);
    nlohmann::json again = drawBank(*bank, 42);
    CHECK(first == again);
    std::set<std::string> distinct;
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        nlohmann::json d = drawBank(*bank, seed);
        distinct.insert(d["questions"].dump());
    }
    CHECK(distinct.size() == 10);

    // Pinned: a recorded seed must give the same draw on every standard library and build.
    auto fixtures = loadQuizLibrary(kFixtures / "mixed", testSop());
    nlohmann::json pinned = *drawQuiz(fixtures, "good", 42);
    CHECK(pinned["questions"].dump() ==
          R"([{"id":"good.single","order":[2,0,1],"section":0},{"id":"good.judge","order":[1,0],"section":0},)"
          R"({"id":"good.match","order":[0,2,1],"section":0},{"id":"good.order","order":[1,3,0,2],"section":0},)"
          R"({"id":"good.multiple","order":[3,0,2,1],"section":0},{"id":"good.tf","order":[],"section":0}])");

    auto draw = drawBank(*bank, 42);
    CHECK(draw.questions.size() == bank->questions.size());
    std::set<std::string> ids;
    for (const auto& q : draw.questions) ids.insert(q.question);
    CHECK(ids.size() == bank->questions.size());
}

TEST_CASE("shuffled options keep the answers correct for every question and seed") {
    auto library = loadQuizLibrary(kContent / "questions", testSop());
    REQUIRE(library.bank("definitions"));
    const auto& bank = *library.bank("definitions");
    std::set<std::string> first_choices;  // of one question across seeds: proves options move
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        auto draw = drawBank(bank, seed);
        for (const auto& drawn : draw.questions) {
            const Question& q = questionIn(bank, drawn.question);
            auto p = presentQuestion(q, drawn, OrgSettings{}, "Sam");
            // Build the right answer from the file's texts, the way a trainee reads them.
            std::vector<int> picks;
            switch (q.type) {
                case QuestionType::TrueFalse: picks = {q.true_answer ? 0 : 1}; break;
                case QuestionType::Ordering:
                    for (const auto& item : q.items) picks.push_back(positionOf(p, fillPlaceholders(item, OrgSettings{}, "Sam")));
                    break;
                case QuestionType::Matching:
                    for (const auto& pair : q.pairs) picks.push_back(positionOf(p, fillPlaceholders(pair.right, OrgSettings{}, "Sam")));
                    break;
                default:
                    for (const auto& option : q.options)
                        if (std::find(q.correct.begin(), q.correct.end(), option.id) != q.correct.end())
                            picks.push_back(positionOf(p, fillPlaceholders(option.text, OrgSettings{}, "Sam")));
                    break;
            }
            auto r = gradeQuestion(q, drawn, QuizAnswer{picks}, OrgSettings{}, "Sam");
            CHECK_MESSAGE(r.correct, q.id << " seed " << seed);
            if (q.type != QuestionType::Multiple)  // a multiple's picks may come in another order
                CHECK(answerText(q, drawn, correctAnswer(q, drawn)) == answerText(q, drawn, QuizAnswer{picks}));
            if (q.id == "def.aht.meaning") first_choices.insert(p.choices.front());
        }
    }
    CHECK(first_choices.size() > 1);
}

TEST_CASE("a draw round-trips through JSON and replays to the same result") {
    auto library = loadQuizLibrary(kFixtures / "mixed", testSop());
    auto draw = drawQuiz(library, "good", 9);
    REQUIRE(draw);
    nlohmann::json saved = *draw;
    auto restored = saved.get<QuizDraw>();
    CHECK(nlohmann::json(restored) == saved);

    std::vector<QuizAnswer> answers;
    for (const auto& d : draw->questions) answers.push_back(correctAnswer(*library.question(d.question), d));
    answers[1] = QuizAnswer{};  // one unanswered
    auto original = gradeQuiz(library, *draw, answers, QuizMode::Exam, OrgSettings{}, "Sam");
    auto replayed = gradeQuiz(library, restored, answers, QuizMode::Exam, OrgSettings{}, "Sam");
    CHECK(nlohmann::json(original) == nlohmann::json(replayed));
    CHECK(original.correct == 5);
    CHECK(original.total == 6);
    CHECK_FALSE(original.questions[1].answered);
    CHECK(original.questions[1].given == "(no answer)");

    auto detail = quizAttemptDetail(*draw, answers, original);
    CHECK(detail["draw"]["seed"] == 9);
    CHECK(detail["answers"].size() == 6);
    CHECK(detail["result"]["percent"] == 83);
}

TEST_CASE("grading: sections, percent, pass mark on the exact ratio") {
    auto library = loadQuizLibrary(kFixtures / "mixed", testSop());
    const Exam* exam = library.exam("good-exam");
    REQUIRE(exam);
    auto draw = drawExam(library, *exam, 3);
    CHECK(draw.exam);
    CHECK(draw.time_limit_seconds == 300);
    REQUIRE(draw.questions.size() == 3);
    for (const auto& d : draw.questions) CHECK(library.question(d.question)->difficulty == 1);

    std::vector<QuizAnswer> answers;
    for (const auto& d : draw.questions) answers.push_back(correctAnswer(*library.question(d.question), d));
    answers[2] = QuizAnswer{{99}};  // out of range: wrong, not a crash

    OrgSettings settings;
    settings.quiz_pass_mark = 67;  // 2/3 = 66.67% < 67
    auto result = gradeQuiz(library, draw, answers, QuizMode::Exam, settings, "Sam");
    CHECK(result.correct == 2);
    CHECK(result.percent == 66);
    CHECK_FALSE(result.passed);
    REQUIRE(result.sections.size() == 1);
    CHECK(result.sections[0].title == "Easy part");
    CHECK(result.sections[0].percent == 66);
    CHECK(result.questions[2].given == "(invalid answer)");

    settings.quiz_pass_mark = 66;
    CHECK(gradeQuiz(library, draw, answers, QuizMode::Exam, settings, "Sam").passed);

    // A question deleted from the content since the attempt: wrong, flagged, no crash.
    draw.questions[0].question = "gone.question";
    auto replay = gradeQuiz(library, draw, answers, QuizMode::Exam, settings, "Sam");
    CHECK(replay.questions[0].missing);
    CHECK_FALSE(replay.questions[0].correct);
}

TEST_CASE("terminal answer syntax") {
    auto bank = goodBank();
    auto draw = drawBank(bank, 5);
    std::string error;
    const auto& single = questionIn(bank, "good.single");
    auto a = parseAnswerText(single, drawnFor(draw, "good.single"), " B ", error);
    REQUIRE(a);
    CHECK(a->picks == std::vector<int>{1});
    CHECK_FALSE(parseAnswerText(single, drawnFor(draw, "good.single"), "z", error));
    CHECK(error == "pick one option, a to c");
    CHECK_FALSE(parseAnswerText(single, drawnFor(draw, "good.single"), "a,b", error));
    auto skipped = parseAnswerText(single, drawnFor(draw, "good.single"), "-", error);
    REQUIRE(skipped);
    CHECK_FALSE(skipped->answered());

    const auto& tf = questionIn(bank, "good.tf");
    CHECK(parseAnswerText(tf, drawnFor(draw, "good.tf"), "True", error)->picks == std::vector<int>{0});
    CHECK(parseAnswerText(tf, drawnFor(draw, "good.tf"), "f", error)->picks == std::vector<int>{1});
    CHECK_FALSE(parseAnswerText(tf, drawnFor(draw, "good.tf"), "maybe", error));

    const auto& order = questionIn(bank, "good.order");
    auto o = parseAnswerText(order, drawnFor(draw, "good.order"), "4,2,3,1", error);
    REQUIRE(o);
    CHECK(o->picks == std::vector<int>{3, 1, 2, 0});
    CHECK(answerText(order, drawnFor(draw, "good.order"), *o) == "4,2,3,1");
    CHECK_FALSE(parseAnswerText(order, drawnFor(draw, "good.order"), "1,2,3", error));
    CHECK(error.find("all 4 item numbers") != std::string::npos);
    CHECK_FALSE(parseAnswerText(order, drawnFor(draw, "good.order"), "1,1,2,3", error));

    const auto& match = questionIn(bank, "good.match");
    auto m = parseAnswerText(match, drawnFor(draw, "good.match"), "c,a,b", error);
    REQUIRE(m);
    CHECK(answerText(match, drawnFor(draw, "good.match"), *m) == "c,a,b");
    CHECK_FALSE(parseAnswerText(match, drawnFor(draw, "good.match"), "c,a", error));

    // The correct answer's text parses back to a correct answer, for every question.
    for (const auto& d : draw.questions) {
        const auto& q = questionIn(bank, d.question);
        auto text = answerText(q, d, correctAnswer(q, d));
        auto parsed = parseAnswerText(q, d, text, error);
        REQUIRE_MESSAGE(parsed, q.id << ": " << error);
        CHECK(gradeQuestion(q, d, *parsed, OrgSettings{}, "Sam").correct);
    }
}

TEST_CASE("loader errors point at file:line:column") {
    SUBCASE("invalid JSON") {
        auto errors = errorsOf("invalid_json.json");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].line == 7);
        CHECK(errors[0].column >= 73);  // nlohmann points into the unexpected token "answer"
        CHECK(errors[0].column <= 81);
        CHECK(errors[0].message.find("invalid JSON") != std::string::npos);
    }
    SUBCASE("schema: a single question without an answer") {
        auto errors = errorsOf("missing_answer.json");
        CHECK_MESSAGE(hasError(errors, 7, 5, "Missing required property 'answer'"), dump(errors));
        CHECK(errors[0].file.find("missing_answer.json") != std::string::npos);
    }
    SUBCASE("answer refers to an unknown option") {
        auto errors = errorsOf("unknown_option.json");
        REQUIRE_MESSAGE(errors.size() == 1, dump(errors));
        CHECK(hasError(errors, 12, 23, "answer 'z' is not an option of question 'uo.1'"));
        CHECK(errors[0].json_path == "/questions/0/answer/1");
    }
    SUBCASE("ordering with fewer than 2 items") {
        auto errors = errorsOf("short_ordering.json");
        CHECK_MESSAGE(hasError(errors, 11, 16, "needs at least 2 items"), dump(errors));
    }
    SUBCASE("unknown step, rule, topic and trigger ids") {
        auto errors = errorsOf("unknown_ids.json");
        CHECK_MESSAGE(errors.size() == 4, dump(errors));
        CHECK(hasError(errors, 14, 27, "unknown SOP step 'verfiy'"));
        CHECK(hasError(errors, 15, 17, "unknown SOP rule 'no_disclosure'"));
        CHECK(hasError(errors, 16, 18, "unknown SOP topic 'greeting'"));
        CHECK(hasError(errors, 17, 20, "unknown SOP escalation trigger 'angry_customer'"));
    }
    SUBCASE("duplicate question and option ids") {
        auto errors = errorsOf("duplicate_ids.json");
        CHECK_MESSAGE(hasError(errors, 8, 13, "duplicate question id 'dup.1' (first used at line 7)"), dump(errors));
        CHECK(hasError(errors, 13, 55, "duplicate option id 'a'"));
    }
    SUBCASE("blank explanation") {
        auto errors = errorsOf("blank_explanation.json");
        CHECK_MESSAGE(hasError(errors, 7, 93, "has no explanation"), dump(errors));
    }
    SUBCASE("unknown section") {
        auto errors = errorsOf("unknown_section.json");
        CHECK_MESSAGE(hasError(errors, 4, 14, "unknown section 'glossary'"), dump(errors));
    }
}

TEST_CASE("a bad bank beside a good one: the good one still loads") {
    auto library = loadQuizLibrary(kFixtures / "mixed", testSop());
    REQUIRE(library.banks.size() == 1);
    CHECK(library.banks[0].id == "good");
    CHECK(library.questionCount() == 6);

    std::set<std::string> failed;
    for (const auto& f : library.failed) failed.insert(std::filesystem::path(f.file).filename().string());
    CHECK(failed == std::set<std::string>{"b_broken.json", "c_reuses_id.json", "unknown-bank.json", "too-many.json"});
    CHECK_MESSAGE(hasError(library.diagnostics, 7, 75, "schema"), dump(library.diagnostics));  // "answer": "yes"
    CHECK(hasError(library.diagnostics, 8, 13, "question id 'good.tf' is already used in bank 'good'"));
    CHECK(hasError(library.diagnostics, 6, 25, "unknown question bank 'broken'"));
    CHECK(hasError(library.diagnostics, 6, 35, "asks for 7 questions but its banks hold only 6"));

    REQUIRE(library.exams.size() == 1);
    CHECK(library.exams[0].id == "good-exam");
    CHECK_FALSE(drawQuiz(library, "broken", 1).has_value());
}
