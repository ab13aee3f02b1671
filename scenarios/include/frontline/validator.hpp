#pragma once
// Graph checks on a loaded scenario: dangling targets, unreachable nodes, dead ends, loops with no
// exit, required SOP steps that no path to a good ending covers, endings reachable while skipping
// a required step (a note), and the min/max points attainable over all paths.
#include <string>
#include <vector>
#include "frontline/diagnostics.hpp"
#include "frontline/scenario.hpp"
#include "frontline/sop.hpp"

namespace frontline {

struct JsonDocument;

struct PathStats {
    int min_points = 0;  // over complete paths start -> ending (options' base points, desk tools excluded)
    int max_points = 0;
    long long paths = 0;  // complete simple paths counted (capped)
    bool capped = false;  // the path enumeration hit its cap; min/max are over the paths seen
    std::vector<std::string> best_path;  // option ids of a max-points path
};

// Reply-length giveaway check: at how many decision points (nodes offering two or more replies) the
// best reply is also the longest (ties count as longest). A trainee who learns "the long answer is
// the right one" is gaming, not following the SOP. The best reply is the one with the most points
// among those breaking no rule (among all replies when every one breaks a rule), first in file order.
struct ReplyLengthStats {
    int decision_points = 0;
    int best_is_longest = 0;
};
ReplyLengthStats replyLengthStats(const Scenario& scenario);

// The SOP steps a scenario's ideal play must cover, in the SOP's order: every "always" step the
// scenario does not waive, and the steps it lists in required_steps.
std::vector<std::string> requiredSteps(const Scenario& scenario, const Sop& sop);

// Appends diagnostics (positions from `doc` when given). Returns path statistics.
// `path_checks` runs the authoring checks that play every path through the engine (required
// steps on a good path, skippable steps, min/max points); the structural checks always run.
PathStats validateGraph(const Scenario& scenario, const Sop& sop, const JsonDocument* doc,
                        std::vector<Diagnostic>& diags, bool path_checks = true);

}  // namespace frontline
