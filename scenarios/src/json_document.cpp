// JSON with positions: nlohmann parses the value; a small scanner over the (already valid) text
// records the line/column of values by JSON pointer, when first asked, so schema and semantic
// errors can point into the file. Schema checks use valijson against scenarios/schema/*.schema.json.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <mutex>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#include "frontline/content.hpp"

namespace frontline {
namespace {

std::string escapePointerToken(const std::string& token) {
    std::string out;
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

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
    static std::filesystem::path dir = FRONTLINE_SOURCE_SCHEMA_DIR;
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
    try {
        doc.value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points at the end of the offending token: step back to its start
        // so the column names where the unexpected string, number or word begins.
        std::string what = e.what();
        size_t byte = e.byte > 0 ? e.byte - 1 : 0;
        if (byte < text.size() && byte > 0 && text[byte] == '"') {
            size_t open = byte;
            while (open > 0) {
                --open;
                if (text[open] == '"' && (open == 0 || text[open - 1] != '\\')) break;
            }
            byte = open;
        } else {
            auto wordy = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+'; };
            if (byte < text.size() && wordy(text[byte]))
                while (byte > 0 && wordy(text[byte - 1])) --byte;
        }
        auto [line, col] = lineColumnAt(text, byte);
        // Strip nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 5: " prefix.
        auto colon = what.find(": ");
        auto second = colon == std::string::npos ? std::string::npos : what.find(": ", colon + 2);
        std::string message = second != std::string::npos ? what.substr(second + 2) : what;
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) message = "the file is empty: expected a JSON object";
        diags.push_back(Diagnostic{Severity::Error, file, line, col, "invalid JSON: " + message, ""});
        return std::nullopt;
    }
    return doc;
}

std::optional<JsonDocument> readJsonDocument(const std::filesystem::path& path, std::vector<Diagnostic>& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.push_back(Diagnostic{Severity::Error, path.string(), 0, 0, "cannot open file", ""});
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseJsonDocument(path.string(), buffer.str(), diags);
}

void setSchemaDirectory(const std::filesystem::path& dir) { schemaDirStorage() = dir; }
const std::filesystem::path& schemaDirectory() { return schemaDirStorage(); }

bool checkSchema(const JsonDocument& doc, const std::string& schema_name, std::vector<Diagnostic>& diags) {
    // Parsed schemas are cached per path: validating a library of files parses each schema once.
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<valijson::Schema>> cache;
    auto schema_path = schemaDirectory() / schema_name;
    std::shared_ptr<valijson::Schema> schema;
    {
        std::lock_guard lock(mutex);
        auto& slot = cache[schema_path.string()];
        if (!slot) {
            std::vector<Diagnostic> schema_diags;
            auto schema_doc = readJsonDocument(schema_path, schema_diags);
            if (!schema_doc) {
                diags.push_back(Diagnostic{Severity::Error, doc.file, 0, 0, "cannot read schema " + schema_path.string(), ""});
                return false;
            }
            auto parsed = std::make_shared<valijson::Schema>();
            valijson::SchemaParser parser;
            valijson::adapters::NlohmannJsonAdapter adapter(schema_doc->value);
            try {
                parser.populateSchema(adapter, *parsed);
            } catch (const std::exception& e) {
                diags.push_back(Diagnostic{Severity::Error, schema_path.string(), 0, 0, std::string("invalid schema: ") + e.what(), ""});
                return false;
            }
            slot = parsed;
        }
        schema = slot;
    }
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(doc.value);
    if (validator.validate(*schema, target, &results)) return true;
    valijson::ValidationResults::Error error;
    std::vector<std::pair<std::string, std::string>> seen;
    bool any = false;
    while (results.popError(error)) {
        if (isWrapperMessage(error.description)) continue;
        std::string pointer = pointerFromContext(error.context);
        if (std::find(seen.begin(), seen.end(), std::make_pair(pointer, error.description)) != seen.end()) continue;
        seen.emplace_back(pointer, error.description);
        diags.push_back(doc.diag(Severity::Error, pointer, "schema: " + error.description));
        any = true;
    }
    if (!any) diags.push_back(doc.diag(Severity::Error, "", "does not match " + schema_name));
    return false;
}

}  // namespace frontline
