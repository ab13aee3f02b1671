// frontline quiz [EXAM_OR_BANK] — take a knowledge check in the terminal and record it.
//   listing   --list: banks and exams (with any content errors on stderr)
//   answering interactive (a line per question, re-asked until it parses), or --answers "b;a,c;true"
//             for scripts; piped stdin works like a terminal
//   practice  verdict, option feedback and explanation after each answer; exam: only after the end
//   result    per-section results; practice: every explanation, exam: the weak sections (no answer
//             key); recorded with Store::recordQuizAttempt. An exam obeys the policies' attempt limits
#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>
#include <random>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/translation.hpp"
#include "frontline/certification.hpp"
#include "frontline/policy.hpp"
#include "frontline/quiz.hpp"

namespace frontline::cli {
namespace {

constexpr const char* kUsage = N_(
    "usage: frontline quiz EXAM_OR_BANK [--practice] [--seed N] [--answers \"b;a,c;true;3,1,2\"]\n"
    "                      [--trainee NAME] [--pin-file FILE] [--json] [--db PATH] [--content DIR]\n"
    "       frontline quiz --list [--json]\n"
    "Takes a knowledge check and records it for the trainee. An exam draws its questions per section;\n"
    "a bank on its own asks all its questions. --practice shows feedback after each answer (exam mode:\n"
    "only at the end). Answers: single/judgement 'b', select-all 'a,c', true/false 'true', ordering\n"
    "'3,1,2' (item numbers in your order), matching 'c,a,b' (a letter per term), '-' to skip;\n"
    "--answers separates questions with ';'. A timed exam ends when its time is up. When the desk's\n"
    "settings ask trainees for a PIN (trainee_pin_digits), it is read from --pin-file or asked for.\n");

// "practice" / "exam" as shown; quizModeName() stays English for the records and JSON.
const char* modeText(QuizMode mode) { return mode == QuizMode::Practice ? trc("quiz mode", "practice") : trc("quiz mode", "exam"); }

std::string letter(int position) { return std::string(1, static_cast<char>('a' + position)); }

std::string speakerLabel(const std::string& speaker) {
    if (speaker.empty()) return speaker;
    std::string label = speaker;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

const char* answerHint(QuestionType type) {
    switch (type) {
        case QuestionType::Single:
        case QuestionType::Judgement: return tr("one letter");
        case QuestionType::Multiple: return tr("select all that apply: letters separated by commas");
        // TRANSLATORS: "true" and "false" are what the trainee types: keep them in English.
        case QuestionType::TrueFalse: return tr("true or false");
        case QuestionType::Ordering: return tr("item numbers in the right order, e.g. 2,1,3");
        case QuestionType::Matching: return tr("for each term in turn, the letter of its definition, e.g. b,a,c");
    }
    return "";
}

void printQuestion(std::ostream& out, const PresentedQuestion& p, size_t index, size_t count, const std::string& section,
                   int seconds_left) {
    out << "\n" << fmt(tr("Question {0} of {1}"), index + 1, count) << " · " << section;
    if (seconds_left >= 0) out << " · " << fmt(tr("{0} left"), formatDuration(seconds_left));
    out << "\n";
    for (const auto& line : p.excerpt) out << "  " << speakerLabel(line.speaker) << ": " << line.text << "\n";
    out << p.prompt << "\n";
    const auto type = p.question->type;
    if (type == QuestionType::Matching) {
        for (size_t i = 0; i < p.lefts.size(); ++i) out << "  " << i + 1 << ". " << p.lefts[i] << "\n";
        out << "  " << tr("definitions:") << "\n";
    }
    if (type != QuestionType::TrueFalse) {
        for (size_t i = 0; i < p.choices.size(); ++i) {
            std::string label = type == QuestionType::Ordering ? std::to_string(i + 1) + "." : letter(static_cast<int>(i)) + ")";
            out << "  " << label << " " << p.choices[i] << "\n";
        }
    }
    out << fmt(tr("Answer ({0}): "), answerHint(type)) << std::flush;
}

void printFeedback(std::ostream& out, const QuestionResult& r) {
    out << (r.correct ? tr("Correct.") : r.answered ? tr("Not quite.") : tr("Skipped."));
    if (!r.correct) out << " " << fmt(tr("Correct answer: {0}"), r.expected);
    out << "\n";
    if (!r.feedback.empty()) out << "  " << r.feedback << "\n";
    out << "  " << fmt(tr("Why: {0} ({1})"), r.explanation, r.source) << "\n";
}

void printResult(std::ostream& out, const QuizResult& r, const std::string& trainee) {
    out << "\n" << fmt(tr("{0} — {1} ({2}, seed {3})"), r.title, trainee, modeText(r.mode), r.seed) << "\n";
    if (r.timed_out) out << tr("Time ran out: unanswered questions count as wrong.") << "\n";
    for (const auto& s : r.sections)
        out << "  " << s.title << ": " << s.correct << "/" << s.total << " (" << s.percent << "%)\n";
    out << fmt(tr("Score: {0}/{1} = {2}% — pass mark {3}% — {4}"), r.correct, r.total, r.percent, r.pass_mark,
               r.passed ? tr("PASSED") : tr("NOT PASSED"))
        << "\n\n";
    if (r.mode == QuizMode::Exam) {
        // An exam's answer key would leak the next attempt's questions: say where to study instead.
        for (const auto& s : r.sections)
            if (s.percent < r.pass_mark) out << fmt(tr("Study before the next attempt: {0}"), s.title) << "\n";
        out << tr("(Answers are not shown after an exam; practise a section with --practice for feedback.)") << "\n";
        return;
    }
    for (size_t i = 0; i < r.questions.size(); ++i) {
        const auto& q = r.questions[i];
        out << (q.correct ? "[ok] " : "[x]  ") << i + 1 << ". " << q.prompt << "\n";
        if (q.missing) continue;
        out << "     " << fmt(tr("your answer: {0}"), q.given) << "\n";
        if (!q.correct) out << "     " << fmt(tr("correct:     {0}"), q.expected) << "\n";
        out << "     " << fmt(tr("why: {0} ({1})"), q.explanation, q.source) << "\n";
    }
}

int listQuizzes(const QuizLibrary& library, const Args& args, Io& io) {
    if (args.has("--json")) {
        nlohmann::json j{{"exams", nlohmann::json::array()}, {"banks", nlohmann::json::array()}};
        for (const auto& e : library.exams) {
            int count = 0;
            for (const auto& s : e.sections) count += s.count;
            j["exams"].push_back({{"id", e.id}, {"title", e.title}, {"questions", count}, {"time_limit_minutes", e.time_limit_minutes}});
        }
        for (const auto& b : library.banks)
            j["banks"].push_back({{"id", b.id}, {"title", b.title}, {"section", b.section}, {"questions", b.questions.size()}});
        j["failed"] = nlohmann::json::array();
        for (const auto& f : library.failed) j["failed"].push_back(f.file);
        io.out << jsonText(j) << "\n";
    } else {
        io.out << tr("Exams:\n");
        if (library.exams.empty()) io.out << tr("  (none)\n");
        for (const auto& e : library.exams) {
            int count = 0;
            for (const auto& s : e.sections) count += s.count;
            const std::string questions = fmt(trn("{0} question", "{0} questions", static_cast<unsigned long>(count)), count);
            io.out << "  " << e.id << " — " << e.title << " ("
                   << (e.time_limit_minutes > 0 ? fmt(tr("{0}, {1} min"), questions, e.time_limit_minutes) : questions) << ")\n";
        }
        io.out << tr("Question banks (practice a whole section):\n");
        if (library.banks.empty()) io.out << tr("  (none)\n");
        for (const auto& b : library.banks)
            io.out << "  " << b.id << " — " << b.title << " (" << fmt(trn("{0} question", "{0} questions", b.questions.size()), b.questions.size())
                   << ")\n";

    }
    return library.failed.empty() ? 0 : 1;
}

}  // namespace

// Why the certification policies do not let this trainee sit the exam now (empty: they do).
static std::string examRefusal(const ContentLibrary& content, Store& store, const std::string& trainee_name, const std::string& exam) {
    std::vector<Diagnostic> ignored;  // `validate` reports policy problems
    const auto policies = loadPolicies(content.paths.root / "policies", ignored);
    std::vector<QuizEvidence> past;
    try {
        for (const auto& t : store.trainees()) {
            if (t.name != trainee_name) continue;
            for (const auto& q : store.quizAttempts(t.id))
                past.push_back(QuizEvidence{q.exam_id, q.mode == "practice", q.score_percent, q.finished_at, q.sop_version, q.passed});
        }
    } catch (const StoreError& e) {
        return fmt(tr("could not read earlier quiz attempts: {0}"), e.what());
    }
    const ExamGate gate = examGate(policies, exam, past, content.sop.version, nowUtcIso());
    return gate.allowed ? std::string() : gate.reason;
}

int cmdQuiz(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--list", "--practice"}, {"--seed", "--answers", "--trainee"}, {}, {"--pin-file"}});
    if (args.has("--help")) {
        io.out << tr(kUsage);
        return 0;
    }
    const auto given_seed = seedOption(args, "--seed");  // checked before anything is opened
    auto content = loadContentOrReport(args, io, /*quiet_failures=*/true);
    if (!content) return 1;
    QuizLibrary library = loadQuizLibrary(content->paths.root / "questions", content->sop, i18n::language());
    for (const auto& f : library.failed)
        for (const auto& d : f.diagnostics)
            if (d.severity == Severity::Error) io.err << format(d) << "\n";
    if (!library.failed.empty())
        io.err << "frontline: "
               << fmt(trn("{0} question file did not load (see above); the rest are available",
                          "{0} question files did not load (see above); the rest are available", library.failed.size()),
                      library.failed.size())
               << "\n";

    if (args.has("--list")) return listQuizzes(library, args, io);
    if (args.positional.size() != 1) throw UsageError(tr("name one exam or question bank (see `frontline quiz --list`)"));
    const std::string id = args.positional.front();

    std::uint64_t seed = 0;
    if (given_seed) {
        seed = *given_seed;
    } else {
        std::random_device device;
        seed = (static_cast<std::uint64_t>(device()) << 32) | device();
    }
    auto draw = drawQuiz(library, id, seed);
    if (!draw) {
        io.err << "frontline: " << fmt(tr("no exam or question bank '{0}' (see `frontline quiz --list`)"), id) << "\n";
        return 2;
    }
    const QuizMode mode = args.has("--practice") ? QuizMode::Practice : QuizMode::Exam;
    const bool json = args.has("--json");
    std::ostream& talk = json ? io.err : io.out;  // keep stdout pure JSON

    // Every question's answer text is checked before anything is recorded.
    std::vector<QuizAnswer> answers;
    if (args.has("--answers")) {
        auto texts = std::vector<std::string>();
        {
            const std::string all = args.get("--answers");
            size_t start = 0;
            while (true) {
                size_t semi = all.find(';', start);
                texts.push_back(all.substr(start, semi == std::string::npos ? std::string::npos : semi - start));
                if (semi == std::string::npos) break;
                start = semi + 1;
            }
        }
        if (texts.size() > draw->questions.size()) {
            io.err << "frontline: "
                   << fmt(trn("{0} answers given, but the quiz has {1} question", "{0} answers given, but the quiz has {1} questions",
                              draw->questions.size()),
                          texts.size(), draw->questions.size())
                   << "\n";
            return 2;
        }
        for (size_t i = 0; i < texts.size(); ++i) {
            const Question* q = library.question(draw->questions[i].question);
            std::string error;
            auto answer = parseAnswerText(*q, draw->questions[i], texts[i], error);
            if (!answer) {
                io.err << "frontline: " << fmt(tr("answer {0} ('{1}'): {2}"), i + 1, texts[i], error) << "\n";
                return 2;
            }
            answers.push_back(*answer);
        }
    }

    // Open the store before asking anything: a trainee should not answer 20 questions for nothing.
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    const OrgSettings settings = effectiveSettings(*content, &*store);
    const std::string trainee_name = traineeNameFor(args);
    if (!traineePinConfirmed(*store, settings, trainee_name, args, io)) return 1;
    const std::string started_at = nowUtcIso();
    if (mode == QuizMode::Exam) {
        if (std::string why = examRefusal(*content, *store, trainee_name, draw->quiz); !why.empty()) {
            io.err << "frontline: " << why << "\n";
            return 1;
        }
    }

    bool timed_out = false;
    if (!args.has("--answers")) {
        const auto start = std::chrono::steady_clock::now();
        auto seconds_left = [&]() -> int {
            if (draw->time_limit_seconds <= 0) return -1;
            auto used = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
            return std::max(0, draw->time_limit_seconds - static_cast<int>(used));
        };
        talk << fmt(trn("{0} — {1} question, {2} mode", "{0} — {1} questions, {2} mode", draw->questions.size()), draw->title,
                    draw->questions.size(), modeText(mode));
        if (draw->time_limit_seconds > 0) talk << ", " << fmt(tr("{0} time limit"), formatDuration(draw->time_limit_seconds));
        talk << "\n";
        bool input_ended = false;
        for (size_t i = 0; i < draw->questions.size() && !input_ended && !timed_out; ++i) {
            const auto& drawn = draw->questions[i];
            const Question* q = library.question(drawn.question);
            auto presented = presentQuestion(*q, drawn, settings, trainee_name);
            const auto& section_title = draw->sections[static_cast<size_t>(drawn.section)].title;
            printQuestion(talk, presented, i, draw->questions.size(), section_title, seconds_left());
            QuizAnswer answer;
            while (true) {
                std::string line;
                if (!std::getline(io.in, line)) {
                    input_ended = true;
                    break;
                }
                if (!io.interactive) talk << line << "\n";  // piped: echo, so the transcript reads like a session
                std::string error;
                auto parsed = parseAnswerText(*q, drawn, line, error);
                if (parsed) {
                    answer = *parsed;
                    break;
                }
                talk << "  " << error << ". " << fmt(tr("Answer ({0}): "), answerHint(q->type)) << std::flush;
            }
            if (input_ended) break;
            if (draw->time_limit_seconds > 0 && seconds_left() == 0) {
                timed_out = true;  // an answer given after the limit does not count
                talk << tr("Time is up.") << "\n";
                break;
            }
            answers.push_back(answer);
            if (mode == QuizMode::Practice) printFeedback(talk, gradeQuestion(*q, drawn, answer, settings, trainee_name));
        }
        if (input_ended && !io.interactive && answers.empty()) {
            io.err << "frontline: " << tr("no answers on standard input; pass --answers \"…\" or run in a terminal") << "\n";
            return 2;
        }
    }

    QuizResult result = gradeQuiz(library, *draw, answers, mode, settings, trainee_name);
    result.timed_out = timed_out;

    QuizAttemptRecord record;
    std::int64_t attempt_id = 0;
    try {
        record.trainee_id = store->traineeByNameOrCreate(trainee_name).id;
        record.exam_id = draw->quiz;
        record.mode = quizModeName(mode);
        record.seed = draw->seed;
        record.started_at = started_at;
        record.finished_at = nowUtcIso();
        record.score_percent = result.percent;
        record.passed = result.passed;
        record.sop_version = content->sop.version;
        record.detail = quizAttemptDetail(*draw, answers, result);
        attempt_id = store->recordQuizAttempt(record);
    } catch (const StoreError& e) {
        io.err << "frontline: " << fmt(tr("the quiz attempt could not be saved to {0}: {1}"), store->locator(), e.what()) << "\n";
        return 1;
    }

    if (json) {
        io.out << jsonText({{"attempt_id", attempt_id}, {"trainee", trainee_name}, {"result", result}, {"draw", *draw}})
               << "\n";
    } else {
        printResult(io.out, result, trainee_name);
        if (attempt_id == 0)  // a server's desk offline: kept in its outbox
            io.out << tr("Kept on this desk: the server cannot be reached; it is sent when it can (frontline sync).\n");
        else
            io.out << fmt(tr("Recorded as quiz attempt {0}."), attempt_id) << "\n";

    }
    return 0;
}

}  // namespace frontline::cli
