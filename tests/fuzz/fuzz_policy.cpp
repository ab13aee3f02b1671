// Certification policy loader, then the narrative the Certificates screen prints.
#include "frontline/policy.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    fuzz::bundledPaths();
    std::vector<Diagnostic> diags;
    auto policy = loadPolicy(fuzz::writeInput(data, size), diags);
    if (policy) (void)criteriaNarrative(*policy, 80);
    return 0;
}
