// Question bank loader, then a draw from the bank as the quiz screen does.
#include "frontline/quiz.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    std::vector<Diagnostic> diags;
    auto bank = loadQuestionBank(fuzz::writeInput(data, size), fuzz::bundledContent().sop, diags);
    if (bank) (void)drawBank(*bank, 7);
    return 0;
}
