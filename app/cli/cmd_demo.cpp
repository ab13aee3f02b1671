// frontline demo --trainees N --attempts M [--days D] [--seed S] [--into-existing] --db PATH|URI:
// a realistic center (demo_center.hpp) for evaluations, benchmarks and screenshots.
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/demo_center.hpp"

namespace frontline::cli {

int cmdDemo(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--into-existing", "--quiet"}, {"--trainees", "--attempts", "--days", "--seed", "--now"}, {}, {}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline demo --trainees N --attempts M [--days D] [--seed S] --db PATH|postgresql://...\n"
                  "Builds a demo contact center: trainees in teams, attempts played through the real engine and\n"
                  "scorer by good, average and careless players over the last D days (default 90), quizzes and\n"
                  "certificates (current, refresher-due, expired, one revoked). The same seed builds the same center.\n"
                  "It goes into an empty database only, unless --into-existing is given. --quiet: no progress;\n"
                  "--now ISO-TIME: the center as of that time (default: now; screenshots and tests pin it).\n");
        return 0;
    }
    if (!args.positional.empty()) throw UsageError(tr("demo takes no arguments (try `frontline help demo`)"));
    if (!args.has("--db")) throw UsageError(tr("demo needs --db PATH (or a postgresql:// address): it never fills your own database by default"));
    DemoOptions o;
    o.trainees = static_cast<int>(numberOption(args, "--trainees", 1, 100000, 40));
    o.attempts = static_cast<int>(numberOption(args, "--attempts", 0, 100000000, 2000));
    o.days = static_cast<int>(numberOption(args, "--days", 1, 3650, 90));
    o.seed = seedOption(args, "--seed").value_or(1);
    o.now = args.get("--now");
    o.allow_existing = args.has("--into-existing");
    auto content = loadContentOrReport(args, io, true);
    if (!content) return 1;
    std::vector<Diagnostic> diags;
    const auto policies = loadPolicies(content->paths.root / "policies", diags);
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    try {
        const bool quiet = args.has("--quiet");
        const DemoSummary s = buildDemoCenter(*store, *content, policies, o, [&](int written) {
            if (!quiet && (written % 50000 == 0 || written == o.attempts)) io.err << "  " << fmt(trn("{0} attempt written", "{0} attempts written", static_cast<unsigned long>(written)), written) << "\n";
        });
        io.out << fmt(tr("Demo center in {0}: {1} trainees in {2} teams, {3} attempts (from {4} games played), {5} quizzes, "
                         "{6} certificates ({7} revoked)."),
                      store->locator(), s.trainees, s.teams.size(), s.attempts, s.games_played, s.quizzes, s.certificates, s.revoked)
               << "\n";
        return 0;
    } catch (const DemoRefused& e) {
        io.err << "frontline: demo: " << fmt(tr("{0}; nothing was written."), e.what()) << "\n";

    } catch (const StoreError& e) {
        io.err << "frontline: demo: " << e.what() << "\n";
    }
    return 1;
}

}  // namespace frontline::cli
