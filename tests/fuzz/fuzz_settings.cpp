// Organisation settings defaults (settings.json), then the placeholders they fill into scripts.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    fuzz::bundledPaths();
    std::vector<Diagnostic> diags;
    auto settings = loadSettings(fuzz::writeInput(data, size), diags);
    if (settings) (void)fillPlaceholders("[Company Name], [Agent Name]: ___ minutes", *settings, "Alex");
    return 0;
}
