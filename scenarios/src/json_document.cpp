// JSON with positions: nlohmann parses the value; a small scanner over the (already valid) text
// records the line/column of values by JSON pointer, when first asked, so schema and semantic
// errors can point into the file. Schema checks use valijson against scenarios/schema/*.schema.json.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <mutex>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#include "frontline/content.hpp"
#include "frontline/data_dir.hpp"
#include "json_messages.hpp"
#include "json_pointer.hpp"

namespace frontline {
namespace {

// Walks valid JSON text, recording where each value starts, down to `max_depth` levels (the
// root is level 0); deeper values are walked over without building their pointers.
class PositionScanner {
public:
    PositionScanner(const std::string& text, std::map<std::string, std::pair<int, int>>& out, int max_depth)
        : text_(text), out_(out), max_depth_(max_depth) {}

    void run() {
        skipSpace();
        value("", 0);
    }

private:
    void advance() {
        if (pos_ >= text_.size()) return;
        if (text_[pos_] == '\n') {
            ++line_;
            col_ = 1;
        } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
            ++col_;  // count UTF-8 code points, not bytes
        }
        ++pos_;
    }
    void skipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            advance();
    }
    std::string string() {
        std::string s;
        advance();  // opening quote
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\') {
                advance();
                if (pos_ < text_.size()) {
                    char e = text_[pos_];
                    s += (e == 'n') ? '\n' : (e == 't') ? '\t' : e;  // keys rarely hold escapes; close enough for paths
                }
            } else {
                s += text_[pos_];
            }
            advance();
        }
        advance();  // closing quote
        return s;
    }
    void value(const std::string& pointer, int depth) {
        const bool record = depth <= max_depth_;
        if (record) out_[pointer] = {line_, col_};
        if (pos_ >= text_.size()) return;
        char c = text_[pos_];
        if (c == '{') {
            advance();
            skipSpace();
            while (pos_ < text_.size() && text_[pos_] != '}') {
                std::string key = string();
                skipSpace();
                advance();  // ':'
                skipSpace();
                value(record && depth < max_depth_ ? pointer + "/" + escapePointerToken(key) : std::string(), depth + 1);
                skipSpace();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    advance();
                    skipSpace();
                }
            }
            advance();
        } else if (c == '[') {
            advance();
            skipSpace();
            int index = 0;
            while (pos_ < text_.size() && text_[pos_] != ']') {
                value(record && depth < max_depth_ ? pointer + "/" + std::to_string(index) : std::string(), depth + 1);
                ++index;
                skipSpace();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    advance();
                    skipSpace();
                }
            }
            advance();
        } else if (c == '"') {
            string();
        } else {
            while (pos_ < text_.size() && std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos) advance();
        }
    }

    const std::string& text_;
    std::map<std::string, std::pair<int, int>>& out_;
    int max_depth_;
    size_t pos_ = 0;
    int line_ = 1;
    int col_ = 1;
};

// Length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0 when it is ill-formed.
size_t utf8SequenceLength(const std::string& text, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b = byte(i);
    if (b < 0x80) return 1;
    size_t len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > text.size()) return 0;
    for (size_t k = 1; k < len; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    unsigned char second = byte(i + 1);
    if ((b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F) || (b == 0xF0 && second < 0x90) || (b == 0xF4 && second > 0x8F))
        return 0;
    return len;
}

std::pair<int, int> lineColumnAt(const std::string& text, size_t byte) {
    int line = 1, col = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return {line, col};
}

std::filesystem::path& schemaDirStorage() {
    static std::filesystem::path dir = bundledDataDirectory() / "schema";
    return dir;
}

// valijson context ["<root>", "[nodes]", "[greet]"] -> "/nodes/greet"
std::string pointerFromContext(const std::vector<std::string>& context) {
    std::string out;
    for (const auto& part : context) {
        if (part == "<root>") continue;
        std::string token = part;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
        out += "/" + escapePointerToken(token);
    }
    return out;
}

