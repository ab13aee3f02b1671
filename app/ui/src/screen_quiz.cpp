// Knowledge checks: pick an exam or practise one section's bank, answer question by question
// (practice: the verdict, feedback and explanation after each answer; exam: nothing until it is
// submitted, with a timer when the exam is timed), then per-section results and, after practice,
// every explanation (after an exam: the weak sections, never the answer key).
// Attempts are recorded with Store::recordQuizAttempt. Drawing and grading live in quiz.hpp.
// Sections: loading and actions · picker · question widgets · taking · results · entry point.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <imgui.h>
#include "frontline/certification.hpp"
#include "frontline/i18n.hpp"
#include "frontline/translation.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/screen_certification.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

namespace {

// ---- loading and actions ----------------------------------------------------------------------

void ensureLoaded(AppState& app) {
    QuizScreenState& q = app.quiz;
    if (!q.loaded) {
        q.library = loadQuizLibrary(app.content.paths.root / "questions", app.content.sop, i18n::language());
        q.loaded = true;
    }
    if (!q.recent_valid && app.store && app.trainee) {
        q.recent_valid = true;
        try {
            q.recent = app.store->quizAttempts(app.trainee->id);
        } catch (const StoreError& e) {
            q.recent.clear();
            if (!app.store->offline()) showToast(app, fmt(tr("Could not read your quiz attempts: {0}"), e.what()), 6);
        }
    }
}

const Question* questionAt(const QuizScreenState& q, int index) {
    if (index < 0 || static_cast<size_t>(index) >= q.draw.questions.size()) return nullptr;
    return q.library.question(q.draw.questions[static_cast<size_t>(index)].question);
}

// An answer the grader can take: a matching with a term left unchosen counts as unanswered.
QuizAnswer settled(const QuizAnswer& a) {
    if (std::any_of(a.picks.begin(), a.picks.end(), [](int p) { return p < 0; })) return {};
    return a;
}

// Whether the policies let this trainee sit the exam now (attempt limit, cooldown after a fail).
ExamGate examGateFor(AppState& app, const std::string& exam_id) {
    // The limits count past exams, which are on the server: offline they cannot be judged, and an
    // unplugged cable must not buy another attempt. Practice needs no gate.
    if (app.store && app.store->offline()) {
        ExamGate closed;
        closed.allowed = false;
        closed.reason = tr("An exam needs the team database (its attempt limits are kept there); practice works offline.");
        return closed;
    }
    std::vector<QuizEvidence> past;
    for (const auto& r : app.quiz.recent)
        past.push_back(QuizEvidence{r.exam_id, r.mode == "practice", r.score_percent, r.finished_at, r.sop_version, r.passed});
    return examGate(certificationPolicies(app), exam_id, past, app.content.sop.version, nowUtcIso());
}

void startQuiz(AppState& app, const std::string& id, QuizMode mode) {
    QuizScreenState& q = app.quiz;
    if (mode == QuizMode::Exam) {
        if (const ExamGate gate = examGateFor(app, id); !gate.allowed) {
            showToast(app, gate.reason, 6);
            return;
        }
    }
    auto draw = drawQuiz(q.library, id, app.next_seed++);
    if (!draw || draw->questions.empty()) {
        showToast(app, tr("That quiz has no questions."));
        return;
    }
    q.draw = std::move(*draw);
    q.mode = mode;
    q.answers.assign(q.draw.questions.size(), QuizAnswer{});
    for (size_t i = 0; i < q.draw.questions.size(); ++i) {
        const Question* question = q.library.question(q.draw.questions[i].question);
        if (!question) continue;
        const int n = question->choiceCount();
        // An ordering starts as shown (the trainee rearranges it); a matching starts with no choices.
        if (question->type == QuestionType::Ordering)
            for (int k = 0; k < n; ++k) q.answers[i].picks.push_back(k);
        if (question->type == QuestionType::Matching) q.answers[i].picks.assign(static_cast<size_t>(n), -1);
    }
    q.current = 0;
    q.feedback.reset();
    q.result.reset();
    q.attempt_id = 0;
    q.error.clear();
    q.started_time = app.time;
    q.started_at = nowUtcIso();
    q.active = true;
}

void submit(AppState& app, bool timed_out) {
    QuizScreenState& q = app.quiz;
    std::vector<QuizAnswer> answers;
    for (const auto& a : q.answers) answers.push_back(settled(a));
    const std::string agent = app.trainee ? app.trainee->name : std::string();
    QuizResult result = gradeQuiz(q.library, q.draw, answers, q.mode, app.settings, agent);
    result.timed_out = timed_out;
    q.active = false;
    q.feedback.reset();
    q.attempt_id = 0;
    q.error.clear();
    if (app.store && app.trainee) {
        QuizAttemptRecord record;
        record.trainee_id = app.trainee->id;
        record.exam_id = q.draw.quiz;
        record.mode = quizModeName(q.mode);
        record.seed = q.draw.seed;
        record.started_at = q.started_at;
        record.finished_at = nowUtcIso();
        record.score_percent = result.percent;
        record.passed = result.passed;
        record.sop_version = app.content.sop.version;
        record.detail = quizAttemptDetail(q.draw, answers, result);
        try {
            q.attempt_id = app.store->recordQuizAttempt(record);
        } catch (const StoreError& e) {
            q.error = fmt(tr("This attempt could not be saved: {0}"), e.what());
        }
    }
    q.recent_valid = false;
    q.result = std::move(result);
    showToast(app, timed_out ? tr("Time is up: your answers were submitted.") : (q.result->passed ? tr("Passed!") : tr("Submitted.")));
}

int secondsLeft(const AppState& app) {
    const QuizScreenState& q = app.quiz;
    if (q.draw.time_limit_seconds <= 0) return -1;
    const double left = q.draw.time_limit_seconds - (app.time - q.started_time);
    return left > 0 ? static_cast<int>(left + 0.999) : 0;
}

// ---- picker -------------------------------------------------------------------------------------

// Up / Down pick an exam, Enter starts it (when the policies allow), P practises it.
void pickerKeys(AppState& app) {
    QuizScreenState& q = app.quiz;
    const int n = static_cast<int>(q.library.exams.size());
    if (n == 0 || ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) q.picked_exam = std::min(n - 1, q.picked_exam + 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) q.picked_exam = std::max(0, q.picked_exam - 1);
    q.picked_exam = std::clamp(q.picked_exam, 0, n - 1);
    const std::string& exam = q.library.exams[static_cast<size_t>(q.picked_exam)].id;
    if (enterPressed() && examGateFor(app, exam).allowed) startQuiz(app, exam, QuizMode::Exam);
    else if (keyPressed('P')) startQuiz(app, exam, QuizMode::Practice);
}

void drawPicker(AppState& app) {
    QuizScreenState& q = app.quiz;
    const float col_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;

    ImGui::BeginGroup();
    beginTile(col_w, colour::kInfo);
    iconText(icon::kCertificate, colour::kInfo, tr("Exams"));
    mutedText(tr("Questions drawn from every section; feedback only after you submit. The pass mark is set by your organisation."));
    ImGui::Spacing();
    if (q.library.exams.empty()) mutedText(tr("No exams in the content."));
    for (size_t e = 0; e < q.library.exams.size(); ++e) {
        const auto& exam = q.library.exams[e];
        ImGui::PushID(exam.id.c_str());
        int count = 0;
        for (const auto& s : exam.sections) count += s.count;
        ImGui::Spacing();
        const bool picked = static_cast<int>(e) == q.picked_exam;
        ImGui::PushFont(font(FontRole::Bold));
        iconText(icon::kChevronRight, picked ? colour::kAccent : colour::kInkSoft, exam.title.c_str());
        ImGui::PopFont();
        if (picked) recordItem(("Picked exam:" + exam.id).c_str());
        // Three facts in a list, each its own message.
        const std::string questions = fmt(trn("{0} question", "{0} questions", static_cast<unsigned long>(count)), count);
        const std::string timing = exam.time_limit_minutes > 0 ? fmt(tr("{0} min"), exam.time_limit_minutes) : std::string(tr("untimed"));
        const std::string mark = fmt(tr("pass mark {0}%"), app.settings.quiz_pass_mark);
        mutedText((questions + " \xC2\xB7 " + timing + " \xC2\xB7 " + mark).c_str());
        const ExamGate gate = examGateFor(app, exam.id);
        ImGui::BeginDisabled(!gate.allowed);
        if (iconButton(icon::kPlay, tr("Start exam"), ButtonKind::Primary)) startQuiz(app, exam.id, QuizMode::Exam);
        ImGui::EndDisabled();
        recordItem(("Start exam:" + exam.id).c_str(), gate.allowed);
        if (!gate.allowed) tooltip(gate.reason.c_str());
        else if (gate.attempts_left > 0) tooltip(fmt(tr("Attempts left before the exam locks: {0}"), gate.attempts_left).c_str());
        ImGui::SameLine();
        if (iconButton(icon::kLightbulb, tr("Practise"), ButtonKind::Normal)) startQuiz(app, exam.id, QuizMode::Practice);
        recordItem(("Practise:" + exam.id).c_str());
        tooltip(tr("The same questions with feedback after each answer."));
        ImGui::PopID();
    }
    endTile();
    ImGui::Spacing();
    beginTile(col_w);
    iconText(icon::kHistory, colour::kInkSoft, tr("Your recent attempts"));
    if (q.recent.empty()) mutedText(tr("None yet."));
    const size_t shown = std::min<size_t>(q.recent.size(), 6);
    for (size_t i = 0; i < shown; ++i) {
        const auto& a = q.recent[i];
        char line[160];
        std::snprintf(line, sizeof line, "%s  ·  %s  ·  %d%%  ·  %s", shortDate(a.finished_at).c_str(), a.exam_id.c_str(), a.score_percent,
                      a.mode == "practice" ? tr("practice") : (a.passed ? tr("passed") : tr("not passed")));
        iconText(a.passed ? icon::kCheckCircle : icon::kTimesCircle, a.passed ? colour::kGood : colour::kInkSoft, line);
    }
    endTile();
    ImGui::EndGroup();

    ImGui::SameLine();
    beginTile(0, colour::kGood);
    iconText(icon::kBook, colour::kGood, tr("Practise a section"));
    mutedText(tr("Every question of one section of the SOP, with the answer and the reason right after each one."));
    ImGui::Spacing();
    if (q.library.banks.empty()) mutedText(tr("No question banks in the content."));
    for (const auto& bank : q.library.banks) {
        ImGui::PushID(bank.id.c_str());
        ImGui::Spacing();
        if (iconButton(icon::kLightbulb, tr("Practise"), ButtonKind::Good)) startQuiz(app, bank.id, QuizMode::Practice);
        recordItem(("Practise:" + bank.id).c_str());
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(bank.title.c_str());
        ImGui::SameLine();
        char count[32];
        std::snprintf(count, sizeof count, trn("%zu question", "%zu questions", bank.questions.size()), bank.questions.size());
        ImGui::TextDisabled("%s", count);
        ImGui::PopID();
    }
    if (!q.library.failed.empty()) {
        ImGui::Spacing();
        char text[96];
        std::snprintf(text, sizeof text,
                      trn("%zu question file has errors and was skipped (run `frontline quiz --list`).",
                          "%zu question files have errors and were skipped (run `frontline quiz --list`).", q.library.failed.size()),
                      q.library.failed.size());
        iconText(icon::kWarning, colour::kWarn, text);
    }
    endTile();
}

// ---- question widgets ---------------------------------------------------------------------------

std::string letter(int position) { return std::string(1, static_cast<char>('a' + position)); }

// A radio button or checkbox followed by its wrapped text; the control is recorded as "Choice x".
void choiceRow(int position, const std::string& text, bool checked, bool radio, bool locked, const std::function<void()>& on_click) {
    ImGui::PushID(position);
    const std::string label = "Choice " + letter(position);
    bool value = checked;
    ImGui::BeginDisabled(locked);
    const bool clicked = radio ? ImGui::RadioButton("##c", checked) : ImGui::Checkbox("##c", &value);
    ImGui::EndDisabled();
    recordItem(label.c_str(), !locked);
    // Keys: the choice's letter (a = A key) or its number.
    const bool typed = !ImGui::GetIO().WantTextInput &&
                       ((position < 26 && keyPressed(key::kLetterA + position)) || (position < 9 && keyPressed(key::kDigit1 + position)));
    if ((clicked || typed) && !locked) on_click();
    ImGui::SameLine();
    const std::string shown = letter(position) + ")  " + text;
    ImGui::TextWrapped("%s", shown.c_str());
    ImGui::PopID();
}

// The keyboard's row in an ordering or matching question: Up/Down move it (Ctrl+Up/Down move the
// item instead, in an ordering); returns the row and whether Ctrl moved the item by -1 or +1.
struct RowKeys {
    int row = 0;
    int move = 0;
};
RowKeys answerRowKeys(QuizScreenState& q, int rows, bool locked) {
    if (q.answer_row_question != q.current) q.answer_row = 0;
    q.answer_row_question = q.current;
    RowKeys keys;
    if (rows > 0 && !locked && !ImGui::GetIO().WantTextInput) {
        const int step = (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ? 1 : 0) -
                         (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) ? 1 : 0);
        const int target = std::clamp(q.answer_row + step, 0, rows - 1);
        if (step != 0 && ImGui::GetIO().KeyCtrl && target != q.answer_row) keys.move = target - q.answer_row;
        q.answer_row = target;
    }
    keys.row = std::clamp(q.answer_row, 0, std::max(0, rows - 1));
    return keys;
}

