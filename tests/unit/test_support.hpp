#pragma once
// Shared by the domain tests: the bundled content and the test fixtures.
#include <filesystem>
#include "frontline/content.hpp"
#include "frontline/i18n.hpp"

namespace frontline::test {

inline std::filesystem::path contentDir() { return FRONTLINE_TEST_CONTENT_DIR; }
inline std::filesystem::path fixturesDir() { return FRONTLINE_TEST_FIXTURES_DIR; }

// gettext bound to the build's catalogs in `code`; English again afterwards, whatever the test did
// (the other tests match English texts).
struct LanguageScope {
    explicit LanguageScope(const char* code) {
        i18n::init();
        i18n::setLanguage(code);
    }
    ~LanguageScope() { i18n::setLanguage("en"); }
};

// The bundled SOP, loaded once per test binary.
inline const Sop& bundledSop() {
    static const Sop sop = [] {
        std::vector<Diagnostic> diags;
        setSchemaDirectory(contentDir().parent_path() / "schema");
        auto loaded = loadSop(contentDir() / "sop" / "inbound.sop.json", diags);
        if (!loaded) throw std::runtime_error("bundled SOP failed to load");
        return *loaded;
    }();
    return sop;
}

inline Scenario fixtureScenario(const std::string& name = "tiny") {
    std::vector<Diagnostic> diags;
    auto s = loadScenario(fixturesDir() / "scenarios" / (name + ".json"), bundledSop(), diags);
    if (!s) {
        std::string all;
        for (const auto& d : diags) all += format(d) + "\n";
        throw std::runtime_error("fixture failed to load:\n" + all);
    }
    return *s;
}

}  // namespace frontline::test
