#pragma once
// The debrief as terminal text: used by `play` after an attempt and `history --show ID`.
#include <ostream>
#include "frontline/scoring.hpp"
#include "frontline/sop.hpp"

namespace frontline::cli {
void printDebrief(const ScoreReport& report, const Sop& sop, std::ostream& out);
}
