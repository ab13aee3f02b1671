// frontline audit [--limit N] [--json]: the audit trail for the training manager.
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {

int cmdAudit(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {"--limit"}, {}, {}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline audit [--limit N] [--json]\n"
                  "Every settings change (old -> new), certificate issued and revocation: when, who, what.\n"
                  "Newest first; --limit N shows the newest N (0 = all, the default).\n");
        return 0;
    }
    if (!args.positional.empty()) throw UsageError(tr("audit takes no arguments (try `frontline help audit`)"));
    const int limit = static_cast<int>(numberOption(args, "--limit", 0, 1000000, 0));
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    std::vector<AuditEntry> trail;
    try {
        trail = store->auditTrail(limit);
    } catch (const StoreError& e) {
        io.err << "frontline: " << fmt(tr("cannot read the audit trail: {0}"), e.what()) << "\n";
        return 1;
    }
    if (args.has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& a : trail)
            j.push_back({{"id", a.id}, {"at", a.at}, {"actor", a.actor}, {"action", a.action}, {"subject", a.subject},
                         {"old", a.old_value}, {"new", a.new_value}});
        io.out << jsonText(j) << "\n";
        return 0;
    }
    for (const auto& a : trail) {
        io.out << a.at << "  " << utf8::sanitized(a.actor) << "  " << a.action << "  " << utf8::sanitized(a.subject) << ": "
               << (a.old_value.empty() ? tr("(none)") : utf8::sanitized(a.old_value)) << " -> "
               << (a.new_value.empty() ? tr("(none)") : utf8::sanitized(a.new_value)) << "\n";

    }
    if (trail.empty()) io.out << tr("Nothing in the audit trail yet.\n");
    return 0;
}

}  // namespace frontline::cli
