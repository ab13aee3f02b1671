#pragma once
// Content errors are values: every problem found while loading or validating content is a
// Diagnostic naming file, line, column and JSON path, printed like a compiler message.
#include <string>
#include <vector>

namespace frontline {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
    std::string message;
    std::string json_path;  // JSON pointer, e.g. /nodes/greet/options/0/next
};

// "file:line:column: error: message (at /json/path)"
std::string format(const Diagnostic& d);
const char* severityName(Severity s);
bool hasErrors(const std::vector<Diagnostic>& diags);

}  // namespace frontline
