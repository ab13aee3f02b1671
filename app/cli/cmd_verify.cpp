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
#include "frontline/i18n.hpp"
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"
#include "frontline/open_badges.hpp"

namespace frontline::cli {
namespace {

constexpr const char* kUsage = N_(
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
    "6 revoked, 7 valid and trusted but it names someone other than --recipient.\n");

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
    const bool name = v.recipient_type == "name", url = v.recipient_type == "url";
    if (v.recipient_check == RecipientCheck::Matches)
        return fmt(name  ? tr("RECIPIENT MATCHES: the certificate's hashed name is {0}")
                   : url ? tr("RECIPIENT MATCHES: the certificate's hashed web address is {0}")
                         : tr("RECIPIENT MATCHES: the certificate's hashed e-mail address is {0}"),
                   v.recipient_asked);
    return fmt(name  ? tr("RECIPIENT DIFFERS: the certificate does not name {0} (it names its recipient by a hashed name)")
               : url ? tr("RECIPIENT DIFFERS: the certificate does not name {0} (it names its recipient by a hashed web address)")
                     : tr("RECIPIENT DIFFERS: the certificate does not name {0} (it names its recipient by a hashed e-mail address)"),
               v.recipient_asked);
}

std::string headline(const BadgeVerification& v) {
    switch (v.verdict) {
        case BadgeVerdict::Valid: return fmt(tr("VALID: the certificate is genuine and current (issuer trusted: {0})"), v.trusted_by);
        case BadgeVerdict::Expired: return fmt(tr("EXPIRED: issued by a trusted issuer, but it expired on {0}"), dateOfUtc(v.expires));
        case BadgeVerdict::Revoked: return fmt(tr("REVOKED: the certificate was revoked on {0}"), dateOfUtc(v.revoked_at));
        case BadgeVerdict::Untrusted:
            if (!v.signature_checked)
                return fmt(tr("UNTRUSTED ISSUER: signed with a key ({0}) that no trusted issuer holds, so not even the signature could be "
                              "checked. Give the issuer's published jwks.json or issuer.json with --trust."),
                           v.key_fingerprint);
            return fmt(tr("UNTRUSTED ISSUER: the signature is intact, but the key that made it ({0}) is not a trusted issuer's. Anyone "
                          "can make such a file: compare the fingerprint with the one the issuer publishes."),
                       v.key_fingerprint);
        case BadgeVerdict::Tampered: return tr("TAMPERED: the certificate has been altered or was not signed by its issuer");
        case BadgeVerdict::NotACertificate: return tr("NOT A CERTIFICATE");
    }
    return "";
}

}  // namespace

int cmdVerify(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {"--at", "--recipient"}, {}, {"--trust", "--revocations", "--issuer-dir"}});
    if (args.has("--help")) {
        io.out << tr(kUsage);
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError(tr("verify needs exactly one FILE"));
    VerifyOptions options;
    options.now = nowUtcIso();
    if (args.has("--at")) {
        auto at = parseUtc(args.get("--at"));
        if (!at) throw UsageError(tr("--at expects an ISO 8601 date such as 2026-12-01"));
        options.now = formatUtc(*at);
    }
    if (args.has("--recipient")) {
        options.recipient = trimmedRecipient(args.get("--recipient"));
        if (options.recipient.empty()) throw UsageError(tr("--recipient needs an e-mail address, web address or name"));
    }
    const std::filesystem::path file = args.positional[0];
    const auto text = readWhole(file);
    if (!text) {
        io.err << "frontline: " << fmt(tr("cannot read {0}"), file.string()) << "\n";
        return 1;
    }
    if (args.has("--trust")) {
        std::string why;
        auto trusted_text = readWhole(args.get("--trust"));
        auto key = trusted_text ? keyFromIssuerFile(*trusted_text, why) : std::nullopt;
        const auto rsa_keys = trusted_text ? rsaKeysFromIssuerFile(*trusted_text) : std::vector<nlohmann::json>{};
        if (!key && (rsa_keys.empty() || why == "its fingerprint does not match its key")) {
            io.err << "frontline: --trust " << args.get("--trust") << ": " << (trusted_text ? why : std::string(tr("cannot read it"))) << "\n";
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
            io.err << "frontline: --revocations " << args.get("--revocations") << ": " << (list_text ? why : std::string(tr("cannot read it"))) << "\n";
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
    if (v.verdict == BadgeVerdict::Untrusted) out << "  " << tr("What the file claims (no trusted issuer vouches for it):") << "\n";
    const auto row = [&](const char* label, const std::string& value) { out << "  " << padded(tr(label), 9) << value << "\n"; };
    if (!v.certificate_id.empty()) {
        // Fields come from the signed payload; for a tampered file they are what the signature covers.
        row(N_("Who:"), v.recipient_name);
        row(N_("What:"), fmt(tr("{0} (SOP version {1})"), v.policy_title, v.sop_version));
        row(N_("Issuer:"), v.company);
        row(N_("When:"), fmt(tr("issued {0}, valid until {1}"), dateOfUtc(v.issued_on), dateOfUtc(v.expires)));
        row(N_("Code:"), v.verification_code);
        row(N_("ID:"), v.certificate_id);
        if (!v.supersedes.empty()) row(N_("Renews:"), v.supersedes);
    }
    if (!v.key_fingerprint.empty()) {
        std::string trust;
        switch (v.key_trust) {
            case KeyTrust::Matches: trust = fmt(tr("(trusted: {0})"), v.trusted_by); break;
            case KeyTrust::Differs: trust = tr("(NOT a trusted issuer's key)"); break;
            case KeyTrust::NotChecked: trust = tr("(no trusted issuer known here: give the issuer's published file with --trust)"); break;
        }
        row(N_("Key:"), v.key_fingerprint + " " + trust);
    }
    if (!v.revoked_at.empty()) row(N_("Revoked:"), dateOfUtc(v.revoked_at) + ": " + v.revoke_reason);
    for (const auto& p : v.problems) row(N_("problem:"), p);
    for (const auto& n : v.notes) row(N_("note:"), n);

    return exitCode(v);
}

}  // namespace frontline::cli
