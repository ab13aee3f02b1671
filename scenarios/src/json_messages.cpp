#include "json_messages.hpp"
#include <algorithm>
#include <regex>
#include <vector>

namespace frontline::json_messages {
namespace {

using Json = nlohmann::json;

// ---- syntax errors -------------------------------------------------------------------------------

// The piece of nlohmann's message between `from` and `to` (or the end), empty when `from` is absent.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
    auto start = text.find(from);
    if (start == std::string::npos) return {};
    start += from.size();
    auto end = to.empty() ? std::string::npos : text.find(to, start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// What the parser found, in the author's terms: the token itself when there is one.
std::string foundText(const std::string& unexpected, const std::string& last_token) {
    if (unexpected == "end of input") return "the end of the file";
    std::string token = last_token.size() > 40 ? last_token.substr(0, 40) + "..." : last_token;
    if (unexpected.ends_with("literal") && !token.empty()) return token;
    return unexpected;  // "'}'", "':'", ...
}

std::string syntaxWithToken(const std::string& context, const std::string& unexpected, const std::string& expected,
                            const std::string& last_token) {
    const std::string found = ", found " + foundText(unexpected, last_token);
    const bool at_end = unexpected == "end of input";
    if (context == "object" && expected == "'}'")
        return at_end ? "the file ends inside an object: expected ',' or '}'" : "missing comma: expected ',' or '}' after the member" + found;
    if (context == "array" && expected == "']'")
        return at_end ? "the file ends inside a list: expected ',' or ']'" : "missing comma: expected ',' or ']' after the item" + found;
    if (context == "object separator") return "missing colon: expected ':' after the member name" + found;
    if (context == "object key" && unexpected == "'}'") return "trailing comma: expected a member name in double quotes after ','" + found;
    if (context == "object key") return "expected a member name in double quotes" + found;
    if (context == "value" && expected == "end of input") return "expected the end of the file after the top-level value" + found;
    if (context == "value" && unexpected == "']'") return "trailing comma: expected a value after ','" + found;
    if (context == "value") return "expected a value (a string, number, object, list, true, false or null)" + found;
    return "expected " + expected + found;
}

// Errors the lexer raises inside a token ("invalid literal; last read: 'tru'").
std::string lexerProblem(const std::string& context, const std::string& problem, const std::string& last_token) {
    std::string read = last_token.size() > 40 ? last_token.substr(0, 40) + "..." : last_token;
    if (problem == "invalid literal" && context == "object key") return "expected a member name in double quotes, found " + read;
    if (problem == "invalid literal")
        return "expected a value, found " + read + ": strings need double quotes, and the only words are true, false and null";
    if (problem == "invalid string: missing closing quote") return "unterminated string: expected a closing '\"'";
    if (problem.find("UTF-8") != std::string::npos) return "ill-formed UTF-8 in a string, found " + read + ": expected UTF-8 text (save the file as UTF-8)";
    if (problem.starts_with("invalid string: ")) return "in a string: " + problem.substr(16);
    if (problem.starts_with("invalid number; ")) return "invalid number " + read + ": " + problem.substr(16);
    return problem;
}

// ---- schema violations ---------------------------------------------------------------------------

const Json* resolveRef(const Json& root, const Json& schema) {
    auto ref = schema.find("$ref");
    if (ref == schema.end() || !ref->is_string() || !ref->get_ref<const std::string&>().starts_with("#")) return nullptr;
    try {
        Json::json_pointer pointer(ref->get<std::string>().substr(1));
        return root.contains(pointer) ? &root.at(pointer) : nullptr;
    } catch (const Json::exception&) {
        return nullptr;
    }
}

// `schema` and every schema that applies at the same place ($ref, allOf/anyOf/oneOf, then/else;
// not "if", which only selects).
void expand(const Json& root, const Json& schema, std::vector<const Json*>& out, int depth) {
    if (!schema.is_object() || depth > 32) return;
    out.push_back(&schema);
    if (const Json* target = resolveRef(root, schema)) expand(root, *target, out, depth + 1);
    for (const char* key : {"allOf", "anyOf", "oneOf"})
        if (auto it = schema.find(key); it != schema.end() && it->is_array())
            for (const auto& branch : *it) expand(root, branch, out, depth + 1);
    for (const char* key : {"then", "else"})
        if (auto it = schema.find(key); it != schema.end()) expand(root, *it, out, depth + 1);
}

bool keyMatches(const std::string& pattern, const std::string& key) {
    try {
        return std::regex_search(key, std::regex(pattern));
    } catch (const std::regex_error&) {
        return false;
    }
}

// The schemas for the member `key` of an object that `schema` describes.
void memberSchemas(const Json& root, const Json& schema, const std::string& key, std::vector<const Json*>& out) {
    bool matched = false;
    if (auto props = schema.find("properties"); props != schema.end() && props->is_object() && props->contains(key)) {
        expand(root, props->at(key), out, 0);
        matched = true;
    }
    if (auto patterns = schema.find("patternProperties"); patterns != schema.end() && patterns->is_object())
        for (const auto& [pattern, sub] : patterns->items())
            if (keyMatches(pattern, key)) {
                expand(root, sub, out, 0);
                matched = true;
            }
    if (auto extra = schema.find("additionalProperties"); !matched && extra != schema.end() && extra->is_object())
        expand(root, *extra, out, 0);
}

void itemSchemas(const Json& root, const Json& schema, size_t index, std::vector<const Json*>& out) {
    auto items = schema.find("items");
    if (items == schema.end()) return;
    if (items->is_object()) expand(root, *items, out, 0);
    else if (items->is_array() && index < items->size()) expand(root, (*items)[index], out, 0);
    else if (auto extra = schema.find("additionalItems"); extra != schema.end()) expand(root, *extra, out, 0);
}

std::vector<std::string> pointerTokens(const std::string& pointer) {
    std::vector<std::string> tokens;
    for (size_t at = 0; at < pointer.size();) {
        size_t next = pointer.find('/', at + 1);
        std::string token = pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        std::string plain;
        for (size_t i = 0; i < token.size(); ++i) {
            if (token[i] == '~' && i + 1 < token.size()) plain += token[++i] == '1' ? '/' : '~';
            else plain += token[i];
        }
        tokens.push_back(plain);
        at = next == std::string::npos ? pointer.size() : next;
    }
    return tokens;
}

// Every schema that applies to the value at `pointer`, and that value (nullptr when absent).
std::pair<std::vector<const Json*>, const Json*> schemasAt(const Json& root, const Json& document, const std::string& pointer) {
    std::vector<const Json*> current;
    expand(root, root, current, 0);
    const Json* value = &document;
    for (const auto& token : pointerTokens(pointer)) {
        std::vector<const Json*> next;
        const Json* child = nullptr;
        if (value && value->is_object()) {
            for (const Json* s : current) memberSchemas(root, *s, token, next);
            auto it = value->find(token);
            child = it == value->end() ? nullptr : &*it;
        } else if (value && value->is_array()) {
            size_t index = token.find_first_not_of("0123456789") == std::string::npos && !token.empty() && token.size() < 10
                               ? std::stoul(token) : value->size();
            for (const Json* s : current) itemSchemas(root, *s, index, next);
            child = index < value->size() ? &(*value)[index] : nullptr;
        }
        current = std::move(next);
        value = child;
    }
    return {current, value};
}

std::string shortJson(const Json& value) {
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return text.size() > 60 ? text.substr(0, 60) + "..." : text;
}

std::string typeName(const std::string& type) {
    if (type == "string") return "a string";
    if (type == "integer") return "a whole number";
    if (type == "number") return "a number";
    if (type == "boolean") return "true or false";
    if (type == "object") return "an object";
    if (type == "array") return "a list";
    return type;  // "null"
}

std::string describe(const Json* value) {
    if (!value) return "nothing";
    if (value->is_string()) return "a string (" + shortJson(*value) + ")";
    if (value->is_number()) return "a number (" + shortJson(*value) + ")";
    if (value->is_boolean() || value->is_null()) return shortJson(*value);
    return value->is_object() ? "an object" : "a list";
}

// The values of `keyword` over the schemas, in order, without repeats (a list keyword contributes
// each of its items).
std::vector<Json> collect(const std::vector<const Json*>& schemas, const char* keyword) {
    std::vector<Json> out;
    auto add = [&](const Json& v) {
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    };
    for (const Json* s : schemas)
        if (auto it = s->find(keyword); it != s->end()) {
            if (it->is_array()) for (const auto& v : *it) add(v);
            else add(*it);
        }
    return out;
}

std::string joined(const std::vector<Json>& values, const std::string& separator, bool types) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += separator;
        if (types && v.is_string()) out += typeName(v.get<std::string>());
        else out += v.is_string() ? v.get<std::string>() : shortJson(v);
    }
    return out;
}

std::vector<Json> memberNames(const std::vector<const Json*>& schemas) {
    std::vector<Json> names;
    for (const Json* s : schemas)
        if (auto props = s->find("properties"); props != s->end() && props->is_object())
            for (const auto& [name, unused] : props->items())
                if (name != "$schema" && std::find(names.begin(), names.end(), Json(name)) == names.end()) names.emplace_back(name);
    return names;
}

}  // namespace