bool isWrapperMessage(const std::string& description) {
    // valijson reports each failure once per enclosing schema as well; keep only the leaves.
    static const char* wrappers[] = {"Failed to validate against schema associated with property",
                                     "Failed to validate item #", "Failed to validate against child schema",
                                     "Failed to validate against schema associated with pattern",
                                     "Failed to validate against additional properties schema",
                                     "Failed to validate against additional items schema",
                                     "Failed to validate against items schema"};
    for (const char* w : wrappers)
        if (description.rfind(w, 0) == 0) return true;
    return false;
}

// Content never nests deeper than a dozen levels; a file that does is hostile or broken, and the
// recursive steps after parsing (position scanner, schema check) must not overflow the stack on it.
constexpr int kMaxNesting = 64;

// Byte offset where nesting first exceeds kMaxNesting, or npos.
size_t tooDeepAt(const std::string& text) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxNesting) return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::string::npos;
}

// A token quoted in a message: at most `max` bytes, and never invalid UTF-8 (diagnostics are
// printed as JSON by `validate --json`, where invalid UTF-8 would throw).
std::string printable(const std::string& raw, size_t max = 60) {
    std::string out;
    for (size_t i = 0; i < raw.size() && out.size() < max;) {
        size_t len = utf8SequenceLength(raw, i);
        if (len == 0) {
            static const char* hex = "0123456789ABCDEF";
            auto byte = static_cast<unsigned char>(raw[i]);
            out += std::string("\\x") + hex[byte >> 4] + hex[byte & 15];
            ++i;
        } else {
            out.append(raw, i, len);
            i += len;
        }
    }
    if (out.size() >= max) out += "...";
    return out;
}

// Records where nlohmann's parser stopped and why, building nothing: used only after a parse
// failed, to position errors that carry no byte offset (out_of_range 406: a number beyond a double).
struct ErrorLocator : nlohmann::json_sax<nlohmann::json> {
    size_t byte = 0;
    int id = 0;
    std::string what, token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::json::exception& ex) override {
        byte = position;
        id = ex.id;
        what = ex.what();
        token = last_token;
        return false;
    }
};

// nlohmann reports the byte after the offending token: step back to where it starts, so the
// column names where the unexpected string, number or word begins.
size_t tokenStart(const std::string& text, size_t byte) {
    if (byte < text.size() && byte > 0 && text[byte] == '"') {
        size_t open = byte;
        while (open > 0) {
            --open;
            if (text[open] == '"' && (open == 0 || text[open - 1] != '\\')) break;
        }
        return open;
    }
    auto wordy = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+'; };
    if (byte < text.size() && wordy(text[byte]))
        while (byte > 0 && wordy(text[byte - 1])) --byte;
    return byte;
}

// nlohmann notices ill-formed UTF-8 a byte or two after it starts: point at its first byte.
size_t illFormedStart(const std::string& text, size_t byte) {
    for (size_t back = 0; back < 4 && back <= byte; ++back) {
        size_t at = byte - back;
        if (at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80 && utf8SequenceLength(text, at) == 0) return at;
    }
    return byte;
}

// The word that starts at `byte` (up to whitespace or punctuation), for "found ..." in a message.
std::string wordAt(const std::string& text, size_t byte) {
    size_t end = byte;
    while (end < text.size() && end - byte < 40 && std::string_view(" \t\r\n,:[]{}").find(text[end]) == std::string_view::npos) ++end;
    return text.substr(byte, end - byte);
}

Diagnostic syntaxDiagnostic(const std::string& file, const std::string& text) {
    ErrorLocator locator;
    nlohmann::json::sax_parse(text, &locator);
    size_t byte = locator.byte > 0 ? locator.byte - 1 : 0;
    const bool in_token = locator.what.find("; last read: ") != std::string::npos;  // the lexer stopped inside a word
    if (locator.what.find("invalid literal") != std::string::npos)
        while (byte > 0 && std::isspace(static_cast<unsigned char>(text[byte]))) --byte;  // it read one character past the word
    byte = locator.what.find("UTF-8") != std::string::npos ? illFormedStart(text, byte) : tokenStart(text, byte);
    auto [line, col] = lineColumnAt(text, byte);
    std::string message;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        message = "the file is empty: expected a JSON object";
    } else if (locator.id == 406) {
        message = "number " + printable(locator.token) + " is out of range: expected a number of magnitude below 1.8e308";
    } else {
        // nlohmann's text carries its own line and column (of the byte after the token): the
        // message is restated without them, so the only position is the one computed above.
        const std::string found = in_token ? wordAt(text, byte) : locator.token;
        message = printable(json_messages::syntaxMessage(locator.what, printable(found)), 400);
    }
    return Diagnostic{Severity::Error, file, line, col, "invalid JSON: " + message, ""};
}

