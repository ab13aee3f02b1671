// Exam loader against the bundled question banks, then a draw as `frontline quiz` does.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    const QuizLibrary& library = fuzz::bundledQuizLibrary();
    std::vector<Diagnostic> diags;
    auto doc = readJsonDocument(fuzz::writeInput(data, size), diags);
    if (!doc) return 0;
    auto exam = parseExam(*doc, fuzz::bundledContent().sop, library.banks, diags);
    if (exam) {
        QuizLibrary with_exam = library;
        with_exam.exams = {*exam};
        (void)drawExam(with_exam, *exam, 7);
    }
    return 0;
}
