// Training path loader.
#include "frontline/paths.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    fuzz::bundledPaths();
    std::vector<Diagnostic> diags;
    (void)loadTrainingPath(fuzz::writeInput(data, size), diags);
    return 0;
}
