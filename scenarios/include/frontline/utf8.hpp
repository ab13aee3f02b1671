#pragma once
// UTF-8 at the boundaries: names and notes are checked when they come in, and text that is already
// stored (perhaps by an older version, or damaged) is made printable before it goes out, so no
// byte sequence can make a JSON dump throw or a column cut a character in half.
#include <cstddef>
#include <string>
#include <string_view>

namespace frontline::utf8 {

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid(std::string_view text);

// The text with every invalid byte sequence replaced by U+FFFD.
std::string sanitized(std::string_view text);

// Characters (code points) in the sanitized text.
std::size_t length(std::string_view text);

// Exactly `width` characters: the sanitized text cut at a character boundary (with "…" when it
// was longer than width - 1) and padded with spaces, so one space always separates columns.
std::string column(std::string_view text, std::size_t width);

// Search text: Unicode case folding, then accents dropped (NFD without its combining marks), so
// "ÉLÈNE" matches "élène", "Иванова" matches "иванова", "facturacion" matches "facturación" and
// "STRASSE" matches "Straße". Invalid bytes fold as U+FFFD. Only for comparing: never shown.
std::string foldForSearch(std::string_view text);

// Whether `needle` occurs in `haystack` once both are folded for search (an empty needle always does).
bool containsFolded(std::string_view haystack, std::string_view needle);

// Unicode lower case only, accents kept (as PostgreSQL's lower()): for matching a name that
// identifies someone, where "René" and "Rene" are two people.
std::string lowerCase(std::string_view text);

// A sort order that ignores case and accents, ties broken by the bytes so it is a strict order.
bool lessFolded(std::string_view a, std::string_view b);

}  // namespace frontline::utf8