// Content files are small (the largest bundled one is 34 KB). A bigger file is refused before it
// is read, so a 2 GB file costs nothing; a FIFO or device is never opened (it could block).
constexpr std::uintmax_t kMaxContentFileBytes = std::uintmax_t{4} << 20;

std::optional<std::string> readContentFile(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto refuse = [&](const std::string& why) {
        diags.push_back(Diagnostic{Severity::Error, path.string(), 0, 0, why, ""});
        return std::nullopt;
    };
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);  // follows symlinks; a loop is ELOOP, not a throw
    if (ec) return refuse("cannot open file: " + ec.message());
    if (!std::filesystem::is_regular_file(status)) return refuse("cannot open file: not a regular file");
    const std::string limit = "content files may be at most " + std::to_string(kMaxContentFileBytes >> 20) + " MiB (" +
                              std::to_string(kMaxContentFileBytes) + " bytes)";
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxContentFileBytes) return refuse("file too large: " + std::to_string(size) + " bytes; " + limit);
    std::ifstream in(path, std::ios::binary);
    if (!in) return refuse("cannot open file");
    // Read in chunks up to one byte past the limit (the file may have grown since it was sized).
    std::string text;
    if (!ec) text.reserve(static_cast<size_t>(size) + 1);
    char chunk[1 << 16];
    while (in && text.size() <= kMaxContentFileBytes) {
        in.read(chunk, sizeof chunk);
        text.append(chunk, static_cast<size_t>(in.gcount()));
    }
    if (text.size() > kMaxContentFileBytes) return refuse("file too large: more than " + std::to_string(kMaxContentFileBytes) + " bytes; " + limit);
    return text;
}

// What makes valijson unsafe or slow, checked first by walking the schema beside the document the
// way valijson will: it matches a schema "pattern" with std::regex, whose matcher recurses once
// per character (an id of ~30,000 characters overflows the stack), so every string a pattern
// applies to (ids, tags, codes, and keys under patternProperties/propertyNames) has a length
// limit; and it compares every pair of items for "uniqueItems", so such lists have a size limit.
constexpr size_t kMaxPatternedLength = 256;
constexpr size_t kMaxUniqueItems = 1000;

class SchemaCostGuard {
public:
    SchemaCostGuard(const nlohmann::json& root_schema, const JsonDocument& doc, std::vector<Diagnostic>& diags)
        : root_(root_schema), doc_(doc), diags_(diags) {}

