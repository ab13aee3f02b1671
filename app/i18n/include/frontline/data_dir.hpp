#pragma once
// Where the installed data is found: <executable's folder>/../share/frontline (content/, schema/).
// The build tree has the same layout (build/share/frontline links to the sources, see assets/), so
// no binary holds a path of the machine it was built on and an installed one works in any prefix.
#include <filesystem>

namespace frontline {

std::filesystem::path bundledDataDirectory();

}  // namespace frontline
