// Applying and checking content translation overlays (translation.hpp). One walk per kind of unit
// visits every shown text of the source with the overlay's value at the same id, if any: the
// same walk applies a translation at load time and counts coverage in `frontline validate`.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include "frontline/translation.hpp"
#include "json_pointer.hpp"

namespace frontline {

TranslationCount& TranslationCount::operator+=(const TranslationCount& other) {
    texts += other.texts;
    translated += other.translated;
    return *this;
}

std::filesystem::path translationDirectory(const std::filesystem::path& content_root, const std::string& language) {
    return content_root / "translations" / language;
}

namespace {

using nlohmann::json;

// {company}, {agent}… in a text, as a sorted set.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> found;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open + 1, close - open - 1);
        const bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c == '.';
        });
        if (word) found.insert("{" + name + "}");
    }
    return found;
}

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "none" : out;
}

// A place in the overlay: its value (null when the overlay has nothing there) and JSON pointer.
struct At {
    const json* value = nullptr;
    std::string pointer;

    At operator[](const std::string& key) const {
        const json* child = nullptr;
        if (value && value->is_object())
            if (auto it = value->find(key); it != value->end() && !it->is_null()) child = &*it;
        return {child, pointer + "/" + escapePointerToken(key)};
    }
    At operator[](size_t index) const {
        const json* child = value && value->is_array() && index < value->size() ? &(*value)[index] : nullptr;
        return {child, pointer + "/" + std::to_string(index)};
    }
};

// Applies texts from one overlay document and counts them.
class OverlayWalk {
public:
    OverlayWalk(const JsonDocument* doc, std::vector<Diagnostic>& diags) : doc_(doc), diags_(diags) {}

    At root() const { return {doc_ ? &doc_->value : nullptr, ""}; }
    const TranslationCount& count() const { return count_; }

    // `target` takes the overlay's text at `at` when it is a non-empty string whose placeholders
    // are the source's. Returns whether it did.
    bool text(std::string& target, const At& at) {
        if (target.empty()) return false;
        ++count_.texts;
        if (!at.value || !at.value->is_string() || at.value->get_ref<const std::string&>().empty()) return false;
        const auto& translated = at.value->get_ref<const std::string&>();
        const auto source_names = placeholders(target), names = placeholders(translated);
        if (source_names != names) {
            error(at.pointer, "the translation's placeholders (" + joined(names) + ") are not the source text's (" +
                                  joined(source_names) + ")");
            return false;
        }
        target = translated;
        ++count_.translated;
        return true;
    }
    // A list translated entry by entry (SOP step actions, ordering items): same length as the source.
    void texts(std::vector<std::string>& targets, const At& at) {
        if (at.value && at.value->is_array() && at.value->size() != targets.size()) {
            error(at.pointer, "has " + std::to_string(at.value->size()) + " entries where the source has " +
                                  std::to_string(targets.size()) + "; translate each entry in its place");
            for (auto& t : targets) text(t, At{});
            return;
        }
        for (size_t i = 0; i < targets.size(); ++i) text(targets[i], at[i]);
    }
    // Phrases matched against what the trainee says or types: the overlay's are added.
    void extraPhrases(std::vector<std::string>& targets, const At& at) {
        if (!at.value || !at.value->is_array()) return;
        for (const auto& phrase : *at.value)
            if (phrase.is_string() && std::find(targets.begin(), targets.end(), phrase.get<std::string>()) == targets.end())
                targets.push_back(phrase.get<std::string>());
    }
    // Keys of the object at `at` that are not among `known`: each an error naming the id.
    void knownKeys(const At& at, const std::set<std::string>& known, const std::string& what) {
        if (!at.value || !at.value->is_object()) return;
        for (const auto& [key, value] : at.value->items())
            if (!known.count(key)) error(at.pointer + "/" + escapePointerToken(key), "unknown " + what + " '" + key + "'");
    }
    void error(const std::string& pointer, const std::string& message) {
        if (doc_) diags_.push_back(doc_->diag(Severity::Error, pointer, message));
    }

private:
    const JsonDocument* doc_;
    std::vector<Diagnostic>& diags_;
    TranslationCount count_;
};

template <class List, class Key>
std::set<std::string> idsOf(const List& list, Key key) {
    std::set<std::string> ids;
    for (const auto& item : list) ids.insert(key(item));
    return ids;
}

// ---- the SOP ---------------------------------------------------------------------------------

