// Content translations (translation.hpp): overlay files keyed by stable ids replace shown texts
// only, fall back to the source text, and are checked by `frontline validate` with coverage.
#include <doctest/doctest.h>
#include <fstream>
#include "../temp_dir.hpp"
#include "cli_runner.hpp"
#include "frontline/golden.hpp"
#include "frontline/translation.hpp"
#include "test_support.hpp"

using namespace frontline;
using namespace frontline::test;
using Run = frontline::test::CliRun;

namespace {

Scenario bundledScenario(const std::string& id) {
    std::vector<Diagnostic> diags;
    auto s = loadScenario(contentDir() / "scenarios" / (id + ".json"), bundledSop(), diags);
    if (!s) throw std::runtime_error("bundled scenario " + id + " failed to load");
    return *s;
}

JsonDocument overlayText(const std::string& text) {
    std::vector<Diagnostic> diags;
    auto doc = parseJsonDocument("overlay.json", text, diags);
    REQUIRE(doc);
    return *doc;
}

const Option* option(const Scenario& s, const std::string& id) {
    for (const auto& [node, o] : s.allOptions())
        if (o->id == id) return o;
    return nullptr;
}

const Line* line(const Scenario& s, const std::string& id) {
    for (const auto& n : s.nodes)
        for (const auto& l : n.lines)
            if (l.id == id) return &l;
    return nullptr;
}

bool mentions(const std::vector<Diagnostic>& diags, const std::string& words) {
    for (const auto& d : diags)
        if (d.message.find(words) != std::string::npos) return true;
    return false;
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("every bundled golden transcript replays to the same result with the Spanish overlay") {
    const ContentLibrary english = loadContent(ContentPaths::at(contentDir()));
    const ContentLibrary spanish = loadContent(ContentPaths::at(contentDir()), true, "es");
    REQUIRE(spanish.sop_loaded);
    for (const auto& d : spanish.diagnostics) CHECK_MESSAGE(d.severity != Severity::Error, format(d));
    // The overlay did apply: shown texts are Spanish, ids are the source's.
    REQUIRE(spanish.scenario("model-inbound-call"));
    CHECK(spanish.scenario("model-inbound-call")->title == "Una llamada modelo: cambiar la fecha de pago");
    CHECK(spanish.sop.step("verify")->title == "Verificar la identidad del cliente");
    CHECK(spanish.scenarios.size() == english.scenarios.size());
    int replayed = 0;
    for (const auto& file : contentFilesIn(contentDir() / "golden")) {
        std::vector<Diagnostic> diags;
        auto golden = loadGoldenFile(file, diags);
        REQUIRE(golden);
        const Scenario* en = english.scenario(golden->scenario);
        const Scenario* es = spanish.scenario(golden->scenario);
        REQUIRE((en && es));
        for (const auto& p : golden->playthroughs) {
            INFO(golden->scenario << " / " << p.name);
            auto in_spanish = replayGolden(spanish.sop, *es, spanish.default_settings, p);
            for (const auto& problem : in_spanish.problems) FAIL_CHECK(problem);
            auto in_english = replayGolden(english.sop, *en, english.default_settings, p);
            CHECK(in_spanish.report.outcome == in_english.report.outcome);
            CHECK(in_spanish.report.adherence == in_english.report.adherence);
            CHECK(in_spanish.report.stars == in_english.report.stars);
            CHECK(in_spanish.report.passed == in_english.report.passed);
            CHECK(in_spanish.report.breaches.size() == in_english.report.breaches.size());
            ++replayed;
        }
    }
    CHECK(replayed > 26);
}

TEST_CASE("the Spanish overlay translates every text of the SOP, nine scenarios and three question banks") {
    const ContentLibrary english = loadContent(ContentPaths::at(contentDir()), false);
    const QuizLibrary quizzes = loadQuizLibrary(contentDir() / "questions", english.sop);
    std::vector<Diagnostic> diags;
    const LanguageCoverage es = checkTranslations(english, quizzes, "es", diags);
    for (const auto& d : diags) FAIL_CHECK(format(d));
    CHECK(es.sop.texts > 150);
    CHECK(es.sop.translated == es.sop.texts);
    CHECK(es.scenarios == 9);
    CHECK(es.banks == 3);
    CHECK(es.scenarios_total == static_cast<int>(english.scenarios.size()));
    // Each overlay is complete: counted on its own, nothing falls back to English.
    for (const auto& file : contentFilesIn(translationDirectory(contentDir(), "es") / "scenarios")) {
        INFO(file.string());
        auto doc = readJsonDocument(file, diags);
        REQUIRE(doc);
        Scenario s = bundledScenario(file.stem().string());
        const Sop& sop = bundledSop();
        auto count = translateScenario(s, sop, english.default_settings, &*doc, diags);
        CHECK(count.translated == count.texts);
    }
    for (const auto& file : contentFilesIn(translationDirectory(contentDir(), "es") / "questions")) {
        INFO(file.string());
        auto doc = readJsonDocument(file, diags);
        REQUIRE(doc);
        QuestionBank bank = *quizzes.bank(file.stem().string());
        auto count = translateBank(bank, &*doc, diags);
        CHECK(count.translated == count.texts);
    }
}

TEST_CASE("the SOP overlay translates outcome titles, counts them, and keeps the ids") {
    std::vector<Diagnostic> diags;
    auto doc = readJsonDocument(translationDirectory(contentDir(), "es") / "sop" / "inbound.sop.json", diags);
    REQUIRE(doc);
    Sop spanish = bundledSop();
    const TranslationCount full = translateSop(spanish, &*doc, diags);
    CHECK(diags.empty());
    CHECK(spanish.outcomeTitle("customer_hung_up") == "El cliente colgó");
    CHECK(spanish.outcomeIdWithRole("hung_up") == "customer_hung_up");

    // Without its outcomes the overlay counts the same texts, ten fewer translated.
    doc->value.erase("outcomes");
    Sop partial = bundledSop();
    const TranslationCount without = translateSop(partial, &*doc, diags);
    CHECK(without.texts == full.texts);
    CHECK(without.translated == full.translated - 10);
    CHECK(partial.outcomeTitle("customer_hung_up") == "Customer hung up");

    auto unknown = overlayText("{\"language\": \"es\", \"sop\": \"inbound-calls-chats\",\n \"outcomes\": {\"gave_up\": \"Se rindió\"}}");
    Sop sop = bundledSop();
    translateSop(sop, &unknown, diags);
    CHECK(mentions(diags, "unknown outcome 'gave_up'"));
}

TEST_CASE("a translated question bank keeps its answers and fills the exam sections' default titles") {
    const ContentLibrary english = loadContent(ContentPaths::at(contentDir()), false);
    const QuizLibrary en = loadQuizLibrary(contentDir() / "questions", english.sop);
    const QuizLibrary es = loadQuizLibrary(contentDir() / "questions", english.sop, "es");
    for (const auto& d : es.diagnostics) CHECK_MESSAGE(d.severity != Severity::Error, format(d));
    const Question* en_q = en.question("steps.order.eight");
    const Question* es_q = es.question("steps.order.eight");
    REQUIRE((en_q && es_q));
    CHECK(es_q->items.front() == "Recibir la interacción");
    CHECK(es_q->items.size() == en_q->items.size());
    CHECK(es_q->correct == en_q->correct);
    CHECK(es.bank("scripts")->title == "Guiones aprobados");
    CHECK(es.bank("compliance")->title == en.bank("compliance")->title);  // no overlay: the source
}

TEST_CASE("an overlay replaces the texts it gives and leaves every other text and every id alone") {
    Scenario s = bundledScenario("model-inbound-call");
    const Scenario source = s;
    std::vector<Diagnostic> diags;
    auto doc = overlayText(R"({"language": "es", "scenario": "model-inbound-call",
        "title": "Título",
        "lines": {"request.c1b": "Variante"},
        "options": {"verify.pass": {"feedback": "Coinciden. El estándar: {verification_standard}."}},
        "crm": {"labels": {"Postcode": "Código postal"}, "values": {"Plan": "Fibra"}},
        "kb": {"direct-debit-dates": {"keywords": ["domiciliación"]}},
        "endings": {"end_resolved": {"notes_mention": [{"meaning": "el débito", "any_of": ["domiciliación"]}, {}, {}]}}})");
    auto count = translateScenario(s, bundledSop(), OrgSettings{}, &doc, diags);
    for (const auto& d : diags) FAIL_CHECK(format(d));
    CHECK(count.translated == 6);  // title, one alternative, one feedback, one label, one value, one meaning
    CHECK(count.texts > 100);
    CHECK(s.title == "Título");
    CHECK(s.summary == source.summary);
    CHECK(line(s, "request.c1")->text == line(source, "request.c1")->text);
    CHECK(line(s, "request.c1")->alternatives.front().second == "Variante");
    CHECK(line(s, "request.c1")->alternatives.front().first == "request.c1b");
    CHECK(option(s, "verify.pass")->text == option(source, "verify.pass")->text);
    CHECK(option(s, "verify.pass")->feedback.rfind("Coinciden.", 0) == 0);
    CHECK(option(s, "verify.pass")->points == option(source, "verify.pass")->points);
    // The one label table renames the field and the claim alike, so they still line up.
    int postcodes = 0;
    for (const auto& [label, value] : s.crm.fields) postcodes += label == "Código postal";
    for (const auto& [label, value] : s.claims) postcodes += label == "Código postal";
    CHECK(postcodes == 2);
    // Phrases matched against what the trainee types are added to, never replaced.
    const auto& any_of = s.node("end_resolved")->wrap_up->notes_mention.front().any_of;
    CHECK(any_of.front() == "direct debit");
    CHECK(any_of.back() == "domiciliación");
    CHECK(s.article("direct-debit-dates")->keywords.back() == "domiciliación");
}

TEST_CASE("an overlay with an unknown id or other placeholders is an error at its line and column, and the source text stays") {
    Scenario s = bundledScenario("model-inbound-call");
    const Scenario source = s;
    std::vector<Diagnostic> diags;
    auto doc = overlayText("{\"language\": \"es\", \"scenario\": \"model-inbound-call\",\n"
                           " \"lines\": {\"open.nope\": \"¿Qué?\"},\n"
                           " \"options\": {\"open.greet\": {\"text\": \"Gracias por llamar a {empresa}. ¿En qué puedo ayudarle hoy?\"}}}");
    translateScenario(s, bundledSop(), OrgSettings{}, &doc, diags);
    REQUIRE(diags.size() == 2);
    CHECK(mentions(diags, "unknown line 'open.nope'"));
    CHECK(mentions(diags, "placeholders ({empresa}) are not the source text's ({agent}, {company})"));
    for (const auto& d : diags) {
        CHECK(d.severity == Severity::Error);
        CHECK(d.line >= 2);
        CHECK(d.column > 1);
    }
    CHECK(option(s, "open.greet")->text == option(source, "open.greet")->text);
}

TEST_CASE("a scripted option whose translation misses a script element keeps its source text") {
    Scenario s = bundledScenario("model-inbound-call");
    const Scenario source = s;
    Sop sop = bundledSop();
    std::vector<Diagnostic> diags;
    // Without the SOP overlay's Spanish phrases nothing Spanish can show the greeting's elements.
    auto doc = overlayText(R"({"language": "es", "scenario": "model-inbound-call",
        "options": {"open.greet": {"text": "Gracias por llamar a {company}. Le atiende {agent}. ¿En qué puedo ayudarle hoy?"}}})");
    translateScenario(s, sop, OrgSettings{}, &doc, diags);
    CHECK(mentions(diags, "claims the greeting script"));
    CHECK(option(s, "open.greet")->text == option(source, "open.greet")->text);

