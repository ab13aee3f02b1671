// Graph checks. Structural checks run on the static graph; path checks (required steps, points)
// explore the scenario through the real Engine, so conditions, desk rules and hang-ups behave
// exactly as in play.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include "frontline/content.hpp"
#include "frontline/engine.hpp"
#include "frontline/validator.hpp"

namespace frontline {
namespace {

constexpr long long kPathCap = 20000;  // complete paths explored before giving up (reported as capped)
constexpr size_t kMaxDepth = 64;       // decisions on one path

std::string nodePointer(const std::string& id) {
    std::string out = "/nodes/";
    for (char c : id) out += c == '/' ? std::string("~1") : c == '~' ? std::string("~0") : std::string(1, c);
    return out;
}

Diagnostic makeDiag(const JsonDocument* doc, const Scenario& s, Severity sev, const std::string& pointer, const std::string& message) {
    if (doc) return doc->diag(sev, pointer, message);
    return Diagnostic{sev, s.file, 0, 0, message, pointer};
}

struct Explorer {
    explicit Explorer(std::vector<std::string> required_steps) : required(std::move(required_steps)) {}

    std::vector<std::string> required;
    PathStats stats;
    bool min_set = false;
    // Required steps missed by the best-covering path to a good ending (empty: a perfect path
    // exists); unset while no path has reached a good ending.
    std::optional<std::vector<std::string>> best_missing;
    std::map<std::string, std::set<std::string>> skippable;  // good ending -> required steps some path skips
    std::vector<std::string> path;
    std::set<std::string> states_on_path;  // Engine::stateKey() of every state on the current path

    std::vector<std::string> missingSteps(const Engine& e) const {
        std::vector<std::string> missing;
        const auto* wrap = e.wrapUpExpectation();
        for (const auto& step : required) {
            if (e.stepDone(step)) continue;
            // The wrap-up form (filled in well) documents the call and creates the follow-up task.
            if (wrap && (step == "document" || step == "follow_up")) continue;
            missing.push_back(step);
        }
        return missing;
    }

    void finishPath(const Engine& e) {
        ++stats.paths;
        int points = 0;
        for (const auto& ev : e.log().events)
            if (ev.type == EventType::Choice) points += ev.points;
        if (!min_set || points < stats.min_points) stats.min_points = points;
        if (!min_set || points > stats.max_points) {
            stats.max_points = points;
            stats.best_path = path;
        }
        min_set = true;
        const Ending* ending = e.ending();
        if (ending && ending->success) {
            auto missing = missingSteps(e);
            if (!best_missing || missing.size() < best_missing->size()) best_missing = missing;
            auto& skipped = skippable[e.log().ending_node];
            skipped.insert(missing.begin(), missing.end());
        }
    }