void translateSteps(Sop& sop, OverlayWalk& walk, const At& steps) {
    walk.knownKeys(steps, idsOf(sop.steps, [](const SopStep& s) { return s.id; }), "step");
    for (auto& step : sop.steps) {
        walk.text(step.title, steps[step.id]["title"]);
        walk.texts(step.actions, steps[step.id]["actions"]);
    }
}

void translateScripts(Sop& sop, OverlayWalk& walk, const At& scripts) {
    walk.knownKeys(scripts, idsOf(sop.scripts, [](const Script& s) { return s.id; }), "script");
    for (auto& script : sop.scripts) {
        const At at = scripts[script.id];
        walk.text(script.text, at["text"]);
        walk.knownKeys(at["elements"], idsOf(script.elements, [](const ScriptElement& e) { return e.id; }), "script element");
        for (auto& element : script.elements) {
            walk.text(element.name, at["elements"][element.id]["name"]);
            walk.extraPhrases(element.any_of, at["elements"][element.id]["any_of"]);
        }
    }
}

void translateNamed(std::vector<Named>& list, OverlayWalk& walk, const At& at, const std::string& what) {
    walk.knownKeys(at, idsOf(list, [](const Named& n) { return n.id; }), what);
    for (auto& item : list) walk.text(item.name, at[item.id]);
}

void translateSopLists(Sop& sop, OverlayWalk& walk, const At& root) {
    const At escalation = root["escalation"];
    walk.text(sop.escalation_process, escalation["process"]);
    walk.knownKeys(escalation["triggers"], idsOf(sop.escalation_triggers, [](const EscalationTrigger& t) { return t.id; }), "trigger");
    for (auto& trigger : sop.escalation_triggers) walk.text(trigger.text, escalation["triggers"][trigger.id]);
    translateNamed(sop.teams, walk, escalation["teams"], "team");
    walk.knownKeys(root["definitions"], idsOf(sop.definitions, [](const Definition& d) { return d.term; }), "definition");
    for (auto& d : sop.definitions) {
        walk.text(d.name, root["definitions"][d.term]["name"]);
        walk.text(d.text, root["definitions"][d.term]["text"]);
    }
    walk.knownKeys(root["metrics"], idsOf(sop.metrics, [](const Metric& m) { return m.id; }), "metric");
    for (auto& m : sop.metrics) walk.text(m.name, root["metrics"][m.id]);
    translateNamed(sop.categories, walk, root["categories"], "category");
    translateNamed(sop.disposition_codes, walk, root["disposition_codes"], "disposition code");
    walk.knownKeys(root["outcomes"], idsOf(sop.outcomes, [](const SopOutcome& o) { return o.id; }), "outcome");
    for (auto& o : sop.outcomes) walk.text(o.title, root["outcomes"][o.id]);
    walk.knownKeys(root["topics"], idsOf(sop.topics, [](const Topic& t) { return t.id; }), "topic");
    for (auto& t : sop.topics) walk.text(t.title, root["topics"][t.id]);
    walk.knownKeys(root["rules"], idsOf(sop.rules, [](const SopRule& r) { return r.id; }), "rule");
    for (auto& r : sop.rules) {
        walk.text(r.title, root["rules"][r.id]["title"]);
        walk.text(r.text, root["rules"][r.id]["text"]);
    }
}

// ---- scenarios -------------------------------------------------------------------------------

void translatePersonaAndCrm(Scenario& s, OverlayWalk& walk, const At& root) {
    const At persona = root["persona"];
    walk.text(s.persona.description, persona["description"]);
    walk.text(s.persona.dead_air_prompt, persona["dead_air_prompt"]);
    walk.texts(s.persona.traits, persona["traits"]);
    const At crm = root["crm"];
    std::set<std::string> labels, field_labels, claim_labels;
    for (const auto& f : s.crm.fields) field_labels.insert(f.first);
    for (const auto& c : s.claims) claim_labels.insert(c.first);
    labels = field_labels;
    labels.insert(claim_labels.begin(), claim_labels.end());
    walk.knownKeys(crm["labels"], labels, "CRM or claim label");
    walk.knownKeys(crm["values"], field_labels, "CRM field");
    walk.knownKeys(crm["claims"], claim_labels, "claim");
    // Values first: they are keyed by the source label, which the label table then replaces.
    for (auto& f : s.crm.fields) walk.text(f.second, crm["values"][f.first]);
    for (auto& c : s.claims) walk.text(c.second, crm["claims"][c.first]);
    // One label table for CRM fields and claims, so a claim still lines up with its field.
    for (const auto& label : labels) {
        std::string translated = label;
        if (!walk.text(translated, crm["labels"][label])) continue;
        for (auto& f : s.crm.fields)
            if (f.first == label) f.first = translated;
        for (auto& c : s.claims)
            if (c.first == label) c.first = translated;
    }
    const At history = crm["history"];
    if (history.value && history.value->is_array() && history.value->size() != s.crm.history.size())
        walk.error(history.pointer, "has " + std::to_string(history.value->size()) + " entries where the CRM history has " +
                                        std::to_string(s.crm.history.size()));
    else
        for (size_t i = 0; i < s.crm.history.size(); ++i) walk.text(s.crm.history[i].summary, history[i]);
    walk.knownKeys(crm["tickets"], idsOf(s.crm.open_tickets, [](const CrmTicket& t) { return t.id; }), "ticket");
    for (auto& t : s.crm.open_tickets) walk.text(t.summary, crm["tickets"][t.id]);
}

