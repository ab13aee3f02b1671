#pragma once
// Certificates: issuing into the store, signed Open Badges 2.0 assertions, the exported badge file,
// offline verification and the printable PDF.
//
// Signing: one Ed25519 key per installation, kept in the data directory next to the database
// (signing-key.ed25519, mode 0600), created on first use and reused; a damaged key file is an
// error, never silently replaced (that would orphan every certificate already issued).
//
// The signed assertion is a JWS compact serialization (alg "EdDSA") of an Open Badges 2.0
// Assertion with the BadgeClass and issuer Profile embedded, so it verifies with no network: the
// issuer's CryptographicKey (PEM) is in the signed payload and verification.creator names it.
// Our own fields sit in the "extensions:FrontlineCertificate" extension (certificate id, recipient
// name, policy, SOP version, verification code, scores, supersedes).
//
// The badge file (<id>.badge.json) holds the readable assertion next to the JWS; verification
// recomputes the signature and requires the readable copy to equal the signed payload, so any edit
// is detected. A self-signed file alone proves integrity, not who signed it: verification compares
// the key with the local installation's key when it can and always prints the key fingerprint.
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>
#include "frontline/certification.hpp"
#include "frontline/content.hpp"
#include "frontline/policy.hpp"
#include "frontline/settings.hpp"
#include "frontline/store.hpp"

