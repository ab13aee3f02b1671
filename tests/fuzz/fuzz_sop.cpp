// SOP loader.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    fuzz::bundledPaths();
    std::vector<Diagnostic> diags;
    (void)loadSop(fuzz::writeInput(data, size, "input.sop.json"), diags);
    return 0;
}
