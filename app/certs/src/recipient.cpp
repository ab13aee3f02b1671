// Whom a certificate names. Open Badges 2.0 knows the recipient identity types email, url,
// telephone and id, and a backpack matches a badge to its owner by the hashed e-mail: so a
// trainee whose account is an e-mail address or a web address is named by it (salted, hashed);
// anyone else by their name, as every certificate issued before accounts were used.
#include <algorithm>
#include <cctype>
#include "crypto.hpp"

namespace frontline {

using namespace certs_detail;

namespace {

bool hasSpaceOrControl(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string str(const nlohmann::json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

bool looksLikeEmailAddress(std::string_view text) {
    // Deliberately plain: one '@', something before it, a dot inside the domain, no spaces.
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = text.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && domain.back() != '.' && !hasSpaceOrControl(text);
}

bool looksLikeHttpUrl(std::string_view text) {
    const std::string lower = lowerAscii(text.substr(0, 8));
    std::string_view rest;
    if (lower.rfind("https://", 0) == 0) rest = text.substr(8);
    else if (lower.rfind("http://", 0) == 0) rest = text.substr(7);
    else return false;
    return !rest.empty() && rest.front() != '/' && !hasSpaceOrControl(text);
}

RecipientIdentity recipientIdentityOf(const Trainee& trainee) {
    if (looksLikeEmailAddress(trainee.account)) return {"email", normalizedIdentity("email", trainee.account)};
    if (looksLikeHttpUrl(trainee.account)) return {"url", trainee.account};
    return {"name", trainee.name};
}

std::string normalizedIdentity(const std::string& type, std::string_view text) {
    // E-mail addresses are compared case-blind, so they are hashed lower-cased (as backpacks do).
    if (type == "email" || type == "emailAddress") return lowerAscii(text);
    return std::string(text);
}

std::string hashedIdentity(const std::string& type, std::string_view text, const std::string& salt) {
    return "sha256$" + sha256Hex(normalizedIdentity(type, text) + salt);
}

const char* ob3IdentityType(const std::string& ob2_type) {
    return ob2_type == "email" ? "emailAddress" : ob2_type == "url" ? "url" : "name";
}

void certs_detail::judgeRecipient(const nlohmann::json& identities, const VerifyOptions& options, BadgeVerification& v) {
    if (options.recipient.empty()) return;
    v.recipient_asked = options.recipient;
    v.recipient_check = RecipientCheck::Differs;
    for (const auto& id : identities) {
        const std::string type = str(id, "type");
        if (!type.empty() && str(id, "identity") == hashedIdentity(type, options.recipient, str(id, "salt"))) {
            v.recipient_check = RecipientCheck::Matches;
            return;
        }
    }
}

// The note for a recipient named by a hashed account: the name shown is not what the hash names,
// so nothing was checked against it (not a fault: --recipient checks it).
void certs_detail::noteHashedAccount(const VerifyOptions& options, BadgeVerification& v) {
    if (!options.recipient.empty() || (v.recipient_type != "email" && v.recipient_type != "url" && v.recipient_type != "emailAddress"))
        return;
    const std::string what = v.recipient_type == "url" ? "web address" : "e-mail address";
    v.notes.push_back("the recipient is named by a hashed " + what + ", not checked here: give --recipient to check whom it names");
}

}  // namespace frontline