    bool run() {
        visit(root_, doc_.value, "", 0);
        return ok_;
    }

private:
    void tooLong(const std::string& pointer, size_t length, const char* what) {
        diags_.push_back(doc_.diag(Severity::Error, pointer,
                                   std::string(what) + " is too long: " + std::to_string(length) + " characters (max " +
                                       std::to_string(kMaxPatternedLength) + ")"));
        ok_ = false;
    }
    const nlohmann::json* resolve(const std::string& ref) const {
        if (ref.rfind("#", 0) != 0) return nullptr;
        try {
            auto pointer = nlohmann::json::json_pointer(ref.substr(1));
            return root_.contains(pointer) ? &root_.at(pointer) : nullptr;
        } catch (const nlohmann::json::exception&) {
            return nullptr;
        }
    }
    void visitEach(const nlohmann::json& schemas, const nlohmann::json& value, const std::string& pointer, int depth) {
        if (schemas.is_array())
            for (const auto& s : schemas) visit(s, value, pointer, depth + 1);
    }
    void visit(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer, int depth) {
        // A schema that refers to itself without consuming the document could loop: stop well
        // past any depth the document (nested at most kMaxNesting levels) can need.
        if (!schema.is_object() || depth > 8 * kMaxNesting) return;
        if (auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string())
            if (const auto* target = resolve(ref->get<std::string>())) visit(*target, value, pointer, depth + 1);
        for (const char* key : {"allOf", "anyOf", "oneOf"})
            if (auto it = schema.find(key); it != schema.end()) visitEach(*it, value, pointer, depth);
        for (const char* key : {"if", "then", "else", "not"})
            if (auto it = schema.find(key); it != schema.end()) visit(*it, value, pointer, depth + 1);
        if (value.is_string()) {
            if (schema.contains("pattern") && value.get_ref<const std::string&>().size() > kMaxPatternedLength)
                tooLong(pointer, value.get_ref<const std::string&>().size(), "value");
        } else if (value.is_object()) {
            visitMembers(schema, value, pointer, depth);
        } else if (value.is_array()) {
            visitItems(schema, value, pointer, depth);
        }
    }
    void visitMembers(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer, int depth) {
        const bool keys_matched = schema.contains("patternProperties") || schema.contains("propertyNames");
        auto properties = schema.find("properties");
        auto additional = schema.find("additionalProperties");
        for (const auto& [key, member] : value.items()) {
            std::string at = pointer + "/" + escapePointerToken(key);
            if (keys_matched && key.size() > kMaxPatternedLength) {
                tooLong(at, key.size(), "key");
                continue;
            }
            if (properties != schema.end() && properties->is_object() && properties->contains(key))
                visit(properties->at(key), member, at, depth + 1);
            else if (additional != schema.end())
                visit(*additional, member, at, depth + 1);
            if (auto pp = schema.find("patternProperties"); pp != schema.end() && pp->is_object())
                for (const auto& [unused, sub] : pp->items()) visit(sub, member, at, depth + 1);
        }
    }
    void visitItems(const nlohmann::json& schema, const nlohmann::json& value, const std::string& pointer, int depth) {
        if (value.size() > kMaxUniqueItems && schema.value("uniqueItems", false)) {
            diags_.push_back(doc_.diag(Severity::Error, pointer,
                                       "too many items: " + std::to_string(value.size()) + " (max " +
                                           std::to_string(kMaxUniqueItems) + " in a list whose items must be unique)"));
            ok_ = false;
            return;
        }
        auto items = schema.find("items");
        auto additional = schema.find("additionalItems");
        for (size_t i = 0; i < value.size(); ++i) {
            std::string at = pointer + "/" + std::to_string(i);
            if (items != schema.end() && items->is_array()) {
                if (i < items->size()) visit((*items)[i], value[i], at, depth + 1);
                else if (additional != schema.end()) visit(*additional, value[i], at, depth + 1);
            } else if (items != schema.end()) {
                visit(*items, value[i], at, depth + 1);
            }
            if (auto contains = schema.find("contains"); contains != schema.end()) visit(*contains, value[i], at, depth + 1);
        }
    }

    const nlohmann::json& root_;
    const JsonDocument& doc_;
    std::vector<Diagnostic>& diags_;
    bool ok_ = true;
};

}  // namespace

void JsonDocument::scanPositions(int depth) const {
    if (positions_depth_ >= depth) return;
    positions_.clear();
    PositionScanner(text, positions_, depth).run();
    positions_depth_ = depth;
}

std::pair<int, int> JsonDocument::position(const std::string& pointer) const {
    scanPositions(kMaxNesting);
    return nearestPosition(pointer);
}

int JsonDocument::shallowLine(const std::string& pointer) const {
    scanPositions(static_cast<int>(std::count(pointer.begin(), pointer.end(), '/')));
    return nearestPosition(pointer).first;
}

std::pair<int, int> JsonDocument::nearestPosition(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        auto it = positions_.find(p);
        if (it != positions_.end()) return it->second;
        if (p.empty()) return {0, 0};
        auto slash = p.rfind('/');
        p = (slash == std::string::npos) ? std::string() : p.substr(0, slash);
    }
}

