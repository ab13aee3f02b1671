// Store::open on arbitrary bytes: either a store that every read works on, or a StoreError that
// says why. Any other exception, crash or hang is a finding.
#include "frontline/store.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace frontline;
    auto path = fuzz::writeInput(data, size, "input.db");
    for (const char* suffix : {"-wal", "-shm", "-journal"}) std::filesystem::remove(path.string() + suffix);
    try {
        StoreOptions options;
        options.busy_timeout_ms = 0;
        Store store = Store::open(path, options);
        for (const auto& trainee : store.trainees()) {
            (void)store.attemptSummaries(trainee.id);
            (void)store.stepStats(trainee.id);
        }
        for (const auto& attempt : store.attempts(0, 20)) (void)store.attempt(attempt.id);
        (void)store.quizAttempts();
        for (const auto& certificate : store.certificates()) (void)store.certificate(certificate.id);
        (void)store.settings(OrgSettings{});
        (void)store.preference("ui_scale");
    } catch (const StoreError&) {
        // refused cleanly
    }
    return 0;
}