void translateKb(Scenario& s, OverlayWalk& walk, const At& kb) {
    walk.knownKeys(kb, idsOf(s.kb, [](const KbArticle& a) { return a.id; }), "knowledge-base article");
    for (auto& article : s.kb) {
        walk.text(article.title, kb[article.id]["title"]);
        walk.text(article.body, kb[article.id]["body"]);
        walk.extraPhrases(article.keywords, kb[article.id]["keywords"]);
    }
}

void translateLines(Scenario& s, OverlayWalk& walk, const At& lines) {
    std::set<std::string> ids;
    for (auto& node : s.nodes)
        for (auto& line : node.lines) {
            ids.insert(line.id);
            walk.text(line.text, lines[line.id]);
            for (auto& [alt_id, alt_text] : line.alternatives) {
                ids.insert(alt_id);
                walk.text(alt_text, lines[alt_id]);
            }
        }
    walk.knownKeys(lines, ids, "line");
}

// An option claiming an approved script is checked against the script's phrases: its translation
// must miss the same elements as the source (usually none), or the score would change.
void translateOption(Option& o, const Sop& sop, const OrgSettings& settings, OverlayWalk& walk, const At& at) {
    const Script* script = o.script.empty() ? nullptr : sop.script(o.script);
    const std::string source = o.text;
    if (walk.text(o.text, at["text"]) && script) {
        auto before = missingScriptElements(*script, source, settings, "Alex");
        auto after = missingScriptElements(*script, o.text, settings, "Alex");
        if (before != after) {
            std::string missing;
            for (const auto& id : after) missing += (missing.empty() ? "" : ", ") + id;
            walk.error(at["text"].pointer, "option '" + o.id + "' claims the " + o.script + " script: its translation misses " +
                                               (missing.empty() ? std::string("no element") : "the element(s) " + missing) +
                                               " where the source misses " + std::to_string(before.size()) +
                                               "; use the phrases of the SOP translation's script elements");
            o.text = source;
        }
    }
    walk.text(o.label, at["label"]);
    walk.text(o.feedback, at["feedback"]);
    walk.text(o.unavailable_reason, at["unavailable_reason"]);
}

void translateNodes(Scenario& s, const Sop& sop, const OrgSettings& settings, OverlayWalk& walk, const At& root) {
    std::set<std::string> option_ids, ending_ids;
    for (auto& node : s.nodes) {
        for (auto& o : node.options) {
            option_ids.insert(o.id);
            translateOption(o, sop, settings, walk, root["options"][o.id]);
        }
        if (!node.ending) continue;
        ending_ids.insert(node.id);
        const At ending = root["endings"][node.id];
        walk.text(node.ending->summary, ending["summary"]);
        if (!node.wrap_up) continue;
        auto& mentions = node.wrap_up->notes_mention;
        const At at = ending["notes_mention"];
        if (at.value && at.value->is_array() && at.value->size() != mentions.size()) {
            walk.error(at.pointer, "has " + std::to_string(at.value->size()) + " entries where the ending's notes_mention has " +
                                       std::to_string(mentions.size()));
            continue;
        }
        for (size_t i = 0; i < mentions.size(); ++i) {
            walk.text(mentions[i].meaning, at[i]["meaning"]);
            walk.extraPhrases(mentions[i].any_of, at[i]["any_of"]);
        }
    }
    walk.knownKeys(root["options"], option_ids, "option");
    walk.knownKeys(root["endings"], ending_ids, "ending node");
}

