// frontline trainees [add NAME [--team TEAM]] [--json]
#include <iostream>
#include "cli_support.hpp"

namespace frontline::cli {

int cmdTrainees(const std::vector<std::string>& argv, Io& io) {
    auto args = parseArgs(argv, {"--json", "--help"}, io.err);
    if (!args) return 2;
    if (args->has("--help")) {
        io.out << "usage: frontline trainees [--json]            list profiles\n"
                  "       frontline trainees add NAME [--team T]  create a profile\n";
        return 0;
    }
    auto store = openStoreOrReport(*args, io);
    if (!store) return 1;
    if (!args->positional.empty()) {
        if (args->positional[0] != "add" || args->positional.size() != 2) {
            io.err << "frontline: usage: frontline trainees add NAME [--team TEAM]\n";
            return 2;
        }
        try {
            auto t = store->createTrainee(args->positional[1], args->get("--team"));
            io.out << "Created trainee #" << t.id << " " << t.name << "\n";
        } catch (const StoreError& e) {
            io.err << "frontline: " << e.what() << "\n";
            return 1;
        }
        return 0;
    }
    auto trainees = store->trainees();
    if (args->has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& t : trainees) j.push_back({{"id", t.id}, {"name", t.name}, {"team", t.team}, {"created_at", t.created_at}});
        io.out << j.dump(2) << "\n";
        return 0;
    }
    for (const auto& t : trainees) io.out << t.id << "  " << t.name << (t.team.empty() ? "" : "  (" + t.team + ")") << "\n";
    if (trainees.empty()) io.out << "No trainees yet. `frontline trainees add NAME` or play a scenario with --trainee NAME.\n";
    return 0;
}

}  // namespace frontline::cli
