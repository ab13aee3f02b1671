// Scenario loader: schema, SOP references, structural graph checks and the path exploration that
// `frontline validate` runs. Any input must give a scenario or diagnostics, within the timeout.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    const auto& sop = fuzz::bundledContent().sop;
    std::vector<Diagnostic> diags;
    auto scenario = loadScenario(fuzz::writeInput(data, size), sop, diags, true);
    for (const auto& d : diags) (void)format(d);
    return 0;
}