// The marker in front of the keyboard's row.
void rowMarker(bool current) {
    ImGui::PushStyleColor(ImGuiCol_Text, current ? colour::kAccent : colour::rgb(0, 0));
    ImGui::TextUnformatted(icon::kChevronRight);
    ImGui::PopStyleColor();
    ImGui::SameLine();
}

// A typed letter (a = A key) or number picks choice `p`; -1 when none was typed.
int typedChoice(int choices) {
    if (ImGui::GetIO().WantTextInput) return -1;
    for (int p = 0; p < choices; ++p)
        if ((p < 26 && keyPressed(key::kLetterA + p)) || (p < 9 && keyPressed(key::kDigit1 + p))) return p;
    return -1;
}

void drawAnswerWidgets(AppState& app, const Question& question, const PresentedQuestion& shown, QuizAnswer& answer, bool locked) {
    auto& picks = answer.picks;
    switch (question.type) {
        case QuestionType::Single:
        case QuestionType::Judgement:
        case QuestionType::TrueFalse:
            for (int i = 0; i < static_cast<int>(shown.choices.size()); ++i) {
                const bool checked = picks.size() == 1 && picks.front() == i;
                choiceRow(i, shown.choices[static_cast<size_t>(i)], checked, true, locked, [&picks, i] { picks = {i}; });
            }
            break;
        case QuestionType::Multiple:
            mutedText(tr("Select all that apply."));
            for (int i = 0; i < static_cast<int>(shown.choices.size()); ++i) {
                const bool checked = std::find(picks.begin(), picks.end(), i) != picks.end();
                choiceRow(i, shown.choices[static_cast<size_t>(i)], checked, false, locked, [&picks, i, checked] {
                    if (checked) picks.erase(std::remove(picks.begin(), picks.end(), i), picks.end());
                    else picks.push_back(i);
                });
            }
            break;
        case QuestionType::Ordering: {
            mutedText(tr("Put the items in the right order with the arrows (first at the top); keys: Up/Down pick a row, "
                         "Ctrl+Up/Down move it."));
            const int n = static_cast<int>(picks.size());
            const RowKeys keys = answerRowKeys(app.quiz, n, locked);
            if (keys.move != 0) std::swap(picks[static_cast<size_t>(keys.row)], picks[static_cast<size_t>(keys.row - keys.move)]);
            for (int row = 0; row < n; ++row) {
                ImGui::PushID(row);
                rowMarker(!locked && row == keys.row);
                const std::string up = "Up " + std::to_string(row + 1), down = "Down " + std::to_string(row + 1);
                ImGui::BeginDisabled(locked || row == 0);
                if (ImGui::ArrowButton("##up", ImGuiDir_Up)) std::swap(picks[static_cast<size_t>(row)], picks[static_cast<size_t>(row - 1)]);
                ImGui::EndDisabled();
                recordItem(up.c_str(), !locked && row > 0);
                ImGui::SameLine();
                ImGui::BeginDisabled(locked || row == n - 1);
                if (ImGui::ArrowButton("##down", ImGuiDir_Down))
                    std::swap(picks[static_cast<size_t>(row)], picks[static_cast<size_t>(row + 1)]);
                ImGui::EndDisabled();
                recordItem(down.c_str(), !locked && row < n - 1);
                ImGui::SameLine();
                const int position = picks[static_cast<size_t>(row)];
                const std::string text = std::to_string(row + 1) + ".  " +
                                         (position >= 0 && position < static_cast<int>(shown.choices.size())
                                              ? shown.choices[static_cast<size_t>(position)] : std::string("?"));
                ImGui::TextWrapped("%s", text.c_str());
                ImGui::PopID();
            }
            break;
        }
        case QuestionType::Matching: {
            mutedText(tr("Choose the matching definition for each term; keys: Up/Down pick a term, a letter picks its match."));
            const float term_w = em(11.5f);
            const int terms = static_cast<int>(std::min(shown.lefts.size(), picks.size()));
            const RowKeys keys = answerRowKeys(app.quiz, terms, locked);
            if (const int typed = locked ? -1 : typedChoice(static_cast<int>(shown.choices.size())); typed >= 0 && terms > 0) {
                picks[static_cast<size_t>(keys.row)] = typed;
                if (keys.row + 1 < terms) app.quiz.answer_row = keys.row + 1;  // on to the next term
            }
            for (size_t k = 0; k < static_cast<size_t>(terms); ++k) {
                ImGui::PushID(static_cast<int>(k));
                ImGui::AlignTextToFramePadding();
                rowMarker(!locked && static_cast<int>(k) == keys.row);
                ImGui::PushFont(font(FontRole::Bold));
                ImGui::TextUnformatted(shown.lefts[k].c_str());
                ImGui::PopFont();
                ImGui::SameLine(term_w);
                ImGui::SetNextItemWidth(-1);
                const int chosen = picks[k];
                const std::string preview = chosen >= 0 && chosen < static_cast<int>(shown.choices.size())
                                                ? letter(chosen) + ")  " + shown.choices[static_cast<size_t>(chosen)]
                                                : std::string(tr("Choose..."));
                const std::string match_label = "Match " + std::to_string(k + 1);
                ImGui::BeginDisabled(locked);
                if (ImGui::BeginCombo("##match", preview.c_str())) {
                    for (int p = 0; p < static_cast<int>(shown.choices.size()); ++p) {
                        ImGui::PushID(p);
                        const std::string text = letter(p) + ")  " + shown.choices[static_cast<size_t>(p)];
                        if (ImGui::Selectable(text.c_str(), p == chosen)) picks[k] = p;
                        recordItem((match_label + ":" + letter(p)).c_str());
                        ImGui::PopID();
                    }
                    ImGui::EndCombo();
                }
                ImGui::EndDisabled();
                recordItem(match_label.c_str(), !locked);
                ImGui::PopID();
            }
            break;
        }
    }
}

