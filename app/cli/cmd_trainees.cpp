// frontline trainees [add NAME [--team TEAM] [--account ID]] [set-account NAME ID] [reset-pin NAME] [--json]
#include <iostream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {
namespace {

nlohmann::json traineeJson(const Trainee& t) {
    return {{"id", t.id}, {"name", t.name}, {"team", t.team}, {"account", t.account}, {"created_at", t.created_at}};
}

int addTrainee(Store& store, const Args& args, Io& io) {
    try {
        auto t = store.createTrainee(args.positional[1], args.get("--team"));
        if (args.has("--account")) {
            store.setTraineeAccount(t.id, args.get("--account"));
            t = *store.trainee(t.id);
        }
        if (args.has("--json")) io.out << jsonText({{"created", traineeJson(t)}}) << "\n";
        else io.out << fmt(tr("Created trainee #{0} {1}"), t.id, t.name) << "\n";
    } catch (const StoreError& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

// The id other systems know the trainee by (the xAPI actor's account name).
int setAccount(Store& store, const Args& args, Io& io) {
    const auto t = traineeOrReport(store, args.positional[1], io);
    if (!t) return 1;
    try {
        store.setTraineeAccount(t->id, args.positional[2]);
    } catch (const StoreError& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    }
    if (args.has("--json")) io.out << jsonText({{"updated", traineeJson(*store.trainee(t->id))}}) << "\n";
    else io.out << fmt(tr("{0}'s account id is now {1}"), utf8::sanitized(t->name), args.positional[2]) << "\n";
    return 0;
}

// A manager's reset for a trainee who forgot their PIN: they choose a new one at their next sign-in.
int resetPin(Store& store, const Args& args, Io& io) {
    const auto t = traineeOrReport(store, args.positional[1], io);
    if (!t || !managerConfirmed(store, args, io)) return 1;
    try {
        const bool had = store.traineePinSet(t->id);
        store.resetTraineePin(t->id);
        io.out << fmt(had ? tr("{0} chooses a new PIN at their next sign-in.") : tr("{0} has no PIN to reset."), utf8::sanitized(t->name)) << "\n";
    } catch (const StoreError& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int cmdTrainees(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {"--account"}, {"--team"}, {"--manager-password-file"}});
    if (args.has("--help")) {
        io.out << tr("usage: frontline trainees [--json]                         list profiles\n"
                  "       frontline trainees add NAME [--team T] [--account ID] [--json]  create a profile\n"
                  "       frontline trainees set-account NAME ID [--json]     the id other systems know them by\n"
                  "       frontline trainees reset-pin NAME [--manager-password-file F]  a forgotten PIN: chosen anew\n"
                  "The account id (an LMS login, an e-mail) names the trainee in xAPI statements; until it is set it is\n"
                  "a random id that never changes.\n");
        return 0;
    }
    const std::string sub = args.positional.empty() ? "" : args.positional[0];
    if (sub == "add") {
        if (args.positional.size() != 2) throw UsageError(tr("trainees add needs one NAME"));
        if (args.positional[1].empty()) throw UsageError(tr("a trainee needs a name"));
        requireUtf8(args.positional[1], tr("the trainee name"));
    } else if (sub == "set-account") {
        if (args.positional.size() != 3 || args.positional[2].empty()) throw UsageError(tr("trainees set-account needs NAME and ID"));
        requireUtf8(args.positional[1], tr("the trainee name"));
        requireUtf8(args.positional[2], tr("the account id"));
    } else if (sub == "reset-pin") {
        if (args.positional.size() != 2) throw UsageError(tr("trainees reset-pin needs one NAME"));
        requireUtf8(args.positional[1], tr("the trainee name"));
    } else if (!sub.empty()) {
        throw UsageError(fmt(tr("trainees takes add, set-account or reset-pin, not '{0}'"), utf8::sanitized(sub)));

    }
    if (sub != "add" && args.has("--account")) throw UsageError(tr("--account goes with trainees add"));
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (sub == "add") return addTrainee(*store, args, io);
    if (sub == "set-account") return setAccount(*store, args, io);
    if (sub == "reset-pin") return resetPin(*store, args, io);
    auto trainees = store->trainees();
    if (args.has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& t : trainees) j.push_back(traineeJson(t));
        io.out << jsonText(j) << "\n";
        return 0;
    }
    for (const auto& t : trainees)
        io.out << t.id << "  " << utf8::sanitized(t.name) << (t.team.empty() ? "" : "  (" + utf8::sanitized(t.team) + ")") << "\n";
    if (trainees.empty()) io.out << tr("No trainees yet. `frontline trainees add NAME` or play a scenario with --trainee NAME.\n");
    return 0;
}

}  // namespace frontline::cli
