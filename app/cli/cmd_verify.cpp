// frontline verify FILE [--trust ISSUER_FILE] [--revocations FILE] [--recipient WHO] [--db PATH] [--at DATE] [--json]
// Checks a certificate file offline (a badge file, an OB 3.0 VC-JWT or a baked SVG; the library
// tells them apart): the signature over exactly the signed payload, that
// the readable fields equal the signed ones, who signed it (a trusted issuer or not), expiry, and
// revocation (carried in the file, in a published list, or known to the local database).
// Exit codes: 0 valid and from a trusted issuer, 1 not a certificate, 2 usage, 3 intact but from an
// issuer that is not trusted, 4 tampered, 5 expired, 6 revoked, 7 valid and trusted but not the
// --recipient's.
#include <fstream>
#include <iostream>
#include <sstream>
#include "cli_support.hpp"
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"
#include "frontline/open_badges.hpp"

namespace frontline::cli {
namespace {

constexpr const char* kUsage =
    "usage: frontline verify FILE [--trust ISSUER_FILE] [--revocations FILE] [--recipient WHO] [--db PATH] [--at DATE]\n"
    "                        [--json]\n"
    "Verifies a certificate exported with `frontline certify export`: <id>.badge.json, a bare signed\n"
    "assertion, an Open Badges 3.0 VC-JWT (--format ob3, RS256 only) or a baked SVG badge (--format svg).\n"
    "Trusted issuers: the organisation's key (`frontline issuer init`), an issuer.json, jwks.json or JWK\n"
    "given with --trust, and the trusted_issuers setting. --revocations reads a published revocations.json;\n"
    "with a database (--db, or the default one when it exists) its revocations count too; its\n"
    "trust_installation_key setting (1, the default) trusts the key in the database folder as well.\n"
    "--recipient names an e-mail address, web address or name: verify says whether the certificate's\n"
    "hashed recipient identity is that one.\n"
    "Exit codes: 0 valid and trusted, 1 not a certificate, 3 issuer not trusted, 4 tampered, 5 expired,\n"
    "6 revoked, 7 valid and trusted but it names someone other than --recipient.\n";

int exitCode(const BadgeVerification& v) {
    switch (v.verdict) {
        case BadgeVerdict::Valid: return v.recipient_check == RecipientCheck::Differs ? 7 : 0;
        case BadgeVerdict::NotACertificate: return 1;
        case BadgeVerdict::Untrusted: return 3;
        case BadgeVerdict::Tampered: return 4;
        case BadgeVerdict::Expired: return 5;
        case BadgeVerdict::Revoked: return 6;
    }
    return 1;
}

std::optional<std::string> readWhole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trimmedRecipient(const std::string& text) {
    const auto b = text.find_first_not_of(" \t\r\n"), e = text.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
}

// The answer to --recipient, on its own line: whether the signed identity names that person.
std::string recipientLine(const BadgeVerification& v) {
    const std::string kind = v.recipient_type == "name" ? "name" : v.recipient_type == "url" ? "web address" : "e-mail address";
    if (v.recipient_check == RecipientCheck::Matches)
        return "RECIPIENT MATCHES: the certificate's hashed " + kind + " is " + v.recipient_asked;
    return "RECIPIENT DIFFERS: the certificate does not name " + v.recipient_asked + " (it names its recipient by a hashed " + kind + ")";
}

std::string headline(const BadgeVerification& v) {
    switch (v.verdict) {
        case BadgeVerdict::Valid: return "VALID: the certificate is genuine and current (issuer trusted: " + v.trusted_by + ")";
        case BadgeVerdict::Expired: return "EXPIRED: issued by a trusted issuer, but it expired on " + dateOfUtc(v.expires);
        case BadgeVerdict::Revoked: return "REVOKED: the certificate was revoked on " + dateOfUtc(v.revoked_at);
        case BadgeVerdict::Untrusted:
            if (!v.signature_checked)
                return "UNTRUSTED ISSUER: signed with a key (" + v.key_fingerprint +
                       ") that no trusted issuer holds, so not even the signature could be checked. Give the issuer's published "
                       "jwks.json or issuer.json with --trust.";
            return "UNTRUSTED ISSUER: the signature is intact, but the key that made it (" + v.key_fingerprint +
                   ") is not a trusted issuer's. Anyone can make such a file: compare the fingerprint with the one the issuer publishes.";
        case BadgeVerdict::Tampered: return "TAMPERED: the certificate has been altered or was not signed by its issuer";
        case BadgeVerdict::NotACertificate: return "NOT A CERTIFICATE";
    }
    return "";
}

}  // namespace

int cmdVerify(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {"--at", "--recipient"}, {}, {"--trust", "--revocations", "--issuer-dir"}});
    if (args.has("--help")) {
        io.out << kUsage;
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("verify needs exactly one FILE");
    VerifyOptions options;
    options.now = nowUtcIso();
    if (args.has("--at")) {
        auto at = parseUtc(args.get("--at"));
        if (!at) throw UsageError("--at expects an ISO 8601 date such as 2026-12-01");
        options.now = formatUtc(*at);
    }
    if (args.has("--recipient")) {
        options.recipient = trimmedRecipient(args.get("--recipient"));
        if (options.recipient.empty()) throw UsageError("--recipient needs an e-mail address, web address or name");
    }
    const std::filesystem::path file = args.positional[0];
    const auto text = readWhole(file);
    if (!text) {
        io.err << "frontline: cannot read " << file.string() << "\n";
        return 1;
    }
    if (args.has("--trust")) {
        std::string why;
        auto trusted_text = readWhole(args.get("--trust"));
        auto key = trusted_text ? keyFromIssuerFile(*trusted_text, why) : std::nullopt;
        const auto rsa_keys = trusted_text ? rsaKeysFromIssuerFile(*trusted_text) : std::vector<nlohmann::json>{};
        if (!key && (rsa_keys.empty() || why == "its fingerprint does not match its key")) {
            io.err << "frontline: --trust " << args.get("--trust") << ": " << (trusted_text ? why : "cannot read it") << "\n";
            return 1;
        }
        const std::string source = "--trust " + args.get("--trust");
        if (key) options.trusted_keys.push_back({*key, source});
        for (const auto& jwk : rsa_keys) options.trusted_rsa_keys.push_back({jwk, source, key});
    }
    std::optional<std::vector<RevokedEntry>> revocations;
    if (args.has("--revocations")) {
        std::string why;
        auto list_text = readWhole(args.get("--revocations"));
        revocations = list_text ? parseRevocationList(*list_text, why) : std::nullopt;
        if (!revocations) {
            io.err << "frontline: --revocations " << args.get("--revocations") << ": " << (list_text ? why : "cannot read it") << "\n";
            return 1;
        }
        options.revocations = &*revocations;
    }

    // The local database and key, only when they exist: verifying must never create either.
    std::vector<std::string> context_notes;
    try {
        if (auto org_key = issuerPublicKey(issuerDirectoryFor(args))) {
            options.trusted_keys.push_back({*org_key, "the organisation's issuer key"});
            if (auto rsa = issuerRsaJwk(issuerDirectoryFor(args)))
                for (const auto& jwk : rsaKeysFromIssuerFile(rsa->dump()))
                    options.trusted_rsa_keys.push_back({jwk, "the organisation's issuer key", org_key});
        }
    } catch (const CertError& e) {
        context_notes.push_back(std::string("organisation issuer key not used: ") + e.what());
    }
    std::optional<Store> store;
    const std::string db = databaseLocatorFor(args);
    std::error_code ec;
    if (isServerLocator(db) || std::filesystem::exists(db, ec)) {
        try {
            store = openStore(db);
            options.store = &*store;
            const OrgSettings settings = store->settings(OrgSettings{});
            options.trusted_fingerprints = fingerprintList(settings.trusted_issuers);
            options.trust_installation_key = settings.trust_installation_key != 0;
        } catch (const StoreError& e) {
            context_notes.push_back("database " + displayLocator(db) + " not checked: " + e.what());
        }
        try {
            const auto key_folder = store ? store->dataDirectory() : dataDirectoryFor(db);
            if (auto key = loadSigningKey(key_folder)) options.trusted_key = key->public_key;
        } catch (const CertError& e) {
            context_notes.push_back(std::string("local signing key not used: ") + e.what());
        }
    } else if (args.has("--db")) {
        context_notes.push_back("no database at " + db + ": revocations not checked");
    }

    BadgeVerification v = verifyBadge(*text, options);
    v.notes.insert(v.notes.end(), context_notes.begin(), context_notes.end());

    if (args.has("--json")) {
        auto j = toJson(v);
        j["file"] = file.string();
        io.out << jsonText(j) << "\n";
        return exitCode(v);
    }

    std::ostream& out = io.out;
    out << headline(v) << "\n";
    if (v.recipient_check != RecipientCheck::NotAsked) out << recipientLine(v) << "\n";
    if (v.verdict == BadgeVerdict::NotACertificate) {
        for (const auto& p : v.problems) out << "  " << p << "\n";
        return exitCode(v);
    }
    if (v.verdict == BadgeVerdict::Untrusted) out << "  What the file claims (no trusted issuer vouches for it):\n";
    if (!v.certificate_id.empty()) {
        // Fields come from the signed payload; for a tampered file they are what the signature covers.
        out << "  Who:     " << v.recipient_name << "\n"
            << "  What:    " << v.policy_title << " (SOP version " << v.sop_version << ")\n"
            << "  Issuer:  " << v.company << "\n"
            << "  When:    issued " << dateOfUtc(v.issued_on) << ", valid until " << dateOfUtc(v.expires) << "\n"
            << "  Code:    " << v.verification_code << "\n"
            << "  ID:      " << v.certificate_id << "\n";
        if (!v.supersedes.empty()) out << "  Renews:  " << v.supersedes << "\n";
    }
    if (!v.key_fingerprint.empty()) {
        out << "  Key:     " << v.key_fingerprint;
        switch (v.key_trust) {
            case KeyTrust::Matches: out << " (trusted: " << v.trusted_by << ")\n"; break;
            case KeyTrust::Differs: out << " (NOT a trusted issuer's key)\n"; break;
            case KeyTrust::NotChecked:
                out << " (no trusted issuer known here: give the issuer's published file with --trust)\n";
                break;
        }
    }
    if (!v.revoked_at.empty()) out << "  Revoked: " << dateOfUtc(v.revoked_at) << ": " << v.revoke_reason << "\n";
    for (const auto& p : v.problems) out << "  problem: " << p << "\n";
    for (const auto& n : v.notes) out << "  note:    " << n << "\n";
    return exitCode(v);
}

}  // namespace frontline::cli
