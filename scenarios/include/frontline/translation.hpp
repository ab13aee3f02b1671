#pragma once
// Content translations: overlay files under <content>/translations/<language>/ that mirror the
// content (sop/<name>.sop.json, scenarios/<id>.json, questions/<bank>.json) and hold only shown
// texts, keyed by the content's stable ids (format: scenarios/schema/translation.schema.json and
// docs/content-format.md, "Translating content"). Applying an overlay replaces the texts it gives
// and leaves ids, conditions, effects and points alone; a text it lacks stays the source's.
// Phrase lists that are matched against what is said or typed (script elements, notes mentions,
// knowledge-base keywords) are extended, never replaced, so source-language play scores the same.
#include <filesystem>
#include <string>
#include <vector>
#include "frontline/content.hpp"
#include "frontline/quiz.hpp"

namespace frontline {

// loadContent and loadQuizLibrary (content.hpp, quiz.hpp) in a language: the overlay
// translations/<language>/ applied after parsing ("en": none, as the two-argument forms). The code
// is a plain string ("es"): the content library knows nothing of the UI's i18n state.
ContentLibrary loadContent(const ContentPaths& paths, bool path_checks, const std::string& language);
QuizLibrary loadQuizLibrary(const std::filesystem::path& questions_dir, const Sop& sop, const std::string& language);

// How much of one unit (the SOP, a scenario, a bank) an overlay covers.
struct TranslationCount {
    int texts = 0;       // shown texts in the source (empty ones not counted)
    int translated = 0;  // of those, how many the overlay gives
    TranslationCount& operator+=(const TranslationCount& other);
};

// <content_root>/translations/<language>
std::filesystem::path translationDirectory(const std::filesystem::path& content_root, const std::string& language);

// Each applies `overlay` (already parsed; schema-checked by the callers below) in place. An
// unknown id, a placeholder set that differs from the source text's, a list of another length, or
// a scripted option whose translation misses other script elements than the source is an error
// in diags at the overlay's line:col, and that text keeps the source's. A null overlay only counts.
TranslationCount translateSop(Sop& sop, const JsonDocument* overlay, std::vector<Diagnostic>& diags);
TranslationCount translateScenario(Scenario& scenario, const Sop& sop, const OrgSettings& settings,
                                   const JsonDocument* overlay, std::vector<Diagnostic>& diags);
TranslationCount translateBank(QuestionBank& bank, const JsonDocument* overlay, std::vector<Diagnostic>& diags);

// What the loaders above call, also for a library already loaded: nothing for "en" or a language
// without a folder; every overlay file is read once. Problems go to the library's diagnostics (an
// overlay that does not parse also to `failed`); the content itself always loads. The scenarios
// are sorted again (difficulty, then the title shown), as loadContent sorts them.
void applyContentTranslations(ContentLibrary& lib, const std::string& language);
void applyBankTranslations(std::vector<QuestionBank>& banks, const std::filesystem::path& content_root,
                           const std::string& language, std::vector<Diagnostic>& diags);

// ---- checking (frontline validate) -----------------------------------------------------------
struct LanguageCoverage {
    std::string language;
    int scenarios = 0, scenarios_total = 0;  // scenarios with an overlay / loaded scenarios
    int banks = 0, banks_total = 0;          // question banks with an overlay / loaded banks
    TranslationCount sop;                    // the SOP's texts
    TranslationCount all;                    // SOP, scenarios and banks together
};
// The folders under <content_root>/translations/, sorted.
std::vector<std::string> translationLanguages(const std::filesystem::path& content_root);
// Checks every overlay of `language` against the (untranslated) content and counts coverage. An
// overlay for a scenario or bank that is not there, or whose "language" is not its folder's, is
// an error too.
LanguageCoverage checkTranslations(const ContentLibrary& source, const QuizLibrary& quizzes, const std::string& language,
                                   std::vector<Diagnostic>& diags);

}  // namespace frontline
