// `frontline verify FILE --json` on arbitrary bytes: a verdict for every input, never a throw,
// and a JSON report that can be printed.
#include "frontline/certs.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    VerifyOptions options;
    options.now = "2026-11-30T00:00:00Z";
    auto verification = verifyBadge(fuzz::asText(data, size), options);
    (void)toJson(verification).dump(2);
    return 0;
}
