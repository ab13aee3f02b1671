#pragma once
// JSON pointers (RFC 6901) as the loaders write them into diagnostics. Internal to frontline_content.
#include <string>

namespace frontline {

// One reference token: "~" becomes "~0" and "/" becomes "~1", so an id like "a/b" stays one token.
inline std::string escapePointerToken(const std::string& token) {
    std::string out;
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace frontline
