// Wrap-up notes graded on meaning: the author lists synonyms, phrases and amounts for each thing the
// notes must say; any one of them is enough. Words match from the start of a word (so "refund"
// finds "refunded" but "fee" does not find "coffee"); amounts match as numbers whatever the
// currency sign or the decimals ("95" finds "£95", "95.00", "GBP 95").
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include "frontline/scoring.hpp"

namespace frontline {
namespace {

bool isWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::string lowerAscii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool phraseAtWordStart(const std::string& haystack, const std::string& phrase) {
    if (phrase.empty()) return false;
    for (size_t at = haystack.find(phrase); at != std::string::npos; at = haystack.find(phrase, at + 1)) {
        if (at == 0 || !isWordByte(static_cast<unsigned char>(haystack[at - 1]))) return true;
    }
    return false;
}

// The first number in `text` ("£1,200.50" -> 1200.5), ignoring currency signs and thousands commas.
std::optional<double> parseAmount(const std::string& text, size_t& pos) {
    while (pos < text.size() && !std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos >= text.size()) return std::nullopt;
    std::string digits;
    while (pos < text.size()) {
        const char c = text[pos];
        const bool next_digit = pos + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[pos + 1]));
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
        } else if (c == ',' && next_digit) {
            // thousands separator: skip
        } else if (c == '.' && next_digit && digits.find('.') == std::string::npos) {
            digits += c;
        } else {
            break;
        }
        ++pos;
    }
    return std::stod(digits);
}

std::vector<double> amountsIn(const std::string& text) {
    std::vector<double> out;
    size_t pos = 0;
    while (auto amount = parseAmount(text, pos)) out.push_back(*amount);
    return out;
}

}  // namespace

bool notesSay(const NotesMention& mention, const std::string& notes) {
    const std::string haystack = lowerAscii(notes);
    for (const std::string& phrase : mention.any_of)
        if (phraseAtWordStart(haystack, lowerAscii(phrase))) return true;
    if (mention.amounts.empty()) return false;
    const std::vector<double> written = amountsIn(notes);
    for (const std::string& wanted_text : mention.amounts) {
        size_t pos = 0;
        const auto wanted = parseAmount(wanted_text, pos);
        if (!wanted) continue;
        for (double got : written)
            if (std::fabs(got - *wanted) < 0.005) return true;
    }
    return false;
}

}  // namespace frontline
