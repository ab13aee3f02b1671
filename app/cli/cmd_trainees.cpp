// frontline trainees [add NAME [--team TEAM]] [--json]
#include <iostream>
#include "cli_support.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {

int cmdTrainees(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {}, {"--team"}, {}});
    if (args.has("--help")) {
        io.out << "usage: frontline trainees [--json]            list profiles\n"
                  "       frontline trainees add NAME [--team T] [--json]  create a profile\n";
        return 0;
    }
    const bool adding = !args.positional.empty();
    if (adding) {
        if (args.positional[0] != "add" || args.positional.size() != 2) throw UsageError("trainees add needs one NAME");
        if (args.positional[1].empty()) throw UsageError("a trainee needs a name");
        requireUtf8(args.positional[1], "the trainee name");
    }
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (adding) {
        try {
            auto t = store->createTrainee(args.positional[1], args.get("--team"));
            if (args.has("--json")) io.out << jsonText({{"created", {{"id", t.id}, {"name", t.name}, {"team", t.team}}}}) << "\n";
            else io.out << "Created trainee #" << t.id << " " << t.name << "\n";
        } catch (const StoreError& e) {
            io.err << "frontline: " << e.what() << "\n";
            return 1;
        }
        return 0;
    }
    auto trainees = store->trainees();
    if (args.has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& t : trainees) j.push_back({{"id", t.id}, {"name", t.name}, {"team", t.team}, {"created_at", t.created_at}});
        io.out << jsonText(j) << "\n";
        return 0;
    }
    for (const auto& t : trainees)
        io.out << t.id << "  " << utf8::sanitized(t.name) << (t.team.empty() ? "" : "  (" + utf8::sanitized(t.team) + ")") << "\n";
    if (trainees.empty()) io.out << "No trainees yet. `frontline trainees add NAME` or play a scenario with --trainee NAME.\n";
    return 0;
}

}  // namespace frontline::cli
