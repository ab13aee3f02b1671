// Scenario model helpers and parsing: JSON (already schema-checked) -> Scenario, plus the
// semantic checks a schema cannot express (ids that must exist in the SOP, unique ids).
#include <algorithm>
#include <cctype>
#include <set>
#include "frontline/content.hpp"
#include "frontline/name_table.hpp"
#include "frontline/scenario.hpp"
#include "frontline/validator.hpp"
#include "json_pointer.hpp"

namespace frontline {

namespace {
constexpr std::pair<Channel, const char*> kChannels[] = {{Channel::Call, "call"}, {Channel::Chat, "chat"}, {Channel::Email, "email"}};
}  // namespace

const char* channelName(Channel c) { return nameIn(kChannels, c, "call"); }
std::optional<Channel> channelFromName(std::string_view name) { return valueIn(kChannels, name); }

const char* actionTypeName(ActionType a) {
    switch (a) {
        case ActionType::Say: return "say";
        case ActionType::Verify: return "verify";
        case ActionType::Hold: return "hold";
        case ActionType::Resume: return "resume";
        case ActionType::Transfer: return "transfer";
        case ActionType::DncCheck: return "dnc_check";
        case ActionType::EndInteraction: return "end";
    }
    return "say";
}

const char* difficultyName(int difficulty) {
    switch (difficulty) {
        case 1: return "Intro";
        case 2: return "Intermediate";
        default: return "Advanced";
    }
}

const Node* Scenario::node(std::string_view node_id) const {
    for (const auto& n : nodes)
        if (n.id == node_id) return &n;
    return nullptr;
}

const KbArticle* Scenario::article(std::string_view article_id) const {
    for (const auto& a : kb)
        if (a.id == article_id) return &a;
    return nullptr;
}

std::vector<std::pair<const Node*, const Option*>> Scenario::allOptions() const {
    std::vector<std::pair<const Node*, const Option*>> out;
    for (const auto& n : nodes)
        for (const auto& o : n.options) out.emplace_back(&n, &o);
    return out;
}

namespace {

std::vector<std::pair<std::string, std::string>> fieldList(const nlohmann::json& j) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& pair : j) out.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
    return out;
}

Condition parseCondition(const nlohmann::json& c) {
    Condition cond;
    if (c.contains("var")) {
        cond.name = c.at("var").get<std::string>();
        if (c.contains("equals")) {
            cond.kind = Condition::Kind::VarEquals;
            cond.value = c.at("equals");
        } else if (c.contains("not_equals")) {
            cond.kind = Condition::Kind::VarNotEquals;
            cond.value = c.at("not_equals");
        } else if (c.contains("at_least")) {
            cond.kind = Condition::Kind::VarAtLeast;
            cond.value = c.at("at_least");
        } else if (c.contains("at_most")) {
            cond.kind = Condition::Kind::VarAtMost;
            cond.value = c.at("at_most");
        } else {
            cond.kind = Condition::Kind::VarEquals;  // {"var": "x"} alone: x is true
            cond.value = true;
        }
    } else if (c.contains("mood_at_least")) {
        cond.kind = Condition::Kind::MoodAtLeast;
        cond.value = c.at("mood_at_least");
    } else if (c.contains("mood_below")) {
        cond.kind = Condition::Kind::MoodBelow;
        cond.value = c.at("mood_below");
    } else if (c.contains("step_done")) {
        cond.kind = Condition::Kind::StepDone;
        cond.name = c.at("step_done").get<std::string>();
    } else if (c.contains("step_not_done")) {
        cond.kind = Condition::Kind::StepNotDone;
        cond.name = c.at("step_not_done").get<std::string>();
    } else if (c.contains("chosen")) {
        cond.kind = Condition::Kind::Chosen;
        cond.name = c.at("chosen").get<std::string>();
    } else if (c.contains("not_chosen")) {
        cond.kind = Condition::Kind::NotChosen;
        cond.name = c.at("not_chosen").get<std::string>();
    }
    return cond;
}