    // With them it applies, and the option still claims a complete greeting.
    auto sop_doc = readJsonDocument(translationDirectory(contentDir(), "es") / "sop" / "inbound.sop.json", diags);
    REQUIRE(sop_doc);
    translateSop(sop, &*sop_doc, diags);
    diags.clear();
    s = source;
    translateScenario(s, sop, OrgSettings{}, &doc, diags);
    CHECK(diags.empty());
    CHECK(option(s, "open.greet")->text.rfind("Gracias por llamar", 0) == 0);
    CHECK(missingScriptElements(*sop.script("greeting"), option(s, "open.greet")->text, OrgSettings{}, "Alex").empty());
}

TEST_CASE("validate checks overlays and reports coverage per language") {
    TempDir dir;
    const auto content = dir / "content";
    std::filesystem::copy(contentDir().parent_path() / "schema", dir / "schema");
    std::filesystem::create_directories(content / "scenarios");
    std::filesystem::create_directories(content / "golden");
    std::filesystem::copy(contentDir() / "sop", content / "sop");
    std::filesystem::copy(contentDir() / "settings.json", content / "settings.json");
    for (const char* id : {"model-inbound-call", "failed-verification"}) {
        std::filesystem::copy(contentDir() / "scenarios" / (std::string(id) + ".json"), content / "scenarios");
        std::filesystem::copy(contentDir() / "golden" / (std::string(id) + ".golden.json"), content / "golden");
    }
    std::filesystem::create_directories(translationDirectory(content, "es"));
    std::filesystem::copy(translationDirectory(contentDir(), "es") / "sop", translationDirectory(content, "es") / "sop",
                          std::filesystem::copy_options::recursive);
    std::filesystem::create_directories(translationDirectory(content, "es") / "scenarios");
    std::filesystem::copy(translationDirectory(contentDir(), "es") / "scenarios" / "model-inbound-call.json",
                          translationDirectory(content, "es") / "scenarios");

    Run good = runCli({"validate", content.string(), "--json", "--quiet"});
    CHECK(good.code == 0);
    auto coverage = good.json()["translations"];
    REQUIRE(coverage.size() == 1);
    CHECK(coverage[0]["language"] == "es");
    CHECK(coverage[0]["scenarios"] == 1);
    CHECK(coverage[0]["scenarios_total"] == 2);
    CHECK(coverage[0]["sop_translated"] == coverage[0]["sop_texts"]);
    CHECK(coverage[0]["translated"].get<int>() < coverage[0]["texts"].get<int>());
    Run text = runCli({"validate", content.string(), "--quiet"});
    CHECK(text.out.find("es: 1 of 2 scenarios, 0 of 0 question banks, SOP 100 %; ") != std::string::npos);

    // An overlay for a scenario the content does not have, and one naming an unknown option.
    write(translationDirectory(content, "es") / "scenarios" / "no-such-scenario.json",
          R"({"language": "es", "scenario": "no-such-scenario", "title": "Nada"})");
    write(translationDirectory(content, "es") / "scenarios" / "failed-verification.json",
          "{\"language\": \"es\", \"scenario\": \"failed-verification\",\n \"options\": {\"open.nope\": {\"text\": \"Hola\"}}}");
    Run bad = runCli({"validate", content.string(), "--quiet"});
    CHECK(bad.code == 1);
    CHECK(bad.out.find("no-such-scenario.json:1:") != std::string::npos);
    CHECK(bad.out.find("which the content does not have") != std::string::npos);
    CHECK(bad.out.find("failed-verification.json:2:") != std::string::npos);
    CHECK(bad.out.find("unknown option 'open.nope'") != std::string::npos);
}

