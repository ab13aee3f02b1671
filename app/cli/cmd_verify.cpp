// frontline verify FILE [--db PATH] [--at DATE] [--json]
// Checks a certificate file offline: the Ed25519 signature over exactly the signed payload, that
// the readable fields equal the signed ones, expiry, and revocation (carried in the file, or known
// to the local database when one is reachable). Exit 0 only for a valid certificate.
#include <fstream>
#include <iostream>
#include <sstream>
#include "cli_support.hpp"
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"

namespace frontline::cli {
namespace {

constexpr const char* kUsage =
    "usage: frontline verify FILE [--db PATH] [--at DATE] [--json]\n"
    "Verifies a certificate exported with `frontline certify export` (<id>.badge.json) or a bare signed\n"
    "assertion. With a database (--db, or the default one when it exists) it also checks revocations and\n"
    "that the file was signed by this installation's key. Exit code 0 only when the certificate is valid.\n";

std::string headline(const BadgeVerification& v) {
    switch (v.verdict) {
        case BadgeVerdict::Valid: return "VALID: the certificate is genuine and current";
        case BadgeVerdict::Expired: return "EXPIRED: the certificate is genuine but expired on " + dateOfUtc(v.expires);
        case BadgeVerdict::Revoked: return "REVOKED: the certificate is genuine but was revoked on " + dateOfUtc(v.revoked_at);
        case BadgeVerdict::Tampered: return "TAMPERED: the certificate has been altered or was not signed by its issuer";
        case BadgeVerdict::NotACertificate: return "NOT A CERTIFICATE";
    }
    return "";
}

}  // namespace

int cmdVerify(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {"--at"}, {}, {}});
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
    const std::filesystem::path file = args.positional[0];
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        io.err << "frontline: cannot read " << file.string() << "\n";
        return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();

    // The local database and key, only when they exist: verifying must never create either.
    std::vector<std::string> context_notes;
    std::optional<Store> store;
    const std::string db = databaseLocatorFor(args);
    std::error_code ec;
    if (isServerLocator(db) || std::filesystem::exists(db, ec)) {
        try {
            store = openStore(db);
            options.store = &*store;
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

    BadgeVerification v = verifyBadge(text.str(), options);
    v.notes.insert(v.notes.end(), context_notes.begin(), context_notes.end());

    if (args.has("--json")) {
        auto j = toJson(v);
        j["file"] = file.string();
        io.out << jsonText(j) << "\n";
        return v.verdict == BadgeVerdict::Valid ? 0 : 1;
    }

    std::ostream& out = io.out;
    out << headline(v) << "\n";
    if (v.verdict == BadgeVerdict::NotACertificate) {
        for (const auto& p : v.problems) out << "  " << p << "\n";
        return 1;
    }
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
            case KeyTrust::Matches: out << " (this installation's signing key)\n"; break;
            case KeyTrust::Differs: out << " (NOT this installation's signing key)\n"; break;
            case KeyTrust::NotChecked: out << " (no local key to compare: check it against the issuer's published fingerprint)\n"; break;
        }
    }
    if (!v.revoked_at.empty()) out << "  Revoked: " << dateOfUtc(v.revoked_at) << ": " << v.revoke_reason << "\n";
    for (const auto& p : v.problems) out << "  problem: " << p << "\n";
    for (const auto& n : v.notes) out << "  note:    " << n << "\n";
    return v.verdict == BadgeVerdict::Valid ? 0 : 1;
}

}  // namespace frontline::cli
