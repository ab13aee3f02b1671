#include "frontline/content.hpp"
#include "frontline/paths.hpp"

namespace frontline {

std::optional<TrainingPath> loadTrainingPath(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(path, diags);
    if (!doc || !checkSchema(*doc, "path.schema.json", diags)) return std::nullopt;
    const auto& j = doc->value;
    TrainingPath p;
    p.file = path.string();
    p.id = j.at("id").get<std::string>();
    p.title = j.at("title").get<std::string>();
    p.kind = j.at("kind").get<std::string>();
    p.description = j.value("description", std::string());
    for (const auto& s : j.at("steps"))
        p.steps.push_back({s.at("kind").get<std::string>(), s.at("ref").get<std::string>(), s.value("title", std::string()), s.value("why", std::string())});
    return p;
}

}  // namespace frontline
