// Graph checks. Structural checks run on the static graph; path checks (required steps, points)
// explore the scenario through the real Engine, so conditions, desk rules and hang-ups behave
// exactly as in play.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <string_view>
#include <unordered_map>
#include "frontline/content.hpp"
#include "frontline/engine.hpp"
#include "frontline/validator.hpp"

namespace frontline {
namespace {

constexpr long long kPathCap = 20000;   // complete paths explored before giving up (reported as capped)
constexpr long long kStepCap = 100000;  // decisions played in all: paths that never complete (a loop
                                        // whose every pass changes a variable) must stop too
constexpr size_t kMaxDepth = 64;        // decisions on one path

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
    Explorer(const Sop& sop, std::vector<std::string> required_steps)
        : required(std::move(required_steps)),
          wrap_up_steps{sop.stepIdWithRole("documentation"), sop.stepIdWithRole("follow_up")} {}

    std::vector<std::string> required;
    std::vector<std::string> wrap_up_steps;  // what the wrap-up form covers: the documentation and follow-up steps
    PathStats stats;
    bool min_set = false;
    // Required steps missed by the best-covering path to a good ending (empty: a perfect path
    // exists); unset while no path has reached a good ending.
    std::optional<std::vector<std::string>> best_missing;
    std::map<std::string, std::set<std::string>> skippable;  // good ending -> required steps some path skips
    std::vector<std::string> path;
    std::set<std::string> states_on_path;  // Engine::stateKey() of every state on the current path
    int points = 0;                        // base points of the choices on the current path
    bool depth_capped = false;             // some path was cut at kMaxDepth decisions
    long long steps = 0;                   // decisions played so far, all paths

    static int choicePoints(const Engine& e) {
        int sum = 0;
        for (const auto& ev : e.log().events)
            if (ev.type == EventType::Choice) sum += ev.points;
        return sum;
    }

    std::vector<std::string> missingSteps(const Engine& e) const {
        std::vector<std::string> missing;
        const auto* wrap = e.wrapUpExpectation();
        for (const auto& step : required) {
            if (e.stepDone(step)) continue;
            // The wrap-up form (filled in well) documents the call and creates the follow-up task.
            if (wrap && std::find(wrap_up_steps.begin(), wrap_up_steps.end(), step) != wrap_up_steps.end()) continue;
            missing.push_back(step);
        }
        return missing;
    }