Action parseAction(const nlohmann::json& a) {
    Action action;
    std::string type = a.value("type", std::string("say"));
    if (type == "verify") action.type = ActionType::Verify;
    else if (type == "hold") action.type = ActionType::Hold;
    else if (type == "resume") action.type = ActionType::Resume;
    else if (type == "transfer") action.type = ActionType::Transfer;
    else if (type == "dnc_check") action.type = ActionType::DncCheck;
    else if (type == "end") action.type = ActionType::EndInteraction;
    action.verify_result = a.value("result", std::string());
    action.asked = a.value("asked", false);
    action.estimate = a.value("estimate", false);
    action.mode = a.value("mode", std::string());
    action.team = a.value("team", std::string());
    return action;
}

using Strings = std::vector<std::string>;

// A notes_mention entry: a list of synonyms (the original form) or an object naming its meaning.
NotesMention notesMention(const nlohmann::json& j) {
    NotesMention m;
    if (j.is_array()) {
        m.any_of = j.get<Strings>();
    } else {
        m.meaning = j.value("meaning", std::string());
        m.any_of = j.value("any_of", Strings{});
        m.amounts = j.value("amounts", Strings{});
    }
    if (m.meaning.empty()) m.meaning = !m.any_of.empty() ? m.any_of.front() : !m.amounts.empty() ? m.amounts.front() : "";
    return m;
}

// The member `key` of `j`, or an empty array/object. Returning a reference (not a temporary)
// also sidesteps a GCC 12 false "maybe-uninitialized" on loops over temporaries.
const nlohmann::json& member(const nlohmann::json& j, const char* key, bool object = false) {
    static const nlohmann::json empty_array = nlohmann::json::array();
    static const nlohmann::json empty_object = nlohmann::json::object();
    auto it = j.find(key);
    return it != j.end() ? *it : object ? empty_object : empty_array;
}