// ---- question banks --------------------------------------------------------------------------

void translateQuestion(Question& q, OverlayWalk& walk, const At& at) {
    walk.text(q.prompt, at["prompt"]);
    walk.text(q.explanation, at["explanation"]);
    walk.knownKeys(at["options"], idsOf(q.options, [](const QuestionOption& o) { return o.id; }), "choice");
    for (auto& o : q.options) {
        walk.text(o.text, at["options"][o.id]["text"]);
        walk.text(o.feedback, at["options"][o.id]["feedback"]);
    }
    walk.texts(q.items, at["items"]);
    std::vector<std::string> excerpt;
    for (const auto& line : q.excerpt) excerpt.push_back(line.text);
    walk.texts(excerpt, at["excerpt"]);
    for (size_t i = 0; i < excerpt.size(); ++i) q.excerpt[i].text = excerpt[i];
    const At pairs = at["pairs"];
    if (pairs.value && pairs.value->is_array() && pairs.value->size() != q.pairs.size()) {
        walk.error(pairs.pointer, "has " + std::to_string(pairs.value->size()) + " pairs where the source has " +
                                      std::to_string(q.pairs.size()) + "; translate each pair in its place");
        return;
    }
    for (size_t i = 0; i < q.pairs.size(); ++i) {
        walk.text(q.pairs[i].left, pairs[i]["left"]);
        walk.text(q.pairs[i].right, pairs[i]["right"]);
    }
}

// ---- files -----------------------------------------------------------------------------------

// The overlay at `file`, schema-checked, or nullopt (diags say why).
std::optional<JsonDocument> readOverlay(const std::filesystem::path& file, std::vector<Diagnostic>& diags) {
    auto doc = readJsonDocument(file, diags);
    if (!doc || !checkSchema(*doc, "translation.schema.json", diags)) return std::nullopt;
    return doc;
}

// The overlay's "language" must be its folder's.
bool overlayLanguageMatches(const JsonDocument& doc, const std::string& language, std::vector<Diagnostic>& diags) {
    const std::string given = doc.value.value("language", std::string());
    if (given == language) return true;
    diags.push_back(doc.diag(Severity::Error, "/language", "the overlay says language '" + given + "' but lies in the folder translations/" +
                                                               language + "/"));
    return false;
}

// ... and the unit it names (`key`) its file's.
bool overlayNamesItsPlace(const JsonDocument& doc, const std::string& language, const char* key, const std::string& id,
                          std::vector<Diagnostic>& diags) {
    bool ok = overlayLanguageMatches(doc, language, diags);
    if (doc.value.value(key, std::string()) != id) {
        diags.push_back(doc.diag(Severity::Error, std::string("/") + key,
                                 std::string("the overlay names ") + key + " '" + doc.value.value(key, std::string()) +
                                     "' but its file name says '" + id + "'"));
        ok = false;
    }
    return ok;
}

std::string stem(const std::filesystem::path& file, std::string_view suffix) {
    std::string name = file.filename().string();
    return name.substr(0, name.size() - suffix.size());
}

// translations/<language>/settings.json: the text settings' defaults in that language ("two
// minutes" inside a Spanish hold script reads wrong). Only text settings: a number is the same in
// every language. A value the organisation saved in the database is applied over these defaults.
void translateDefaultSettings(OrgSettings& settings, const std::filesystem::path& dir, const std::string& language,
                              std::vector<Diagnostic>& diags) {
    const auto file = dir / "settings.json";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return;
    const auto doc = readOverlay(file, diags);
    if (!doc || !overlayLanguageMatches(*doc, language, diags)) return;
    nlohmann::json texts = nlohmann::json::object();
    const nlohmann::json given = doc->value.value("settings", nlohmann::json::object());  // kept alive for the loop
    for (const auto& [key, value] : given.items()) {
        const SettingSpec* spec = settingSpec(key);
        if (spec && spec->kind == SettingKind::Text) texts[key] = value;
        else diags.push_back(doc->diag(Severity::Error, "/settings/" + key, "'" + key + "' is not a text setting; only text settings are translated"));
    }
    try {
        settings = settingsFromJson(texts, settings);
    } catch (const std::invalid_argument& e) {
        diags.push_back(doc->diag(Severity::Error, "/settings", e.what()));
    }
}