    void finishPath(const Engine& e) {
        ++stats.paths;
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

    // `key` is e.stateKey(), computed once by the caller.
    void explore(const Engine& e, const std::string& key) {
        if (stats.paths >= kPathCap || steps >= kStepCap) {
            stats.capped = true;
            return;
        }
        if (e.phase() != Phase::Live) {
            finishPath(e);
            return;
        }
        bool any = false;
        states_on_path.insert(key);
        for (const auto& option : e.options()) {
            if (option.desk || !option.available) continue;
            any = true;
            Engine next = e;  // cheap: `e` keeps no history (forgetHistory)
            next.choose(option.id);
            ++steps;
            // Content may loop back (hold and resume, "ask again"): a path that returns to a state
            // it has already been in adds nothing new, so it is not followed.
            std::string next_key = next.phase() == Phase::Live ? next.stateKey() : std::string();
            if (next.phase() == Phase::Live && states_on_path.count(next_key)) continue;
            const int gained = choicePoints(next);
            next.forgetHistory();
            path.push_back(option.id);
            points += gained;
            if (path.size() < kMaxDepth) explore(next, next_key);
            else depth_capped = true;
            points -= gained;
            path.pop_back();
            if (stats.capped) break;
        }
        states_on_path.erase(key);
        if (!any) finishPath(e);  // stuck: counted, and the static check reports dead ends
    }
};

// Breadth-first search over `edges` from `sources`: which nodes it reaches.
std::vector<bool> markReachable(const std::vector<std::vector<size_t>>& edges, const std::vector<size_t>& sources) {
    std::vector<bool> seen(edges.size(), false);
    std::queue<size_t> queue;
    for (size_t source : sources) {
        seen[source] = true;
        queue.push(source);
    }
    while (!queue.empty()) {
        size_t at = queue.front();
        queue.pop();
        for (size_t to : edges[at])
            if (!seen[to]) {
                seen[to] = true;
                queue.push(to);
            }
    }
    return seen;
}

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
    const auto has = [](const auto& list, auto&& match) { return std::any_of(list.begin(), list.end(), match); };
    std::vector<std::string> out;
    for (const auto& step : sop.steps) {
        const bool listed = has(scenario.required_steps, [&](const std::string& id) { return id == step.id; });
        const bool waived = has(scenario.waived_steps, [&](const StepWaiver& w) { return w.step == step.id; });
        if (listed || (step.applies == StepApplies::Always && !waived)) out.push_back(step.id);
    }
    return out;
}

namespace {

using Report = std::function<void(Severity, const std::string&, const std::string&)>;

// Dangling targets and dead ends. Returns false when there are any.
bool checkTargets(const Scenario& s, const std::unordered_map<std::string_view, size_t>& index, const Report& report) {
    bool ok = true;
    for (const auto& n : s.nodes)
        for (size_t i = 0; i < n.options.size(); ++i) {
            const auto& o = n.options[i];
            if (!o.next.empty() && !index.count(o.next)) {
                report(Severity::Error, nodePointer(n.id) + "/options/" + std::to_string(i) + "/next",
                       "option '" + o.id + "' goes to unknown node '" + o.next + "'");
                ok = false;
            }
        }
    for (const auto& n : s.nodes) {
        if (n.ending) continue;
        bool leaves = std::any_of(n.options.begin(), n.options.end(), [](const Option& o) { return !o.next.empty(); });
        if (!leaves) {
            report(Severity::Error, nodePointer(n.id),
                   n.options.empty() ? "node '" + n.id + "' is a dead end: no options and no ending"
                                     : "node '" + n.id + "' is a dead end: none of its options leads to another node");
            ok = false;
        }
    }
    return ok;
}

// Nodes unreachable from the start, and reachable nodes from which no ending can be reached: two
// breadth-first searches over node indices, linear in the graph (a 60,000-node file once took
// minutes here). Every target must exist (checkTargets). Returns false when there are any.
bool checkReachability(const Scenario& s, const std::unordered_map<std::string_view, size_t>& index, const Report& report) {
    std::vector<std::vector<size_t>> next(s.nodes.size()), previous(s.nodes.size());
    std::vector<size_t> endings;
    for (size_t i = 0; i < s.nodes.size(); ++i) {
        if (s.nodes[i].ending) endings.push_back(i);
        for (const auto& o : s.nodes[i].options)
            if (!o.next.empty()) {
                size_t to = index.at(o.next);
                next[i].push_back(to);
                previous[to].push_back(i);
            }
    }
    auto reachable = markReachable(next, {index.at(s.start)});
    auto reaches_end = markReachable(previous, endings);
    bool ok = true;
    for (size_t i = 0; i < s.nodes.size(); ++i)
        if (!reachable[i]) {
            report(Severity::Error, nodePointer(s.nodes[i].id), "node '" + s.nodes[i].id + "' is unreachable from the start node '" + s.start + "'");
            ok = false;
        }
    for (size_t i = 0; i < s.nodes.size(); ++i)
        if (reachable[i] && !reaches_end[i]) {
            report(Severity::Error, nodePointer(s.nodes[i].id), "node '" + s.nodes[i].id + "' is in a loop with no exit: no ending can be reached from it");
            ok = false;
        }
    bool any_good_ending = std::any_of(s.nodes.begin(), s.nodes.end(), [](const Node& n) { return n.ending && n.ending->success; });
    if (!any_good_ending) {
        report(Severity::Error, "/nodes", "the scenario has no good ending (an ending with \"success\": true)");
        ok = false;
    }
    return ok;
}

// Plays every path through the engine, with every desk tool that counts already used.
PathStats checkPaths(const Scenario& s, const Sop& sop, const Report& report) {
    OrgSettings defaults;
    Explorer explorer(sop, requiredSteps(s, sop));
    Engine engine(sop, s, defaults, "Alex", 1);
    engine.answer(0);
    for (const auto& option : engine.options())
        if (option.desk && option.available && deskToolServesSystemsStep(s, option.id)) engine.choose(option.id);
    explorer.points = Explorer::choicePoints(engine);
    engine.forgetHistory();
    explorer.explore(engine, engine.stateKey());
    PathStats stats = explorer.stats;

    if (!explorer.best_missing) {
        std::string limit = stats.capped ? " within the exploration limit (" + std::to_string(kPathCap) + " paths, " +
                                               std::to_string(kStepCap) + " decisions)"
                            : explorer.depth_capped ? " in at most " + std::to_string(kMaxDepth) + " decisions"
                                                    : "";
        report(Severity::Error, "/nodes", "no play-through reaches a good ending" + limit);
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

}  // namespace

PathStats validateGraph(const Scenario& s, const Sop& sop, const JsonDocument* doc, std::vector<Diagnostic>& diags,
                        bool path_checks) {
    Report report = [&](Severity sev, const std::string& pointer, const std::string& message) {
        diags.push_back(makeDiag(doc, s, sev, pointer, message));
    };
    std::unordered_map<std::string_view, size_t> index;  // node id -> position in s.nodes
    for (size_t i = 0; i < s.nodes.size(); ++i) index.emplace(s.nodes[i].id, i);
    if (!checkTargets(s, index, report) || !index.count(s.start)) return {};
    if (!checkReachability(s, index, report) || !path_checks) return {};
    return checkPaths(s, sop, report);
}

}  // namespace frontline
