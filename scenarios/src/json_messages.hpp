#pragma once
// Plain-language messages for content authors: a JSON syntax error says what was expected where the
// parser stopped, and a schema violation names the expected type or the allowed values. Internal to
// frontline_content (json_document.cpp); the tests check the messages through the loaders.
#include <string>
#include <nlohmann/json.hpp>

namespace frontline::json_messages {

// From nlohmann's parse_error text ("syntax error while parsing object - unexpected string
// literal; expected '}'") and the token it stopped at, a message without positions, e.g.
// "missing comma: expected ',' or '}' after the member, found \"summary\"".
std::string syntaxMessage(const std::string& parser_what, const std::string& last_token);

// A schema violation reported by valijson as `description` at document `pointer`, restated with
// what the schema expects there (looked up in `schema`, resolving $ref and the branches of
// allOf/anyOf/oneOf/then/else), e.g. "expected a string, found a number (3)" or
// "expected one of: call, chat, email; found \"phone\"". Unknown descriptions come back unchanged.
// An unknown member moves `pointer` from its object to the member itself.
std::string schemaMessage(const nlohmann::json& schema, const nlohmann::json& document, std::string& pointer,
                          const std::string& description);

}  // namespace frontline::json_messages