namespace frontline {

class CertError : public std::runtime_error {
public:
    enum class Kind { KeyCorrupt, KeyIo, Crypto, Io, Pdf, NotFound };
    CertError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

// ---- signing key -------------------------------------------------------------------------------
using PublicKey = std::array<unsigned char, 32>;

struct SigningKey {
    PublicKey public_key{};
    std::array<unsigned char, 64> secret_key{};  // libsodium layout: seed followed by the public key
    std::filesystem::path file;
};

std::filesystem::path signingKeyPath(const std::filesystem::path& data_dir);
// Loads the key from `data_dir`, creating it (mode 0600, atomically) when there is none.
// Throws CertError(KeyCorrupt) for a damaged file and CertError(KeyIo) when it cannot be read or written.
SigningKey loadOrCreateSigningKey(const std::filesystem::path& data_dir);
// Loads an existing key; nullopt when there is none (never creates one). Throws like the above.
std::optional<SigningKey> loadSigningKey(const std::filesystem::path& data_dir);
// "SHA256:1f2e 3d4c 5b6a 7988 …" (first 16 bytes of the SHA-256 of the raw public key, in groups).
std::string keyFingerprint(const PublicKey& key);

// ---- strict JSON ---------------------------------------------------------------------------------
// Parses JSON that a credential is read from. Refuses duplicate object keys (readers disagree on
// which copy wins, so a forger can show one value and sign another); nullopt with `why` set.
std::optional<nlohmann::json> parseStrictJson(const std::string& text, std::string& why);

// ---- the organisation's issuer key ----------------------------------------------------------------
// One Ed25519 key per organisation, created by a manager with `frontline issuer init`, kept in the
// manager's issuer directory (never beside a trainee database): issuer-key.json holds the public
// key in clear and the secret key sealed with libsodium secretbox under an argon2id key derived
// from a passphrase; mode 0600, and refused when group or world can read it.
std::filesystem::path defaultIssuerDirectory();  // $FRONTLINE_ISSUER_DIR, else $XDG_DATA_HOME/frontline-issuer
std::filesystem::path issuerKeyPath(const std::filesystem::path& issuer_dir);
// Creates the key; throws CertError(KeyIo) if one exists or the directory holds a database, and
// std::invalid_argument for a passphrase shorter than kMinPassphrase characters.
constexpr size_t kMinPassphrase = 12;
PublicKey createIssuerKey(const std::filesystem::path& issuer_dir, const std::string& passphrase);
// The public key, without the passphrase (nullopt when there is no key file). Throws CertError
// (KeyCorrupt, KeyIo) for a damaged, unreadable or group/world-readable file.
std::optional<PublicKey> issuerPublicKey(const std::filesystem::path& issuer_dir);
// Unseals the secret key; CertError(KeyCorrupt) for a wrong passphrase or a damaged file.
SigningKey unsealIssuerKey(const std::filesystem::path& issuer_dir, const std::string& passphrase);

// The public issuer profile an organisation publishes: name, url, email, image and the key (as a
// JWK with its fingerprint). `verify --trust FILE` reads it back.
nlohmann::json issuerProfile(const OrgSettings& settings, const PublicKey& key);
nlohmann::json publicKeyJwk(const PublicKey& key);  // {"kty":"OKP","crv":"Ed25519","x":…}
// Reads the key from an issuer profile or a bare JWK; nullopt with `why` when it holds none.
std::optional<PublicKey> keyFromIssuerFile(const std::string& text, std::string& why);
// Reads "SHA256:…" fingerprints separated by commas (spaces inside a fingerprint are ignored).
std::vector<std::string> fingerprintList(const std::string& text);

// ---- revocation lists ---------------------------------------------------------------------------
struct RevokedEntry {
    std::string certificate_id, revoked_at, reason;
};
// The list `issuer export` publishes (revocations.json) and `verify --revocations` reads.
nlohmann::json revocationListJson(const std::vector<CertificateRecord>& certificates, const PublicKey& issuer, const std::string& now);
// nullopt with `why` for a file that is not a revocation list (or has duplicate keys).
std::optional<std::vector<RevokedEntry>> parseRevocationList(const std::string& text, std::string& why);

// ---- issuing -------------------------------------------------------------------------------------
// The trainee's evidence from the store, with scenario tags, titles and difficulty from the content
// (attempts of scenarios no longer in the content keep no tags, so they count for nothing).
// From the trigger-kept evidence totals: one entry per group of attempts (quizzes) that
// certification cannot tell apart, at the group's newest finish, so a few rows however long the
// history. evaluateCertification at the same `now` gives exactly what it gives from every raw
// attempt (evidence.cpp says why); a trainee whose totals cannot stand for them at `now` (a finish
// after `now`, or not written "YYYY-MM-DDTHH:MM:SSZ") gets gatherEvidenceFromAttempts instead.
TraineeEvidence gatherEvidence(const Store& store, std::int64_t trainee_id, const ContentLibrary& content, const std::string& now);
// Every attempt and quiz of the trainee, one entry each: the reference the totals must equal, and
// their fallback.
TraineeEvidence gatherEvidenceFromAttempts(const Store& store, std::int64_t trainee_id, const ContentLibrary& content);
// One stored row as certification evidence (tags, difficulty and title from the content).
PracticalAttempt practicalAttemptOf(const AttemptRecord& a, const ContentLibrary& content);
QuizEvidence quizEvidenceOf(const QuizAttemptRecord& q);
// Every trainee's evidence in one read of the totals and certificate headers (for `certify
// status`, the Team view, the status export): what gatherEvidence gives each, trainee by trainee.
struct EvidenceByTrainee {
    std::map<std::int64_t, TraineeEvidence> by_trainee;
    int raw_fallbacks = 0;  // trainees read from their raw attempts instead
    const TraineeEvidence& of(std::int64_t trainee_id) const;  // empty evidence for a trainee with none
};
EvidenceByTrainee gatherEvidenceOfAll(const Store& store, const ContentLibrary& content, const std::string& now);
HeldCertificate heldCertificate(const CertificateRecord& record);

// Signs and stores a new certificate: random id, verification code, expiry from the policy or the
// settings, `supersedes` = the trainee's previous certificate for the policy (which stays in the
// store). Does not check eligibility: callers use evaluateCertification first.
CertificateRecord issueCertificate(Store& store, const SigningKey& key, const Trainee& trainee, const Policy& policy,
                                   const nlohmann::json& scores, const std::string& now, const OrgSettings& settings,
                                   const std::string& sop_version);
// The same with the installation's key from store.dataDirectory().
CertificateRecord issueCertificate(Store& store, const Trainee& trainee, const Policy& policy, const nlohmann::json& scores,
                                   const std::string& now, const OrgSettings& settings, const std::string& sop_version);

// ---- the recipient ----------------------------------------------------------------------------------
// Open Badges 2.0 names the recipient by a salted hash of an identity of a known type (email, url,
// telephone, id). A trainee whose account is an e-mail address is named by it ("email", hashed
// lower-cased), one whose account is an http(s) address by that ("url"); anyone else (the random
// UUID account, a bare login) by their name ("name", as every certificate issued before this).
struct RecipientIdentity {
    std::string type;   // "email", "url" or "name"
    std::string plain;  // what is hashed (an e-mail address lower-cased)
};
RecipientIdentity recipientIdentityOf(const Trainee& trainee);
bool looksLikeEmailAddress(std::string_view text);  // one '@', a dot in the domain, no spaces
bool looksLikeHttpUrl(std::string_view text);       // http:// or https:// and a host, no spaces
// The text hashed for an identity type (OB 2.0 "email" or OB 3.0 "emailAddress": lower-cased).
std::string normalizedIdentity(const std::string& type, std::string_view text);
// "sha256$" + 64 hex digits of SHA-256(normalized text + salt).
std::string hashedIdentity(const std::string& type, std::string_view text, const std::string& salt);
// The OB 3.0 IdentifierTypeEnum value for an OB 2.0 type: emailAddress, url or name.
const char* ob3IdentityType(const std::string& ob2_type);

// A short code people can read out: "XXXX-XXXX" from an alphabet without 0/O, 1/I/L.
std::string newVerificationCode();
bool looksLikeVerificationCode(const std::string& text);

// ---- badge file and verification -----------------------------------------------------------------
// The decoded payload of a record's signed assertion (throws CertError(Crypto) when it is not a JWS).
nlohmann::json assertionPayload(const CertificateRecord& record);
// The exported file: readable assertion + JWS, and for a revoked record a revocation notice signed
// with `issuer_key`, which must then be the key that signed the certificate (CertError otherwise).
std::string badgeFileText(const CertificateRecord& record, const SigningKey* issuer_key = nullptr);
std::string badgeFileName(const CertificateRecord& record);  // "<id>.badge.json"

// Untrusted: the signature is intact but no trusted issuer made it (a forger's own key looks so).
enum class BadgeVerdict { Valid, Expired, Revoked, Tampered, NotACertificate, Untrusted };
// "valid", "expired", "revoked", "tampered", "not-a-certificate", "untrusted-issuer"
const char* badgeVerdictName(BadgeVerdict v);

// Matches: a trusted key signed it; Differs: trusted keys were given and none signed it;
// NotChecked: there was no trusted key at all (still Untrusted).
enum class KeyTrust { NotChecked, Matches, Differs };

// `verify --recipient`: NotAsked without it; Matches when the hashed identity names that recipient.
enum class RecipientCheck { NotAsked, Matches, Differs };

struct BadgeVerification {
    BadgeVerdict verdict = BadgeVerdict::NotACertificate;
    std::vector<std::string> problems;  // why it is tampered / not a certificate, one line each
    std::vector<std::string> notes;     // e.g. "recipient name matches the hashed identity"
    // What the signed payload says (filled as soon as the signature checks out).
    std::string certificate_id, recipient_name, company, policy_id, policy_title, sop_version;
    std::string issued_on, expires, verification_code, supersedes;
    nlohmann::json scores;
    std::string key_fingerprint;
    KeyTrust key_trust = KeyTrust::NotChecked;
    std::string trusted_by;      // which trusted source holds the signing key, when one does
    bool signature_checked = false;  // false when no key at hand could check it (a VC-JWT's unknown kid)
    bool store_checked = false;  // the certificate was found in the local store
    std::string revoked_at, revoke_reason;
    std::string recipient_type;  // the signed identity's type: "name", "email", "url" (OB 3.0: its own names)
    RecipientCheck recipient_check = RecipientCheck::NotAsked;
    std::string recipient_asked;  // the --recipient given
};

struct TrustedKey {
    PublicKey key{};
    std::string source;  // "the organisation's issuer key", "--trust FILE", …
};

// An issuer's RSA key for Open Badges 3.0 VC-JWTs (kid recomputed from n and e), with the
// issuer's Ed25519 key when the same source names it (the credential's issuer id derives from it).
struct TrustedRsaKey {
    nlohmann::json jwk;
    std::string source;
    std::optional<PublicKey> issuer_key;
};

struct VerifyOptions {
    std::string now;                        // ISO 8601 UTC; decides "expired"
    std::optional<PublicKey> trusted_key;   // the local installation's key, when known
    const Store* store = nullptr;           // for revocations and the issued record
    std::vector<TrustedKey> trusted_keys;   // the organisation's key, --trust files
    std::vector<TrustedRsaKey> trusted_rsa_keys;  // the same sources' RSA keys, for VC-JWTs
    std::vector<std::string> trusted_fingerprints;  // from the trusted_issuers setting
    const std::vector<RevokedEntry>* revocations = nullptr;  // a published list at hand
    // The trust_installation_key setting: off, trusted_key vouches for nothing (an organisation
    // whose desks once signed their own certificates stops trusting them).
    bool trust_installation_key = true;
    std::string recipient;  // --recipient: the e-mail, URL or name the certificate should name
};

// Never throws for bad input: every problem with the file is a verdict. A compact token that is not
// an EdDSA assertion is verified as an Open Badges 3.0 VC-JWT (verifyOpenBadgeJwt).
BadgeVerification verifyBadge(const std::string& file_text, const VerifyOptions& options);
// JSON for `frontline verify --json`.
nlohmann::json toJson(const BadgeVerification& v);

// ---- PDF -------------------------------------------------------------------------------------------
// A landscape A4 certificate with a QR code of qrPayload(record). Throws CertError(Pdf/Io).
void exportCertificatePdf(const CertificateRecord& record, const std::filesystem::path& path, const OrgSettings& settings);
// What the QR code holds: the organisation's check page (certificate_verify_url) with the
// verification code filled in, or without one the certificate id and code as plain text.
std::string qrPayload(const CertificateRecord& record, const OrgSettings& settings);

}  // namespace frontline
