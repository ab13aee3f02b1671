// Golden transcript loader, then each play-through replayed against its scenario when the bundled
// content has it (the golden tests do exactly this).
#include "frontline/golden.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    const auto& content = fuzz::bundledContent();
    std::vector<Diagnostic> diags;
    auto golden = loadGoldenFile(fuzz::writeInput(data, size), diags);
    if (!golden) return 0;
    const Scenario* scenario = content.scenario(golden->scenario);
    if (!scenario) return 0;
    for (const auto& playthrough : golden->playthroughs)
        (void)replayGolden(content.sop, *scenario, content.default_settings, playthrough);
    return 0;
}