TEST_CASE("a settings overlay gives the text settings' defaults in that language, and only text settings") {
    const ContentLibrary english = loadContent(ContentPaths::at(contentDir()), false, "en");
    const ContentLibrary spanish = loadContent(ContentPaths::at(contentDir()), false, "es");
    CHECK(english.default_settings.hold_estimate == "two minutes");
    CHECK(spanish.default_settings.hold_estimate == "un par de minutos");
    CHECK(spanish.default_settings.verification_standard.find("titular") != std::string::npos);
    CHECK(spanish.default_settings.scenario_pass_mark == english.default_settings.scenario_pass_mark);
    // The hold script is filled with the Spanish default.
    REQUIRE(spanish.sop.script("hold"));
    const std::string hold = fillPlaceholders(spanish.sop.script("hold")->text, spanish.default_settings, "Ana");
    CHECK(hold.find("un par de minutos") != std::string::npos);

    TempDir dir;
    const auto content = dir / "content";
    std::filesystem::copy(contentDir().parent_path() / "schema", dir / "schema");
    std::filesystem::create_directories(content / "scenarios");
    std::filesystem::copy(contentDir() / "sop", content / "sop");
    std::filesystem::copy(contentDir() / "settings.json", content / "settings.json");
    std::filesystem::create_directories(translationDirectory(content, "es"));
    write(translationDirectory(content, "es") / "settings.json",
          "{\"language\": \"es\",\n \"settings\": {\"hold_estimate\": \"un momento\", \"scenario_pass_mark\": \"90\"}}");
    const ContentLibrary lib = loadContent(ContentPaths::at(content), false, "es");
    CHECK(lib.default_settings.hold_estimate == "un momento");
    CHECK(lib.default_settings.scenario_pass_mark == english.default_settings.scenario_pass_mark);
    bool named = false;
    for (const auto& d : lib.diagnostics)
        named = named || (d.severity == Severity::Error && d.line == 2 && d.message.find("'scenario_pass_mark' is not a text setting") != std::string::npos);
    CHECK(named);
}
