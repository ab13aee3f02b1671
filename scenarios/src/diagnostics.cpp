#include "frontline/diagnostics.hpp"

namespace frontline {

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string format(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("<content>") : d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
    out += severityName(d.severity);
    out += ": ";
    out += d.message;
    if (!d.json_path.empty()) out += " (at " + d.json_path + ")";
    return out;
}

bool hasErrors(const std::vector<Diagnostic>& diags) {
    for (const auto& d : diags)
        if (d.severity == Severity::Error) return true;
    return false;
}

}  // namespace frontline