// Mandatory means mandatory: an "always" step is required in every scenario unless it is waived
// with a reason. Only such a step can be waived, and not while also listed as required.
void checkMandatorySteps(const Scenario& s, const Sop& sop, const JsonDocument& doc, std::vector<Diagnostic>& diags) {
    const auto listed = [](const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
    std::set<std::string> waived;
    for (size_t i = 0; i < s.waived_steps.size(); ++i) {
        const std::string ptr = "/waived_steps/" + std::to_string(i);
        const StepWaiver& w = s.waived_steps[i];
        const SopStep* step = sop.step(w.step);
        if (!step) diags.push_back(doc.diag(Severity::Error, ptr + "/step", "unknown SOP step '" + w.step + "'"));
        else if (step->applies != StepApplies::Always)
            diags.push_back(doc.diag(Severity::Error, ptr + "/step", "SOP step '" + w.step + "' does not apply always: there is nothing to waive"));
        else if (listed(s.required_steps, w.step))
            diags.push_back(doc.diag(Severity::Error, ptr + "/step", "SOP step '" + w.step + "' is both required and waived"));
        else if (!waived.insert(w.step).second)
            diags.push_back(doc.diag(Severity::Error, ptr + "/step", "SOP step '" + w.step + "' is waived twice"));
        else diags.push_back(doc.diag(Severity::Note, ptr, "SOP step '" + w.step + "' is waived here: " + w.reason));
    }
    if (s.required_steps.empty()) return;  // no list, so nothing left out of one to warn about
    for (const auto& step : sop.steps)
        if (step.applies == StepApplies::Always && !listed(s.required_steps, step.id) && !waived.count(step.id))
            diags.push_back(doc.diag(Severity::Warning, "/required_steps",
                                     "SOP step '" + step.id + "' applies always, so it is required here although required_steps "
                                     "does not list it: list it, or waive it in waived_steps with a reason"));
}

// A label as an author might mistype it: ASCII case and every space ignored.
std::string foldedLabel(const std::string& label) {
    std::string out;
    for (char c : label)
        if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// How far a claim's label is from a field's: 0 when they differ only in case or spacing; one
// label holding the other ("Phone" in "Phone on file") comes next; then the edit distance.
size_t labelDistance(const std::string& claim, const std::string& field) {
    const std::string a = foldedLabel(claim), b = foldedLabel(field);
    if (a == b) return 0;
    if (!a.empty() && !b.empty() && (a.find(b) != std::string::npos || b.find(a) != std::string::npos)) return 1;
    return 1 + editDistance(a, b);
}

// The desk lines a claim up with the CRM field of exactly the same label; any other claim gets a
// row of its own with nothing from the record beside it. A label that differs only in case or
// spacing is a slip (a warning); any other unmatched claim may be meant (a note naming the
// nearest field, or every field when none is close, so a slip shows either way).
void checkClaimLabels(const Scenario& s, const JsonDocument& doc, std::vector<Diagnostic>& diags) {
    if (s.crm.fields.empty()) return;
    std::string all_fields;
    for (const auto& [field, unused] : s.crm.fields) all_fields += (all_fields.empty() ? "'" : ", '") + field + "'";
    for (size_t i = 0; i < s.claims.size(); ++i) {
        const std::string& claim = s.claims[i].first;
        if (std::any_of(s.crm.fields.begin(), s.crm.fields.end(), [&](const auto& field) { return field.first == claim; })) continue;
        const std::string* nearest = nullptr;
        size_t best = std::string::npos;
        for (const auto& [field, unused] : s.crm.fields)
            if (size_t distance = labelDistance(claim, field); distance < best) {
                best = distance;
                nearest = &field;
            }
        const std::string pointer = "/claims/" + std::to_string(i) + "/0";
        const std::string said = "claim '" + claim + "' matches no CRM field label";
        if (best == 0)
            diags.push_back(doc.diag(Severity::Warning, pointer,
                                     said + ": expected '" + *nearest + "' (labels must match exactly, case and spaces included, "
                                                                        "or the desk shows them on separate rows)"));
        else
            diags.push_back(doc.diag(Severity::Note, pointer,
                                     said + ", so the desk shows it on a row of its own; " +
                                         (best <= 3 ? "the nearest CRM field is '" + *nearest + "'" : "the CRM fields are " + all_fields)));
    }
}

}  // namespace

std::optional<Scenario> parseScenario(const JsonDocument& doc, const Sop& sop, std::vector<Diagnostic>& diags, bool path_checks) {
    size_t errors_before = static_cast<size_t>(std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
    if (!checkSchema(doc, "scenario.schema.json", diags)) return std::nullopt;
    const auto& j = doc.value;
    auto error = [&](const std::string& pointer, const std::string& message) { diags.push_back(doc.diag(Severity::Error, pointer, message)); };
    auto warn = [&](const std::string& pointer, const std::string& message) { diags.push_back(doc.diag(Severity::Warning, pointer, message)); };

    Scenario s;
    s.file = doc.file;
    s.id = j.at("id").get<std::string>();
    s.version = j.at("version").get<int>();
    s.title = j.at("title").get<std::string>();
    s.summary = j.at("summary").get<std::string>();
    s.sop = j.at("sop").get<std::string>();
    s.channel = channelFromName(j.at("channel").get<std::string>()).value_or(Channel::Call);  // the schema lists the names
    s.outbound = j.value("outbound", false);
    s.queued_minutes = j.value("queued_minutes", 0);
    s.difficulty = j.at("difficulty").get<int>();
    s.tags = j.at("tags").get<Strings>();
    s.topics = j.value("topics", Strings{});
    s.required_steps = j.value("required_steps", Strings{});
    for (const auto& w : member(j, "waived_steps")) s.waived_steps.push_back({w.at("step").get<std::string>(), w.at("reason").get<std::string>()});
    const auto& p = j.at("persona");
    s.persona = Persona{p.at("name").get<std::string>(), p.at("mood").get<int>(), p.at("patience").get<int>(),
                        p.value("traits", Strings{}), p.value("description", std::string()),
                        p.value("dead_air_seconds", 0), p.value("dead_air_prompt", std::string())};
    if (j.contains("crm")) {
        const auto& crm = j.at("crm");
        if (crm.contains("fields")) s.crm.fields = fieldList(crm.at("fields"));
        for (const auto& h : member(crm, "history"))
            s.crm.history.push_back({h.at("date").get<std::string>(), h.value("channel", std::string()), h.at("summary").get<std::string>()});
        for (const auto& t : member(crm, "open_tickets"))
            s.crm.open_tickets.push_back({t.at("id").get<std::string>(), t.value("status", std::string("open")), t.at("summary").get<std::string>()});
        s.crm.must_review_history = crm.value("must_review_history", false);
    }
    if (j.contains("claims")) s.claims = fieldList(j.at("claims"));
    for (const auto& a : member(j, "kb"))
        s.kb.push_back({a.at("id").get<std::string>(), a.at("title").get<std::string>(), a.at("body").get<std::string>(),
                        a.value("keywords", Strings{}), a.value("relevant", false), a.value("for_step", std::string())});
    for (size_t i = 0; i < s.kb.size(); ++i)
        if (!s.kb[i].for_step.empty() && !sop.step(s.kb[i].for_step))
            error("/kb/" + std::to_string(i) + "/for_step", "unknown SOP step '" + s.kb[i].for_step + "'");
    for (const auto& [name, value] : member(j, "variables", true).items()) s.variables[name] = value;
    s.start = j.at("start").get<std::string>();
    s.claims_heard_at = j.value("claims_heard_at", std::string());

    if (s.sop != sop.id) error("/sop", "scenario trains SOP '" + s.sop + "' but the loaded SOP is '" + sop.id + "'");
    auto checkStep = [&](const std::string& id, const std::string& ptr) {
        if (!sop.step(id)) error(ptr, "unknown SOP step '" + id + "'");
    };
    for (size_t i = 0; i < s.required_steps.size(); ++i) checkStep(s.required_steps[i], "/required_steps/" + std::to_string(i));
    checkMandatorySteps(s, sop, doc, diags);
    for (size_t i = 0; i < s.topics.size(); ++i)
        if (!sop.topic(s.topics[i])) error("/topics/" + std::to_string(i), "unknown SOP topic '" + s.topics[i] + "'");
    checkClaimLabels(s, doc, diags);
    if (s.crm.must_review_history && s.crm.history.empty() && s.crm.open_tickets.empty())
        error("/crm/must_review_history", "must_review_history is set but the CRM has no history or open tickets");
    std::set<std::string> kb_ids;
    for (size_t i = 0; i < s.kb.size(); ++i)
        if (!kb_ids.insert(s.kb[i].id).second) error("/kb/" + std::to_string(i) + "/id", "duplicate knowledge-base article id '" + s.kb[i].id + "'");

    std::set<std::string> stable_ids;  // option and line ids share one namespace per scenario
    auto claimId = [&](const std::string& id, const std::string& ptr) {
        if (id.rfind("desk.", 0) == 0) error(ptr, "ids starting with 'desk.' are reserved for the desk tools");
        else if (!stable_ids.insert(id).second) error(ptr, "duplicate id '" + id + "' (line and option ids must be unique in a scenario)");
    };

    for (const auto& [node_id, nj] : j.at("nodes").items()) {
        Node node;
        node.id = node_id;
        std::string base = "/nodes/" + escapePointerToken(node_id);
        node.line_offset = doc.shallowLine(base);
        const auto& lines = member(nj, "lines");
        for (size_t li = 0; li < lines.size(); ++li) {
            const auto& lj = lines[li];
            Line line{lj.at("id").get<std::string>(), lj.at("speaker").get<std::string>(), lj.at("text").get<std::string>(), {}};
            claimId(line.id, base + "/lines/" + std::to_string(li) + "/id");
            const auto& alts = member(lj, "alternatives");
            for (size_t ai = 0; ai < alts.size(); ++ai) {
                line.alternatives.emplace_back(alts[ai].at("id").get<std::string>(), alts[ai].at("text").get<std::string>());
                claimId(line.alternatives.back().first, base + "/lines/" + std::to_string(li) + "/alternatives/" + std::to_string(ai) + "/id");
            }
            node.lines.push_back(std::move(line));
        }
        const auto& options = member(nj, "options");
        for (size_t oi = 0; oi < options.size(); ++oi) {
            const auto& oj = options[oi];
            std::string op = base + "/options/" + std::to_string(oi);
            Option o;
            o.id = oj.at("id").get<std::string>();
            claimId(o.id, op + "/id");
            o.text = oj.at("text").get<std::string>();
            o.label = oj.value("label", std::string());
            if (oj.contains("action")) o.action = parseAction(oj.at("action"));
            o.script = oj.value("script", std::string());
            o.steps = oj.value("steps", Strings{});
            o.honours = oj.value("honours", Strings{});
            o.breaks = oj.value("breaks", Strings{});
            o.triggers = oj.value("triggers", Strings{});
            o.techniques = oj.value("techniques", Strings{});
            o.commitment = oj.value("commitment", std::string());
            o.empathy = oj.value("empathy", false);
            o.points = oj.value("points", 0);
            if (oj.contains("effects")) {
                const auto& e = oj.at("effects");
                o.effects.mood = e.value("mood", 0);
                o.effects.seconds = e.value("seconds", 0);
                for (const auto& [k, v] : member(e, "set", true).items()) o.effects.set[k] = v;
                for (const auto& [k, v] : member(e, "add", true).items()) o.effects.add[k] = v.get<int>();
            }
            for (const auto& c : member(oj, "requires")) o.requires_.push_back(parseCondition(c));
            o.unavailable_reason = oj.value("unavailable_reason", std::string());
            o.feedback = oj.value("feedback", std::string());
            o.sop_ref = oj.value("sop_ref", std::string());
            o.next = oj.value("next", std::string());

            for (size_t k = 0; k < o.steps.size(); ++k) checkStep(o.steps[k], op + "/steps/" + std::to_string(k));
            for (const char* list : {"honours", "breaks"}) {
                const auto& ids = std::string(list) == "honours" ? o.honours : o.breaks;
                for (size_t k = 0; k < ids.size(); ++k)
                    if (!sop.rule(ids[k])) error(op + "/" + list + "/" + std::to_string(k), "unknown SOP rule '" + ids[k] + "'");
            }
            for (size_t k = 0; k < o.triggers.size(); ++k)
                if (!sop.trigger(o.triggers[k])) error(op + "/triggers/" + std::to_string(k), "unknown escalation trigger '" + o.triggers[k] + "'");
            for (size_t k = 0; k < o.requires_.size(); ++k) {
                const auto& c = o.requires_[k];
                if ((c.kind == Condition::Kind::StepDone || c.kind == Condition::Kind::StepNotDone) && !sop.step(c.name))
                    error(op + "/requires/" + std::to_string(k), "unknown SOP step '" + c.name + "'");
            }
            if (!o.requires_.empty() && o.unavailable_reason.empty())
                warn(op, "option '" + o.id + "' has conditions but no unavailable_reason to show the trainee");
            if (o.action.type == ActionType::Transfer) {
                if (o.action.team.empty() || !sop.team(o.action.team)) error(op + "/action/team", "transfer needs a team from the SOP (got '" + o.action.team + "')");
                if (o.action.mode.empty()) error(op + "/action", "transfer needs a mode: warm or cold");
            }
            if (o.action.type == ActionType::Verify && o.action.verify_result.empty()) error(op + "/action", "verify needs a result: pass or fail");
            if (!o.script.empty()) {
                const Script* script = sop.script(o.script);
                if (!script) {
                    error(op + "/script", "unknown script '" + o.script + "'");
                } else {
                    OrgSettings defaults;
                    auto missing = missingScriptElements(*script, o.text, defaults, "Alex");
                    const std::string script_rule = sop.ruleIdCheckedBy("script_elements");
                    bool declares_break = script_rule.empty() || std::find(o.breaks.begin(), o.breaks.end(), script_rule) != o.breaks.end();
                    if (!missing.empty() && !declares_break) {
                        std::string list;
                        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
                        warn(op + "/text", "claims the " + o.script + " script but lacks its element(s): " + list + " (the engine will record a breach of " + script_rule + ")");
                    }
                }
            }
            bool scored = o.points != 0 || !o.breaks.empty() || !o.honours.empty() || !o.steps.empty();
            if (scored && o.feedback.empty()) warn(op, "scored option '" + o.id + "' has no feedback text");
            if (scored && o.sop_ref.empty()) warn(op, "scored option '" + o.id + "' has no sop_ref citation");
            node.options.push_back(std::move(o));
        }
        if (nj.contains("ending")) {
            const auto& e = nj.at("ending");
            node.ending = Ending{e.at("outcome").get<std::string>(), e.at("success").get<bool>(), e.at("summary").get<std::string>()};
            if (!sop.outcome(node.ending->outcome))
                error(base + "/ending/outcome", "unknown outcome '" + node.ending->outcome + "' (the SOP's outcomes: " + sop.outcomeIds() + ")");
            if (!node.options.empty()) error(base + "/options", "an ending node cannot have options");
        }
        if (nj.contains("wrap_up")) {
            const auto& w = nj.at("wrap_up");
            WrapUpExpectation exp;
            exp.dispositions = w.at("dispositions").get<Strings>();
            exp.category = w.value("category", std::string());
            for (const auto& m : w.value("notes_mention", nlohmann::json::array())) exp.notes_mention.push_back(notesMention(m));
            exp.follow_up_required = w.value("follow_up_required", false);
            for (size_t k = 0; k < exp.dispositions.size(); ++k)
                if (!sop.disposition(exp.dispositions[k])) error(base + "/wrap_up/dispositions/" + std::to_string(k), "unknown disposition code '" + exp.dispositions[k] + "'");
            if (!exp.category.empty() && !sop.category(exp.category)) error(base + "/wrap_up/category", "unknown category '" + exp.category + "'");
            if (!node.ending) error(base + "/wrap_up", "wrap_up belongs on an ending node");
            node.wrap_up = std::move(exp);
        }
        s.nodes.push_back(std::move(node));
    }
    // Keep nodes in file order (nlohmann's object is sorted by key): sort by where they start.
    std::stable_sort(s.nodes.begin(), s.nodes.end(), [](const Node& a, const Node& b) { return a.line_offset < b.line_offset; });

    if (!s.node(s.start)) error("/start", "start node '" + s.start + "' does not exist");
    if (!s.claims_heard_at.empty() && !s.node(s.claims_heard_at))
        error("/claims_heard_at", "claims_heard_at node '" + s.claims_heard_at + "' does not exist");
    size_t errors_now = static_cast<size_t>(std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
    if (errors_now > errors_before) return std::nullopt;
    validateGraph(s, sop, &doc, diags, path_checks);
    errors_now = static_cast<size_t>(std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
    if (errors_now > errors_before) return std::nullopt;
    return s;
}

std::optional<Scenario> loadScenario(const std::filesystem::path& path, const Sop& sop, std::vector<Diagnostic>& diags,
                                     bool path_checks) {
    auto doc = readJsonDocument(path, diags);
    if (!doc) return std::nullopt;
    return parseScenario(*doc, sop, diags, path_checks);
}

}  // namespace frontline