void drawFeedback(const QuestionResult& r) {
    beginTile(0, r.correct ? colour::kGood : colour::kBad);
    iconText(r.correct ? icon::kCheckCircle : icon::kTimesCircle, r.correct ? colour::kGood : colour::kBad,
             r.correct ? tr("Correct") : (r.answered ? tr("Not quite") : tr("No answer")));
    recordItem(r.correct ? "Feedback: correct" : "Feedback: incorrect");
    if (!r.correct) {
        wrappedText(fmt(tr("Correct answer: {0}"), r.expected).c_str());
    }
    if (!r.feedback.empty()) wrappedText(r.feedback.c_str(), colour::kInkSoft);
    const std::string why = r.explanation + "  (" + r.source + ")";
    iconText(icon::kLightbulb, colour::kGold, tr("Why"));
    wrappedText(why.c_str());
    endTile();
}

// ---- taking -------------------------------------------------------------------------------------

void drawTaking(AppState& app) {
    QuizScreenState& q = app.quiz;
    const int total = static_cast<int>(q.draw.questions.size());
    q.current = std::clamp(q.current, 0, total - 1);
    const int left = secondsLeft(app);
    if (left == 0) {
        submit(app, /*timed_out=*/true);
        return;
    }
    if (left > 0) app.wake_in = app.wake_in < 0 ? 0.5 : std::min(app.wake_in, 0.5);  // keep the clock ticking

    // Header: title, mode, progress, timer.
    sectionHeader(icon::kQuestion, q.draw.title.c_str());
    ImGui::SameLine();
    if (q.mode == QuizMode::Practice) chip(tr("Practice"), colour::kGoodSoft, colour::kGood);
    else chip(tr("Exam"), colour::kInfoSoft, colour::kInfo);
    int answered = 0;
    for (const auto& a : q.answers) answered += settled(a).answered() ? 1 : 0;
    char progress[64];
    std::snprintf(progress, sizeof progress, tr("Question %d of %d"), q.current + 1, total);
    const float timer_w = left >= 0 ? em(7) : 0.0f;
    progressBar(static_cast<float>(q.current + 1) / static_cast<float>(total), colour::kAccent,
                ImGui::GetContentRegionAvail().x - timer_w, em(1.3f), progress);
    recordItem("Quiz progress");
    if (left >= 0) {
        ImGui::SameLine();
        const std::string clock = std::string(icon::kClock) + " " + clockText(left);
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::PushStyleColor(ImGuiCol_Text, colour::vec(left <= 60 ? colour::kBad : colour::kInk));
        ImGui::TextUnformatted(clock.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        recordItem("Time left");
    }
    ImGui::Spacing();

    const DrawnQuestion& drawn = q.draw.questions[static_cast<size_t>(q.current)];
    const Question* question = questionAt(q, q.current);
    const float buttons_h = ImGui::GetFrameHeightWithSpacing() + em(1.0f);
    ImGui::BeginChild("##question", ImVec2(0, -buttons_h), false);
    if (!question) {
        wrappedText(tr("This question is no longer in the content."), colour::kBad);
    } else {
        const std::string agent = app.trainee ? app.trainee->name : std::string();
        const PresentedQuestion shown = presentQuestion(*question, drawn, app.settings, agent);
        if (drawn.section >= 0 && static_cast<size_t>(drawn.section) < q.draw.sections.size())
            mutedText(q.draw.sections[static_cast<size_t>(drawn.section)].title.c_str());
        for (const auto& line : shown.excerpt) {
            const bool customer = line.speaker == "customer";
            const std::string text = customer                   ? fmt(tr("Customer: {0}"), line.text)
                                     : line.speaker == "agent" ? fmt(tr("You: {0}"), line.text)
                                                               : line.speaker + ": " + line.text;
            iconText(customer ? icon::kUser : icon::kHeadphones, customer ? colour::kInkSoft : colour::kAccent, text.c_str());
        }
        ImGui::PushFont(font(FontRole::Heading));
        ImGui::TextWrapped("%s", shown.prompt.c_str());
        ImGui::PopFont();
        ImGui::Spacing();
        const bool locked = q.mode == QuizMode::Practice && q.feedback.has_value();
        drawAnswerWidgets(app, *question, shown, q.answers[static_cast<size_t>(q.current)], locked);
        if (q.feedback) {
            ImGui::Spacing();
            drawFeedback(*q.feedback);
        }
    }
    ImGui::EndChild();

    // Buttons; Enter presses the main one (check, next, submit).
    const bool enter = !ImGui::GetIO().WantTextInput && enterPressed();
    const bool last = q.current == total - 1;
    const QuizAnswer current = settled(q.answers[static_cast<size_t>(q.current)]);
    if (q.mode == QuizMode::Practice) {
        if (!q.feedback) {
            const bool ready = question && answerWellFormed(*question, drawn, current);
            ImGui::BeginDisabled(!ready);
            if (iconButton(icon::kCheck, tr("Check answer"), ButtonKind::Primary, ImVec2(em(11), 0)) || (enter && ready))
                q.feedback = gradeQuestion(*question, drawn, current, app.settings, app.trainee ? app.trainee->name : std::string());
            ImGui::EndDisabled();
            recordItem(tr("Check answer"), ready);
            ImGui::SameLine();
            if (button(tr("Skip"))) q.feedback = gradeQuestion(*question, drawn, QuizAnswer{}, app.settings, std::string());
            recordItem(tr("Skip"));
        } else if (!last) {
            if (iconButton(icon::kArrowRight, tr("Next question"), ButtonKind::Primary, ImVec2(em(11), 0)) || enter) {
                q.feedback.reset();
                ++q.current;
            }
        } else if (iconButton(icon::kFlag, tr("See results"), ButtonKind::Primary, ImVec2(em(11), 0)) || enter) {
            submit(app, false);
        }
    } else {
        ImGui::BeginDisabled(q.current == 0);
        if (iconButton(icon::kChevronLeft, tr("Previous"))) --q.current;
        ImGui::EndDisabled();
        recordItem(tr("Previous"), q.current > 0);
        ImGui::SameLine();
        ImGui::BeginDisabled(last);
        if (iconButton(icon::kChevronRight, tr("Next"), ButtonKind::Primary, ImVec2(em(8), 0)) || (enter && !last)) ++q.current;
        ImGui::EndDisabled();
        recordItem(tr("Next"), !last);
        ImGui::SameLine();
        char status[48];
        std::snprintf(status, sizeof status, "%d of %d answered", answered, total);
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", status);
        ImGui::SameLine();
        if (iconButton(icon::kPaperPlane, tr("Submit exam"), last ? ButtonKind::Primary : ButtonKind::Normal) || (enter && last)) submit(app, false);
        if (answered < total) tooltip(tr("Unanswered questions count as wrong."));
    }
    ImGui::SameLine();
    if (button(tr("Quit"))) {
        q.active = false;  // nothing recorded: an abandoned quiz is not an attempt
        q.feedback.reset();
    }
    recordItem("Quit quiz");
    tooltip(tr("Leave without recording this attempt."));
}

// ---- results ------------------------------------------------------------------------------------

void drawWeakSections(const QuizResult& r) {
    iconText(icon::kLightbulb, colour::kGold, tr("Sections to study before the next attempt"));
    bool any = false;
    for (const auto& s : r.sections) {
        if (s.percent >= r.pass_mark) continue;
        any = true;
        char line[160];
        std::snprintf(line, sizeof line, tr("%s: %d of %d correct"), s.title.c_str(), s.correct, s.total);
        iconText(icon::kTimesCircle, colour::kBad, line);
        recordItem(("Weak section: " + s.title).c_str());
    }
    if (!any) mutedText(tr("Every section met the pass mark."));
    mutedText(tr("The answers are not shown after an exam; practise the sections above for feedback on each question."));
}

void drawResults(AppState& app) {
    QuizScreenState& q = app.quiz;
    const QuizResult& r = *q.result;
    sectionHeader(icon::kGraduationCap, r.title.c_str());
    const float tile_w = em(11);
    char value[32], caption[64];
    std::snprintf(value, sizeof value, "%d%%", r.percent);
    std::snprintf(caption, sizeof caption, tr("%d of %d correct"), r.correct, r.total);
    statTile("##score", icon::kBullseye, scoreColour(r.percent), value, caption, tile_w);
    ImGui::SameLine();
    std::snprintf(value, sizeof value, "%d%%", r.pass_mark);
    statTile("##mark", icon::kFlag, colour::kInfo, value, tr("pass mark"), tile_w);
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (r.passed) chip(tr("PASSED"), colour::kGoodSoft, colour::kGood);
    else chip(tr("NOT PASSED"), colour::kBadSoft, colour::kBad);
    recordItem(r.passed ? "Result: passed" : "Result: not passed");
    ImGui::SameLine();
    chip(r.mode == QuizMode::Practice ? tr("practice") : tr("exam"), colour::kInfoSoft, colour::kInfo);
    if (r.timed_out) iconText(icon::kHourglass, colour::kWarn, tr("Time ran out: unanswered questions count as wrong."));
    if (!q.error.empty()) wrappedText(q.error.c_str(), colour::kBad);
    else if (q.attempt_id > 0) mutedText(tr("Saved to your training record."));
    ImGui::Spacing();
    const bool back = iconButton(icon::kChevronLeft, tr("Back to quizzes"));
    ImGui::SameLine();
    if (iconButton(icon::kRefresh, tr("Try again"), ButtonKind::Primary)) {
        const std::string id = r.quiz;
        const QuizMode mode = r.mode;
        startQuiz(app, id, mode);
    }
    ImGui::EndGroup();
    if (back) q.result.reset();
    if (!q.result) return;
    ImGui::Spacing();

    const QuizResult& shown = *q.result;
    if (ImGui::BeginTable("##sections", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(tr("Section"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(tr("Correct"), ImGuiTableColumnFlags_WidthFixed, em(6));
        ImGui::TableSetupColumn(tr("Score"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < shown.sections.size(); ++i) {
            const auto& s = shown.sections[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.title.c_str());
            recordItem(("Section: " + s.title).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d / %d", s.correct, s.total);
            ImGui::TableNextColumn();
            char pct[16];
            std::snprintf(pct, sizeof pct, "%d%%", s.percent);
            progressBar(static_cast<float>(s.percent) / 100.0f, scoreColour(s.percent), ImGui::GetContentRegionAvail().x, em(1.1f), pct);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    // An exam's answer key would leak the questions of the next attempt: show where to study instead.
    if (shown.mode == QuizMode::Exam) {
        drawWeakSections(shown);
        return;
    }
    iconText(icon::kLightbulb, colour::kGold, tr("Every question, with the reason"));
    ImGui::BeginChild("##explanations", ImVec2(0, 0), false);
    for (size_t i = 0; i < shown.questions.size(); ++i) {
        const auto& r2 = shown.questions[i];
        ImGui::PushID(static_cast<int>(i));
        beginTile(0, r2.correct ? colour::kGood : colour::kBad);
        const std::string number = std::to_string(i + 1) + ".";
        iconText(r2.correct ? icon::kCheckCircle : icon::kTimesCircle, r2.correct ? colour::kGood : colour::kBad, number.c_str());
        recordItem(("Explanation " + std::to_string(i + 1)).c_str());
        ImGui::SameLine();
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextWrapped("%s", r2.prompt.c_str());
        ImGui::PopFont();
        if (!r2.missing) {
            wrappedText(fmt(tr("Your answer: {0}"), r2.given).c_str(), r2.correct ? colour::kInk : colour::kBad);
            if (!r2.correct) wrappedText(fmt(tr("Correct answer: {0}"), r2.expected).c_str(), colour::kGood);
            const std::string why = r2.explanation + "  (" + r2.source + ")";
            wrappedText(why.c_str(), colour::kInkSoft);
        }
        endTile();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace

// ---- entry point --------------------------------------------------------------------------------

void enterQuizScreen(AppState& app) { app.quiz.recent_valid = false; }  // the trainee may have changed

void drawQuizScreen(AppState& app) {
    ensureLoaded(app);
    QuizScreenState& q = app.quiz;
    if (q.active) {
        drawTaking(app);
    } else if (q.result) {
        drawResults(app);
    } else {
        sectionHeader(icon::kQuestion, tr("Knowledge checks"));
        pickerKeys(app);
        drawPicker(app);
    }
}

}  // namespace frontline::ui