std::string syntaxMessage(const std::string& parser_what, const std::string& last_token) {
    const std::string context = between(parser_what, "while parsing ", " - ");
    const std::string problem = between(parser_what, " - ", "; ");
    const std::string expected = between(parser_what, "; expected ", "");
    if (problem.starts_with("unexpected ")) return syntaxWithToken(context, problem.substr(11), expected, last_token);
    if (!problem.empty()) return lexerProblem(context, between(parser_what, " - ", "; last read: "), last_token);
    return parser_what;
}

std::string schemaMessage(const Json& schema, const Json& document, std::string& pointer, const std::string& description) {
    auto [schemas, value] = schemasAt(schema, document, pointer);
    if (description == "Value type not permitted by 'type' constraint.") {
        auto types = collect(schemas, "type");
        if (!types.empty()) return "expected " + joined(types, " or ", true) + ", found " + describe(value);
    } else if (description == "Failed to match against any enum values.") {
        auto allowed = collect(schemas, "enum");
        if (!allowed.empty()) return "expected one of: " + joined(allowed, ", ", false) + "; found " + describe(value);
    } else if (description == "Failed to match expected value set by 'const' constraint.") {
        auto wanted = collect(schemas, "const");
        if (!wanted.empty()) return "expected " + joined(wanted, " or ", false) + ", found " + describe(value);
    } else if (description == "Failed to match regex specified by 'pattern' constraint.") {
        auto patterns = collect(schemas, "pattern");
        if (!patterns.empty()) return "expected text matching " + joined(patterns, " and ", false) + ", found " + describe(value);
    } else if (description.starts_with("Expected number greater than or equal to ")) {
        auto minimum = collect(schemas, "minimum");
        if (!minimum.empty()) return "expected a number of at least " + joined(minimum, " and ", false) + ", found " + describe(value);
    } else if (description.starts_with("Expected number less than or equal to ")) {
        auto maximum = collect(schemas, "maximum");
        if (!maximum.empty()) return "expected a number of at most " + joined(maximum, " and ", false) + ", found " + describe(value);
    } else if (description.starts_with("Object contains a property that could not be validated")) {
        std::string name = between(description, ": '", "'.");
        auto names = memberNames(schemas);
        if (!name.empty()) {
            pointer += '/';
            for (char c : name) pointer += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
            return "unknown member \"" + name + "\": " + (names.empty() ? "this object takes no other members" : "expected one of: " + joined(names, ", ", false));
        }
    }
    return description;
}

}  // namespace frontline::json_messages