// The overlay of the SOP: translations/<language>/sop/ with the SOP's own file name. Any other
// file there is an error (a content tree trains one SOP).
std::optional<JsonDocument> readSopOverlay(const std::filesystem::path& dir, const std::string& language, const Sop& sop,
                                           std::vector<Diagnostic>& diags) {
    const auto name = std::filesystem::path(sop.file).filename();
    std::optional<JsonDocument> overlay;
    for (const auto& file : contentFilesIn(dir / "sop")) {
        if (file.filename() != name) {
            diags.push_back({Severity::Error, file.string(), 0, 0, "no SOP file " + file.filename().string() + " to translate (the SOP is " +
                                                                         name.string() + ")", ""});
            continue;
        }
        overlay = readOverlay(file, diags);
        if (overlay && !overlayNamesItsPlace(*overlay, language, "sop", sop.id, diags)) overlay.reset();
    }
    return overlay;
}

}  // namespace

TranslationCount translateSop(Sop& sop, const JsonDocument* overlay, std::vector<Diagnostic>& diags) {
    OverlayWalk walk(overlay, diags);
    const At root = walk.root();
    walk.text(sop.title, root["title"]);
    walk.text(sop.purpose, root["purpose"]);
    walk.text(sop.scope, root["scope"]);
    translateSteps(sop, walk, root["steps"]);
    translateScripts(sop, walk, root["scripts"]);
    translateSopLists(sop, walk, root);
    return walk.count();
}

TranslationCount translateScenario(Scenario& scenario, const Sop& sop, const OrgSettings& settings, const JsonDocument* overlay,
                                   std::vector<Diagnostic>& diags) {
    OverlayWalk walk(overlay, diags);
    const At root = walk.root();
    if (overlay && root["version"].value && root["version"].value->is_number_integer() &&
        root["version"].value->get<int>() != scenario.version)
        diags.push_back(overlay->diag(Severity::Warning, "/version",
                                      "translates version " + std::to_string(root["version"].value->get<int>()) + " of '" + scenario.id +
                                          "', which is now version " + std::to_string(scenario.version) + ": check what changed"));
    walk.text(scenario.title, root["title"]);
    walk.text(scenario.summary, root["summary"]);
    translatePersonaAndCrm(scenario, walk, root);
    translateKb(scenario, walk, root["kb"]);
    translateLines(scenario, walk, root["lines"]);
    translateNodes(scenario, sop, settings, walk, root);
    return walk.count();
}

TranslationCount translateBank(QuestionBank& bank, const JsonDocument* overlay, std::vector<Diagnostic>& diags) {
    OverlayWalk walk(overlay, diags);
    const At root = walk.root();
    walk.text(bank.title, root["title"]);
    walk.text(bank.description, root["description"]);
    walk.knownKeys(root["questions"], idsOf(bank.questions, [](const Question& q) { return q.id; }), "question");
    for (auto& q : bank.questions) translateQuestion(q, walk, root["questions"][q.id]);
    return walk.count();
}

void applyContentTranslations(ContentLibrary& lib, const std::string& language) {
    const auto dir = translationDirectory(lib.paths.root, language);
    std::error_code ec;
    if (language == "en" || !lib.sop_loaded || !std::filesystem::is_directory(dir, ec)) return;
    auto unreadable = [&lib](const std::filesystem::path& file, std::vector<Diagnostic> diags) {
        lib.diagnostics.insert(lib.diagnostics.end(), diags.begin(), diags.end());
        lib.failed.push_back({file.string(), std::move(diags)});
    };
    {
        std::vector<Diagnostic> diags;
        translateDefaultSettings(lib.default_settings, dir, language, diags);
        if (auto doc = readSopOverlay(dir, language, lib.sop, diags)) translateSop(lib.sop, &*doc, diags);
        lib.diagnostics.insert(lib.diagnostics.end(), diags.begin(), diags.end());
    }
    for (const auto& file : contentFilesIn(dir / "scenarios")) {
        std::vector<Diagnostic> diags;
        auto doc = readOverlay(file, diags);
        const std::string id = stem(file, ".json");
        auto it = std::find_if(lib.scenarios.begin(), lib.scenarios.end(), [&](const auto& s) { return s->id == id; });
        if (!doc) {
            unreadable(file, std::move(diags));
            continue;
        }
        if (it == lib.scenarios.end()) {
            diags.push_back(doc->diag(Severity::Warning, "/scenario", "no scenario '" + id + "' to translate"));
        } else if (overlayNamesItsPlace(*doc, language, "scenario", id, diags)) {
            Scenario translated = **it;
            translateScenario(translated, lib.sop, lib.default_settings, &*doc, diags);
            *it = std::make_shared<const Scenario>(std::move(translated));
        }
        lib.diagnostics.insert(lib.diagnostics.end(), diags.begin(), diags.end());
    }
    std::stable_sort(lib.scenarios.begin(), lib.scenarios.end(), [](const auto& a, const auto& b) {
        return a->difficulty != b->difficulty ? a->difficulty < b->difficulty : a->title < b->title;
    });
}

