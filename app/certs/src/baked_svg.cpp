// Open Badges baking for SVG (OB 3.0 §5.3): the VC-JWT travels inside the picture, as the text of
// an <openbadges:credential> element in the https://purl.imsglobal.org/ob/v3p0 namespace, right
// after the <svg> start tag. The picture shows the policy, the trainee's name, the issuer and the
// dates; only the baked credential is signed, so verification also checks that the name shown is
// the one the credential's salted hash names and that the other lines say what it says.
#include <algorithm>
#include "crypto.hpp"
#include "frontline/open_badges.hpp"

namespace frontline {

using namespace certs_detail;

namespace {

constexpr const char* kObNamespace = "https://purl.imsglobal.org/ob/v3p0";
constexpr const char* kCredentialOpen = "<openbadges:credential>";
constexpr const char* kCredentialClose = "</openbadges:credential>";

std::string xmlEscaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string xmlUnescaped(const std::string& text) {
    static const std::pair<const char*, char> entities[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
    std::string out;
    for (size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [entity, c] : entities)
            if (text.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
                out += c;
                i += std::char_traits<char>::length(entity);
                replaced = true;
                break;
            }
        if (!replaced) out += text[i++];
    }
    return out;
}

size_t countOf(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// The text of the one <text id="ID" …>…</text> element; nullopt when there is not exactly one.
std::optional<std::string> textById(const std::string& svg, const std::string& id) {
    const std::string marker = "<text id=\"" + id + "\"";
    if (countOf(svg, marker) != 1) return std::nullopt;
    const auto open_end = svg.find('>', svg.find(marker));
    const auto close = open_end == std::string::npos ? open_end : svg.find("</text>", open_end);
    if (close == std::string::npos) return std::nullopt;
    return xmlUnescaped(svg.substr(open_end + 1, close - open_end - 1));
}

// The text of the one <title> element; nullopt when there is not exactly one.
std::optional<std::string> titleElement(const std::string& svg) {
    if (countOf(svg, "<title") != 1 || countOf(svg, "</title>") != 1) return std::nullopt;
    const auto open = svg.find("<title>"), close = svg.find("</title>");
    if (open == std::string::npos || close < open) return std::nullopt;
    return xmlUnescaped(svg.substr(open + 7, close - open - 7));
}

std::string dateOnly(const std::string& iso) { return iso.substr(0, std::min<size_t>(iso.size(), 10)); }

// A font size at which `text` fits the 540-unit line: generic sans-serif glyphs average about 0.6 em.
int fittedSize(const std::string& text, int size) {
    const auto chars = std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return chars == 0 ? size : std::clamp(static_cast<int>(540 / (0.6 * static_cast<double>(chars))), 9, size);
}

}  // namespace

std::string bakedBadgeSvg(const std::string& jwt, const BakedBadgeText& shown) {
    std::string svg;
    svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"" + std::string(kObNamespace) +
           "\" width=\"600\" height=\"400\" viewBox=\"0 0 600 400\">\n";
    svg += std::string(kCredentialOpen) + xmlEscaped(jwt) + kCredentialClose + "\n";
    svg += "<title>" + xmlEscaped(shown.title + " - " + shown.trainee_name) + "</title>\n";
    svg += "<rect x=\"8\" y=\"8\" width=\"584\" height=\"384\" rx=\"18\" fill=\"#fdfbf5\" stroke=\"#1f4e79\" stroke-width=\"6\"/>\n";
    svg += "<circle cx=\"300\" cy=\"92\" r=\"46\" fill=\"#1f4e79\"/>\n";
    svg += "<circle cx=\"300\" cy=\"92\" r=\"36\" fill=\"none\" stroke=\"#f2c14e\" stroke-width=\"4\"/>\n";
    svg += "<path d=\"M282 93 l12 12 l24 -26\" fill=\"none\" stroke=\"#f2c14e\" stroke-width=\"7\" stroke-linecap=\"round\" "
           "stroke-linejoin=\"round\"/>\n";
    auto line = [&](const char* id, int y, int size, const char* weight, const char* colour, const std::string& text) {
        svg += "<text id=\"" + std::string(id) + "\" x=\"300\" y=\"" + std::to_string(y) +
               "\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"" + std::to_string(fittedSize(text, size)) +
               "\" font-weight=\"" + weight +
               "\" fill=\"" + colour + "\">" + xmlEscaped(text) + "</text>\n";
    };
    line("title", 178, 26, "bold", "#1f4e79", shown.title);
    line("awarded", 212, 15, "normal", "#555555", "awarded to");
    line("recipient", 252, 30, "bold", "#222222", shown.trainee_name);
    line("issuer", 292, 15, "normal", "#555555", "by " + shown.company);
    line("dates", 330, 15, "normal", "#555555", "issued " + dateOnly(shown.issued) + " \u00b7 valid until " + dateOnly(shown.expires));
    line("check", 364, 11, "normal", "#777777", "Signed Open Badges 3.0 credential inside: frontline verify this-file.svg");
    svg += "</svg>\n";
    return svg;
}

std::optional<std::string> bakedCredential(const std::string& svg, std::string& why) {
    if (svg.find("xmlns:openbadges=\"" + std::string(kObNamespace) + "\"") == std::string::npos) {
        why = "the SVG declares no openbadges namespace (" + std::string(kObNamespace) + ")";
        return std::nullopt;
    }
    if (countOf(svg, "<openbadges:credential") != 1 || countOf(svg, kCredentialClose) != 1) {
        why = "the SVG must hold exactly one <openbadges:credential> element";
        return std::nullopt;
    }
    const auto open = svg.find(kCredentialOpen), close = svg.find(kCredentialClose);
    if (open == std::string::npos || close < open) {
        why = "the <openbadges:credential> element is malformed";
        return std::nullopt;
    }
    std::string text = xmlUnescaped(svg.substr(open + std::char_traits<char>::length(kCredentialOpen),
                                                close - open - std::char_traits<char>::length(kCredentialOpen)));
    text.erase(0, text.find_first_not_of(" \t\r\n"));
    text.erase(text.find_last_not_of(" \t\r\n") + 1);
    return text;
}

BadgeVerification verifyBakedSvg(const std::string& svg, const VerifyOptions& options) {
    std::string why;
    auto jwt = bakedCredential(svg, why);
    if (!jwt) {
        BadgeVerification v;
        v.verdict = BadgeVerdict::NotACertificate;
        v.problems.push_back("not a baked badge: " + why);
        return v;
    }
    BadgeVerification v = verifyOpenBadgeJwt(*jwt, options);
    if (!v.signature_checked) return v;
    // The picture's name is not signed: it must be the name the credential's salted hash names.
    const auto payload = fromBase64url(jwt->substr(jwt->find('.') + 1, jwt->rfind('.') - jwt->find('.') - 1));
    const auto credential = payload ? nlohmann::json::parse(*payload, nullptr, false) : nlohmann::json();
    nlohmann::json identity;  // the name's identifier (an e-mail or url one may come first)
    try {
        for (const auto& id : credential.at("credentialSubject").at("identifier"))
            if (id.is_object() && id.value("identityType", nlohmann::json()) == "name") identity = id;
    } catch (const nlohmann::json::exception&) {
    }
    const auto shown = textById(svg, "recipient");
    auto text = [&](const char* key) {
        return identity.is_object() && identity.contains(key) && identity[key].is_string() ? identity[key].get<std::string>() : std::string();
    };
    const std::string salt = text("salt"), hash = text("identityHash");
    if (!shown || hash != hashedIdentity("name", *shown, salt)) {
        v.problems.push_back("the name shown in the picture is not the name the signed credential holds");
        v.verdict = BadgeVerdict::Tampered;
        return v;
    } else {
        v.recipient_name = *shown;
        v.notes.push_back("the name shown matches the credential's hashed identity");
    }
    // The rest of what the picture says must be what the credential says, too.
    const BakedBadgeText signed_text{v.policy_title, *shown, v.company, v.issued_on, v.expires};
    const std::string expected = bakedBadgeSvg("", signed_text);
    for (const char* id : {"title", "issuer", "dates"})
        if (textById(svg, id) != textById(expected, id))
            v.problems.push_back(std::string("the picture's ") + id + " is not what the signed credential says");
    if (titleElement(svg) != titleElement(expected)) v.problems.push_back("the picture's <title> is not what the signed credential says");
    if (!v.problems.empty()) v.verdict = BadgeVerdict::Tampered;
    return v;
}

}  // namespace frontline