Diagnostic JsonDocument::diag(Severity s, const std::string& pointer, const std::string& message) const {
    auto [line, col] = position(pointer);
    return Diagnostic{s, file, line, col, message, pointer};
}

std::optional<JsonDocument> parseJsonDocument(const std::string& file, const std::string& text, std::vector<Diagnostic>& diags) {
    JsonDocument doc;
    doc.file = file;
    doc.text = text;
    if (size_t at = tooDeepAt(text); at != std::string::npos) {
        auto [line, col] = lineColumnAt(text, at);
        diags.push_back(Diagnostic{Severity::Error, file, line, col,
                                   "invalid JSON: nested deeper than " + std::to_string(kMaxNesting) + " levels", ""});
        return std::nullopt;
    }
    // Both parse_error and out_of_range (a number beyond a double, 406) are data errors.
    try {
        doc.value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        diags.push_back(syntaxDiagnostic(file, text));
        return std::nullopt;
    }
    return doc;
}

std::optional<JsonDocument> readJsonDocument(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    auto text = readContentFile(path, diags);
    if (!text) return std::nullopt;
    return parseJsonDocument(path.string(), *text, diags);
}

void setSchemaDirectory(const std::filesystem::path& dir) { schemaDirStorage() = dir; }
const std::filesystem::path& schemaDirectory() { return schemaDirStorage(); }

namespace {

struct LoadedSchema {
    nlohmann::json json;  // for SchemaCostGuard
    std::shared_ptr<valijson::Schema> parsed;
};

// Parsed schemas are cached per path: validating a library of files parses each schema once.
std::shared_ptr<const LoadedSchema> loadSchema(const std::filesystem::path& schema_path, const std::string& file,
                                               std::vector<Diagnostic>& diags) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const LoadedSchema>> cache;
    std::lock_guard lock(mutex);
    auto& slot = cache[schema_path.string()];
    if (slot) return slot;
    std::vector<Diagnostic> schema_diags;
    auto schema_doc = readJsonDocument(schema_path, schema_diags);
    if (!schema_doc) {
        diags.push_back(Diagnostic{Severity::Error, file, 0, 0, "cannot read schema " + schema_path.string(), ""});
        return nullptr;
    }
    auto loaded = std::make_shared<LoadedSchema>();
    loaded->json = schema_doc->value;
    loaded->parsed = std::make_shared<valijson::Schema>();
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(loaded->json);
    try {
        parser.populateSchema(adapter, *loaded->parsed);
    } catch (const std::exception& e) {
        diags.push_back(Diagnostic{Severity::Error, schema_path.string(), 0, 0, std::string("invalid schema: ") + e.what(), ""});
        return nullptr;
    }
    slot = loaded;
    return slot;
}

}  // namespace

bool checkSchema(const JsonDocument& doc, const std::string& schema_name, std::vector<Diagnostic>& diags) {
    auto loaded = loadSchema(schemaDirectory() / schema_name, doc.file, diags);
    if (!loaded) return false;
    if (!SchemaCostGuard(loaded->json, doc, diags).run()) return false;
    const auto& schema = loaded->parsed;
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(doc.value);
    if (validator.validate(*schema, target, &results)) return true;
    valijson::ValidationResults::Error error;
    std::set<std::pair<std::string, std::string>> seen;  // a set: a hostile file can have 100,000 errors
    bool any = false;
    size_t restated = 0;
    while (results.popError(error)) {
        if (isWrapperMessage(error.description)) continue;
        std::string pointer = pointerFromContext(error.context);
        // Restating looks the schema up per error: a hostile file's thousands keep valijson's words.
        std::string message = ++restated > 1000 ? error.description
                                                : json_messages::schemaMessage(loaded->json, doc.value, pointer, error.description);
        if (!seen.emplace(pointer, message).second) continue;  // also when anyOf branches restate one expectation
        diags.push_back(doc.diag(Severity::Error, pointer, "schema: " + message));
        any = true;
    }
    if (!any) diags.push_back(doc.diag(Severity::Error, "", "does not match " + schema_name));
    return false;
}

}  // namespace frontline