void applyBankTranslations(std::vector<QuestionBank>& banks, const std::filesystem::path& content_root, const std::string& language,
                           std::vector<Diagnostic>& diags) {
    const auto dir = translationDirectory(content_root, language) / "questions";
    std::error_code ec;
    if (language == "en" || !std::filesystem::is_directory(dir, ec)) return;
    for (const auto& file : contentFilesIn(dir)) {
        const std::string id = stem(file, ".json");
        auto bank = std::find_if(banks.begin(), banks.end(), [&](const QuestionBank& b) { return b.id == id; });
        auto doc = readOverlay(file, diags);
        if (!doc) continue;
        if (bank == banks.end()) diags.push_back(doc->diag(Severity::Warning, "/bank", "no question bank '" + id + "' to translate"));
        else if (overlayNamesItsPlace(*doc, language, "bank", id, diags)) translateBank(*bank, &*doc, diags);
    }
}

std::vector<std::string> translationLanguages(const std::filesystem::path& content_root) {
    std::vector<std::string> languages;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(content_root / "translations", ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec)) languages.push_back(it->path().filename().string());
    std::sort(languages.begin(), languages.end());
    return languages;
}

namespace {

// Every overlay in `dir` by the id its file name gives; a missing unit is an error.
std::map<std::string, JsonDocument> readOverlays(const std::filesystem::path& dir, const std::string& language, const char* key,
                                                 const std::set<std::string>& known, std::vector<Diagnostic>& diags) {
    std::map<std::string, JsonDocument> overlays;
    for (const auto& file : contentFilesIn(dir)) {
        const std::string id = stem(file, ".json");
        auto doc = readOverlay(file, diags);
        if (!doc) continue;
        if (!known.count(id)) {
            diags.push_back(doc->diag(Severity::Error, std::string("/") + key, std::string("an overlay for ") + key + " '" + id +
                                                                                   "', which the content does not have"));
            continue;
        }
        if (overlayNamesItsPlace(*doc, language, key, id, diags)) overlays.emplace(id, std::move(*doc));
    }
    return overlays;
}

}  // namespace

LanguageCoverage checkTranslations(const ContentLibrary& source, const QuizLibrary& quizzes, const std::string& language,
                                   std::vector<Diagnostic>& diags) {
    LanguageCoverage coverage;
    coverage.language = language;
    const auto dir = translationDirectory(source.paths.root, language);
    OrgSettings settings = source.default_settings;
    translateDefaultSettings(settings, dir, language, diags);
    Sop sop = source.sop;
    const auto sop_overlay = readSopOverlay(dir, language, source.sop, diags);
    coverage.sop = translateSop(sop, sop_overlay ? &*sop_overlay : nullptr, diags);
    coverage.all += coverage.sop;

    auto scenarios = readOverlays(dir / "scenarios", language, "scenario",
                                  idsOf(source.scenarios, [](const auto& s) { return s->id; }), diags);
    for (const auto& s : source.scenarios) {
        Scenario copy = *s;
        auto it = scenarios.find(s->id);
        coverage.all += translateScenario(copy, sop, settings, it == scenarios.end() ? nullptr : &it->second, diags);
        coverage.scenarios += it != scenarios.end();
    }
    coverage.scenarios_total = static_cast<int>(source.scenarios.size());

    auto banks = readOverlays(dir / "questions", language, "bank", idsOf(quizzes.banks, [](const QuestionBank& b) { return b.id; }), diags);
    for (const auto& b : quizzes.banks) {
        QuestionBank copy = b;
        auto it = banks.find(b.id);
        coverage.all += translateBank(copy, it == banks.end() ? nullptr : &it->second, diags);
        coverage.banks += it != banks.end();
    }
    coverage.banks_total = static_cast<int>(quizzes.banks.size());
    return coverage;
}

}  // namespace frontline