    void explore(const Engine& e) {
        if (stats.paths >= kPathCap) {
            stats.capped = true;
            return;
        }
        if (e.phase() != Phase::Live) {
            finishPath(e);
            return;
        }
        bool any = false;
        auto key = e.stateKey();
        states_on_path.insert(key);
        for (const auto& option : e.options()) {
            if (option.desk || !option.available) continue;
            any = true;
            Engine next = e;
            next.choose(option.id);
            // Content may loop back (hold and resume, "ask again"): a path that returns to a state
            // it has already been in adds nothing new, so it is not followed.
            if (next.phase() == Phase::Live && states_on_path.count(next.stateKey())) continue;
            path.push_back(option.id);
            if (path.size() < kMaxDepth) explore(next);
            path.pop_back();
            if (stats.capped) break;
        }
        states_on_path.erase(key);
        if (!any) finishPath(e);  // stuck: counted, and the static check reports dead ends
    }
};

}  // namespace

namespace {

// Characters as a reader sees them: UTF-8 continuation bytes don't count.
size_t codePoints(const std::string& text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const Option& bestReply(const std::vector<Option>& options) {
    bool any_clean = std::any_of(options.begin(), options.end(), [](const Option& o) { return o.breaks.empty(); });
    const Option* best = nullptr;
    for (const auto& o : options) {
        if (any_clean && !o.breaks.empty()) continue;
        if (!best || o.points > best->points) best = &o;
    }
    return *best;
}

}  // namespace

ReplyLengthStats replyLengthStats(const Scenario& scenario) {
    ReplyLengthStats stats;
    for (const auto& node : scenario.nodes) {
        if (node.options.size() < 2) continue;
        const Option& best = bestReply(node.options);
        size_t best_length = codePoints(best.text);
        bool longest = std::all_of(node.options.begin(), node.options.end(),
                                   [&](const Option& o) { return &o == &best || codePoints(o.text) <= best_length; });
        ++stats.decision_points;
        if (longest) ++stats.best_is_longest;
    }
    return stats;
}

std::vector<std::string> requiredSteps(const Scenario& scenario, const Sop& sop) {
    if (!scenario.required_steps.empty()) return scenario.required_steps;
    std::vector<std::string> out;
    for (const auto& step : sop.steps)
        if (step.applies == StepApplies::Always) out.push_back(step.id);
    return out;
}

PathStats validateGraph(const Scenario& s, const Sop& sop, const JsonDocument* doc, std::vector<Diagnostic>& diags,
                        bool path_checks) {
    auto report = [&](Severity sev, const std::string& pointer, const std::string& message) {
        diags.push_back(makeDiag(doc, s, sev, pointer, message));
    };
    bool structural_error = false;

    // Dangling targets.
    for (const auto& n : s.nodes)
        for (size_t i = 0; i < n.options.size(); ++i) {
            const auto& o = n.options[i];
            if (!o.next.empty() && !s.node(o.next)) {
                report(Severity::Error, nodePointer(n.id) + "/options/" + std::to_string(i) + "/next",
                       "option '" + o.id + "' goes to unknown node '" + o.next + "'");
                structural_error = true;
            }
        }
    // Dead ends: not an ending and nothing leads on.
    for (const auto& n : s.nodes) {
        if (n.ending) continue;
        bool leaves = std::any_of(n.options.begin(), n.options.end(), [](const Option& o) { return !o.next.empty(); });
        if (!leaves) {
            report(Severity::Error, nodePointer(n.id),
                   n.options.empty() ? "node '" + n.id + "' is a dead end: no options and no ending"
                                     : "node '" + n.id + "' is a dead end: none of its options leads to another node");
            structural_error = true;
        }
    }
    if (structural_error || !s.node(s.start)) return {};

    // Reachability from the start, and which nodes can still reach an ending.
    std::set<std::string> reachable;
    std::queue<std::string> queue;
    queue.push(s.start);
    reachable.insert(s.start);
    while (!queue.empty()) {
        const Node* n = s.node(queue.front());
        queue.pop();
        for (const auto& o : n->options)
            if (!o.next.empty() && reachable.insert(o.next).second) queue.push(o.next);
    }
    for (const auto& n : s.nodes)
        if (!reachable.count(n.id)) {
            report(Severity::Error, nodePointer(n.id), "node '" + n.id + "' is unreachable from the start node '" + s.start + "'");
            structural_error = true;
        }
    std::set<std::string> reaches_end;
    for (const auto& n : s.nodes)
        if (n.ending) reaches_end.insert(n.id);
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& n : s.nodes) {
            if (reaches_end.count(n.id)) continue;
            for (const auto& o : n.options)
                if (!o.next.empty() && reaches_end.count(o.next)) {
                    reaches_end.insert(n.id);
                    changed = true;
                    break;
                }
        }
    }
    for (const auto& n : s.nodes)
        if (reachable.count(n.id) && !reaches_end.count(n.id)) {
            report(Severity::Error, nodePointer(n.id), "node '" + n.id + "' is in a loop with no exit: no ending can be reached from it");
            structural_error = true;
        }
    bool any_good_ending = std::any_of(s.nodes.begin(), s.nodes.end(), [](const Node& n) { return n.ending && n.ending->success; });
    if (!any_good_ending) {
        report(Severity::Error, "/nodes", "the scenario has no good ending (an ending with \"success\": true)");
        structural_error = true;
    }
    if (structural_error || !path_checks) return {};

    // Path checks through the engine, with every desk tool that counts already used.
    OrgSettings defaults;
    Explorer explorer(requiredSteps(s, sop));
    Engine engine(sop, s, defaults, "Alex", 1);
    engine.answer(0);
    for (const auto& option : engine.options())
        if (option.desk && option.available && deskToolCountsForStep4(s, option.id)) engine.choose(option.id);
    explorer.explore(engine);
    PathStats stats = explorer.stats;

    if (!explorer.best_missing) {
        report(Severity::Error, "/nodes", "no play-through reaches a good ending");
    } else if (!explorer.best_missing->empty()) {
        std::string list;
        for (const auto& m : *explorer.best_missing) list += (list.empty() ? "" : ", ") + m;
        report(Severity::Error, "/required_steps",
               "no path to a good ending covers every required SOP step; the best one misses: " + list);
    }
    for (const auto& [ending, skipped] : explorer.skippable) {
        if (skipped.empty()) continue;
        std::string list;
        for (const auto& m : skipped) list += (list.empty() ? "" : ", ") + m;
        report(Severity::Note, nodePointer(ending), "good ending '" + ending + "' can be reached without SOP step(s): " + list +
                                                        " (scoring marks them missed)");
    }
    report(Severity::Note, "", "points over " + std::to_string(stats.paths) + (stats.capped ? "+ (capped)" : "") +
                                   " paths: min " + std::to_string(stats.min_points) + ", max " + std::to_string(stats.max_points));
    return stats;
}

}  // namespace frontline
