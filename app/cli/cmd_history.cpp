// frontline history [--trainee NAME] [--limit N] [--show ID] [--json]
#include <iomanip>
#include <iostream>
#include "cli_support.hpp"
#include "debrief_text.hpp"

namespace frontline::cli {

int cmdHistory(const std::vector<std::string>& argv, Io& io) {
    auto args = parseArgs(argv, {"--json", "--help"}, io.err);
    if (!args) return 2;
    if (args->has("--help")) {
        io.out << "usage: frontline history [--trainee NAME] [--limit N] [--show ATTEMPT_ID] [--json] [--db PATH]\n";
        return 0;
    }
    auto store = openStoreOrReport(*args, io);
    if (!store) return 1;
    if (args->has("--show")) {
        auto attempt = store->attempt(std::stoll(args->get("--show")));
        if (!attempt) {
            io.err << "frontline: no attempt #" << args->get("--show") << "\n";
            return 1;
        }
        if (args->has("--json")) {
            io.out << nlohmann::json{{"id", attempt->id}, {"trainee", attempt->trainee_name}, {"log", attempt->log}, {"report", attempt->report}}.dump(2) << "\n";
            return 0;
        }
        auto content = loadContentOrReport(*args, io, true);
        if (!content) return 1;
        io.out << "Attempt #" << attempt->id << " — " << attempt->trainee_name << " — " << attempt->scenario_title << " — " << attempt->finished_at
               << " (SOP " << attempt->sop_version << ")\n";
        printDebrief(attempt->report, content->sop, io.out);
        return 0;
    }
    std::int64_t trainee_id = 0;
    if (args->has("--trainee")) {
        auto t = store->traineeByName(args->get("--trainee"));
        if (!t) {
            io.err << "frontline: no trainee named '" << args->get("--trainee") << "'\n";
            return 1;
        }
        trainee_id = t->id;
    }
    auto attempts = store->attempts(trainee_id, std::stoi(args->get("--limit", "0")));
    if (args->has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& a : attempts)
            j.push_back({{"id", a.id}, {"trainee", a.trainee_name}, {"scenario", a.scenario_id}, {"title", a.scenario_title},
                         {"finished_at", a.finished_at}, {"outcome", a.outcome}, {"passed", a.passed},
                         {"critical_failure", a.critical_failure}, {"adherence", a.adherence}, {"points", a.points},
                         {"stars", a.stars}, {"sop_version", a.sop_version}});
        io.out << j.dump(2) << "\n";
        return 0;
    }
    if (attempts.empty()) {
        io.out << "No attempts yet. Try `frontline play --list`.\n";
        return 0;
    }
    io.out << std::left << std::setw(6) << "#" << std::setw(22) << "finished" << std::setw(16) << "trainee" << std::setw(34) << "scenario"
           << std::setw(8) << "result" << std::setw(6) << "SOP%" << std::setw(8) << "points" << "stars\n";
    for (const auto& a : attempts) {
        io.out << std::left << std::setw(6) << a.id << std::setw(22) << a.finished_at << std::setw(16) << a.trainee_name.substr(0, 15)
               << std::setw(34) << a.scenario_title.substr(0, 33) << std::setw(8)
               << (a.critical_failure ? "FAIL!" : a.passed ? "pass" : "fail") << std::setw(6) << a.adherence << std::setw(8) << a.points
               << std::string(static_cast<size_t>(std::max(0, a.stars)), '*') << "\n";
    }
    return 0;
}

}  // namespace frontline::cli
