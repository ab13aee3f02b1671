#pragma once
// Training paths as data: the onboarding path (model call first, one skill at a time, then the
// knowledge check and certification) and the refresher path. Shown on the home screen.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>
#include "frontline/diagnostics.hpp"

namespace frontline {

struct PathStep {
    std::string kind;  // scenario | quiz | exam | certification
    std::string ref;   // the scenario, bank, exam or policy id
    std::string title;
    std::string why;
};

struct TrainingPath {
    std::string id;
    std::string title;
    std::string kind;  // onboarding | refresher
    std::string description;
    std::vector<PathStep> steps;
    std::string file;
};

std::optional<TrainingPath> loadTrainingPath(const std::filesystem::path& path, std::vector<Diagnostic>& diags);

}  // namespace frontline
