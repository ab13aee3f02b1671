#pragma once
// State of the quiz screen (knowledge checks): the question banks and exams, the quiz being taken
// and the result of the last one. One field of AppState (app.quiz).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include "frontline/quiz.hpp"
#include "frontline/store.hpp"

namespace frontline::ui {

struct QuizScreenState {
    // Loaded on first visit from the content tree's questions/ folder.
    bool loaded = false;
    QuizLibrary library;
    std::vector<QuizAttemptRecord> recent;  // this trainee's attempts, newest first (cached)
    bool recent_valid = false;
    int picked_exam = 0;  // the exam Up/Down select in the picker; Enter starts it, P practises it

    // The quiz being taken (active) or just finished (result).
    bool active = false;
    QuizDraw draw;
    QuizMode mode = QuizMode::Exam;
    std::vector<QuizAnswer> answers;  // one per drawn question; matching picks use -1 for "not chosen"
    int current = 0;
    // The row the keyboard works on in an ordering or matching question (Up/Down move it), and the
    // question it belongs to (a new question starts on its first row).
    int answer_row = 0;
    int answer_row_question = -1;
    std::optional<QuestionResult> feedback;  // practice: shown after "Check answer"
    double started_time = 0;                 // app.time when it started (timer)
    std::string started_at;                  // ISO time, for the store

    std::optional<QuizResult> result;
    std::int64_t attempt_id = 0;  // 0: not recorded
    std::string error;            // the attempt could not be recorded
};

}  // namespace frontline::ui
