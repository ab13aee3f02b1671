// frontline history [--trainee NAME] [--limit N] [--show ID] [--json]
#include <algorithm>
#include <iostream>
#include <limits>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "debrief_text.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {
namespace {
constexpr std::int64_t kMaxLimit = 1'000'000;
}  // namespace

int cmdHistory(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {"--trainee", "--limit", "--show"}, {}, {}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline history [--trainee NAME] [--limit N] [--show ATTEMPT_ID] [--json] [--db PATH]\n"
                  "--limit N: the newest N attempts (0 to 1000000; 0 = all)\n");
        return 0;
    }
    // Numbers are checked before the database is opened: a mistyped command creates nothing.
    const std::int64_t show = numberOption(args, "--show", 1, std::numeric_limits<std::int64_t>::max(), 0);
    const auto limit = static_cast<int>(numberOption(args, "--limit", 0, kMaxLimit, 0));
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (show) {
        auto attempt = store->attempt(show);
        if (!attempt) {
            io.err << "frontline: " << fmt(tr("no attempt #{0}"), show) << "\n";
            return 1;
        }
        if (args.has("--json")) {
            io.out << jsonText({{"id", attempt->id}, {"trainee", attempt->trainee_name}, {"log", attempt->log}, {"report", attempt->report}})
                   << "\n";
            return 0;
        }
        auto content = loadContentOrReport(args, io, true);
        if (!content) return 1;
        io.out << fmt(tr("Attempt #{0} — {1} — {2} — {3} (SOP {4})"), attempt->id, utf8::sanitized(attempt->trainee_name),
                      attempt->scenario_title, attempt->finished_at, attempt->sop_version)
               << "\n";
        printDebrief(attempt->report, content->sop, io.out);
        return 0;
    }
    std::int64_t trainee_id = 0;
    if (args.has("--trainee")) {
        auto t = store->traineeByName(args.get("--trainee"));
        if (!t) {
            io.err << "frontline: " << fmt(tr("no trainee named '{0}' (see `frontline trainees`)"), utf8::sanitized(args.get("--trainee"))) << "\n";
            return 1;
        }
        trainee_id = t->id;
    }
    auto attempts = store->attempts(trainee_id, limit);
    if (args.has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& a : attempts)
            j.push_back({{"id", a.id}, {"trainee", a.trainee_name}, {"scenario", a.scenario_id}, {"title", a.scenario_title},
                         {"finished_at", a.finished_at}, {"outcome", a.outcome}, {"passed", a.passed},
                         {"critical_failure", a.critical_failure}, {"adherence", a.adherence}, {"points", a.points},
                         {"stars", a.stars}, {"sop_version", a.sop_version}});
        io.out << jsonText(j) << "\n";
        return 0;
    }
    if (attempts.empty()) {
        io.out << tr("No attempts yet. Try `frontline play --list`.\n");
        return 0;
    }
    // Columns count characters, not bytes: "Zoë Ñúñez" is cut and padded like "Sam Rivera".
    using utf8::column;
    io.out << column("#", 6) << column(tr("finished"), 22) << column(tr("trainee"), 16) << column(tr("scenario"), 34) << column(tr("result"), 8)
           << column(tr("SOP%"), 6) << column(tr("points"), 8) << tr("stars") << "\n";
    for (const auto& a : attempts) {
        io.out << column(std::to_string(a.id), 6) << column(a.finished_at, 22) << column(a.trainee_name, 16) << column(a.scenario_title, 34)
               << column(a.critical_failure ? tr("FAIL!") : a.passed ? tr("pass") : tr("fail"), 8)
 << column(std::to_string(a.adherence), 6)
               << column(std::to_string(a.points), 8) << std::string(static_cast<size_t>(std::clamp(a.stars, 0, 3)), '*') << "\n";
    }
    return 0;
}

}  // namespace frontline::cli
