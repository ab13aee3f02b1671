// Sections: libsodium helpers · JWS · key encodings · the signing key file
#include "crypto.hpp"
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace frontline {
namespace certs_detail {

void ensureSodium() {
    // sodium_init is idempotent and thread-safe; it returns 1 when already initialised.
    if (sodium_init() < 0) throw CertError(CertError::Kind::Crypto, "libsodium could not be initialised");
}

namespace {

std::string encode(std::string_view bytes, int variant) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), variant);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> decode(std::string_view text, int variant) {
    std::string out(text.size(), '\0');
    size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &len,
                          &end, variant) != 0)
        return std::nullopt;
    if (end != text.data() + text.size()) return std::nullopt;  // trailing garbage
    out.resize(len);
    return out;
}

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING }.
constexpr unsigned char kEd25519SpkiPrefix[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
constexpr std::string_view kKeyUrnPrefix = "urn:frontline:key:ed25519:";
constexpr std::string_view kKeyLinePrefix = "ed25519-secret-key-v1 ";

}  // namespace

std::string base64url(std::string_view bytes) { return encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING); }
std::optional<std::string> fromBase64url(std::string_view text) { return decode(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING); }
std::string base64(std::string_view bytes) { return encode(bytes, sodium_base64_VARIANT_ORIGINAL); }
std::optional<std::string> fromBase64(std::string_view text) { return decode(text, sodium_base64_VARIANT_ORIGINAL); }

std::string sha256Hex(std::string_view bytes) {
    ensureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string randomHex(size_t bytes) {
    ensureSodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    hex.pop_back();
    return hex;
}

std::string nameUuid(const std::string& name) {
    std::string hex = sha256Hex(name).substr(0, 32);
    hex[12] = '8';
    hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
    return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20);
}

std::string issuerUuid(const PublicKey& key) { return nameUuid("frontline-issuer:" + keyFingerprint(key)); }

// ---- JWS -------------------------------------------------------------------------------------------

std::string signJws(const nlohmann::json& payload, const SigningKey& key) {
    ensureSodium();
    nlohmann::json header = {{"alg", "EdDSA"}, {"kid", keyUrn(key.public_key)}};
    std::string input = base64url(header.dump()) + "." + base64url(payload.dump());
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                         key.secret_key.data());
    return input + "." + base64url(std::string_view(reinterpret_cast<const char*>(signature), sizeof signature));
}

std::optional<DecodedJws> decodeJws(std::string_view compact, std::string& why) {
    auto first = compact.find('.');
    auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
    if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
        why = "the signed assertion is not a JWS (expected header.payload.signature)";
        return std::nullopt;
    }
    auto header = fromBase64url(compact.substr(0, first));
    auto payload = fromBase64url(compact.substr(first + 1, second - first - 1));
    auto signature = fromBase64url(compact.substr(second + 1));
    if (!header || !payload || !signature) {
        why = "the signed assertion contains characters that are not base64url";
        return std::nullopt;
    }
    DecodedJws jws;
    jws.header = nlohmann::json::parse(*header, nullptr, false);
    if (!jws.header.is_object()) {
        why = "the JWS header is not a JSON object";
        return std::nullopt;
    }
    jws.payload = *payload;
    jws.signing_input = std::string(compact.substr(0, second));
    jws.signature = *signature;
    return jws;
}

bool verifySignature(const DecodedJws& jws, const PublicKey& key) {
    ensureSodium();
    if (jws.signature.size() != crypto_sign_BYTES) return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(jws.signature.data()),
                                       reinterpret_cast<const unsigned char*>(jws.signing_input.data()),
                                       jws.signing_input.size(), key.data()) == 0;
}

// ---- key encodings ---------------------------------------------------------------------------------

std::string keyUrn(const PublicKey& key) {
    return std::string(kKeyUrnPrefix) + base64url(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
}

std::optional<PublicKey> keyFromUrn(std::string_view urn) {
    if (urn.substr(0, kKeyUrnPrefix.size()) != kKeyUrnPrefix) return std::nullopt;
    auto raw = fromBase64url(urn.substr(kKeyUrnPrefix.size()));
    if (!raw || raw->size() != 32) return std::nullopt;
    PublicKey key;
    std::memcpy(key.data(), raw->data(), key.size());
    return key;
}

std::string publicKeyPem(const PublicKey& key) {
    std::string der(reinterpret_cast<const char*>(kEd25519SpkiPrefix), sizeof kEd25519SpkiPrefix);
    der.append(reinterpret_cast<const char*>(key.data()), key.size());
    return "-----BEGIN PUBLIC KEY-----\n" + base64(der) + "\n-----END PUBLIC KEY-----\n";
}

}  // namespace certs_detail

// ---- the signing key file --------------------------------------------------------------------------

using namespace certs_detail;

std::filesystem::path signingKeyPath(const std::filesystem::path& data_dir) { return data_dir / "signing-key.ed25519"; }

std::string keyFingerprint(const PublicKey& key) {
    std::string hex = sha256Hex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size())).substr(0, 32);
    std::string out = "SHA256:";
    for (size_t i = 0; i < hex.size(); i += 4) {
        if (i > 0) out += ' ';
        out += hex.substr(i, 4);
    }
    return out;
}

namespace {

SigningKey parseKeyFile(const std::filesystem::path& path, const std::string& text) {
    auto corrupt = [&](const std::string& why) {
        return CertError(CertError::Kind::KeyCorrupt,
                         "signing key " + path.string() + " is damaged (" + why +
                             "); it was not replaced, because certificates already issued depend on it. Restore it from a "
                             "backup, or move it away to start a new key (older certificates will no longer verify here).");
    };
    std::istringstream in(text);
    std::string line, encoded;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind(kKeyLinePrefix, 0) != 0 || !encoded.empty()) throw corrupt("unexpected line");
        encoded = line.substr(kKeyLinePrefix.size());
    }
    if (encoded.empty()) throw corrupt("no key line");
    auto raw = fromBase64(encoded);
    if (!raw || raw->size() != crypto_sign_SECRETKEYBYTES) throw corrupt("the key is not 64 bytes of base64");
    SigningKey key;
    key.file = path;
    std::memcpy(key.secret_key.data(), raw->data(), key.secret_key.size());
    // The secret key embeds its public half; recomputing it from the seed catches any flipped byte.
    unsigned char derived_pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char derived_sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(derived_pk, derived_sk, key.secret_key.data());
    bool consistent = sodium_memcmp(derived_sk, key.secret_key.data(), sizeof derived_sk) == 0;
    sodium_memzero(derived_sk, sizeof derived_sk);
    if (!consistent) throw corrupt("the public half does not match the private half");
    std::memcpy(key.public_key.data(), derived_pk, key.public_key.size());
    return key;
}

std::string keyFileText(const SigningKey& key) {
    return "# Frontline certificate signing key (Ed25519). Keep it private and backed up: certificates issued\n"
           "# with it verify against it. Public key fingerprint: " +
           keyFingerprint(key.public_key) + "\n" + std::string(kKeyLinePrefix) +
           base64(std::string_view(reinterpret_cast<const char*>(key.secret_key.data()), key.secret_key.size())) + "\n";
}

}  // namespace

std::optional<SigningKey> loadSigningKey(const std::filesystem::path& data_dir) {
    ensureSodium();
    auto path = signingKeyPath(data_dir);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        if (ec) throw CertError(CertError::Kind::KeyIo, "cannot check " + path.string() + ": " + ec.message());
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CertError(CertError::Kind::KeyIo, "cannot read signing key " + path.string() + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return parseKeyFile(path, text.str());
}

SigningKey loadOrCreateSigningKey(const std::filesystem::path& data_dir) {
    if (auto existing = loadSigningKey(data_dir)) return *existing;

    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec) throw CertError(CertError::Kind::KeyIo, "cannot create " + data_dir.string() + ": " + ec.message());

    SigningKey key;
    key.file = signingKeyPath(data_dir);
    crypto_sign_keypair(key.public_key.data(), key.secret_key.data());
    std::string text = keyFileText(key);

    // Write a private temporary file (mkstemp: mode 0600) and link it into place: link() never
    // replaces an existing file, so two processes creating a key at once agree on the first one,
    // and nobody ever reads a half-written key.
    std::string temp = (data_dir / "signing-key.ed25519.XXXXXX").string();
    int fd = mkstemp(temp.data());
    if (fd < 0) throw CertError(CertError::Kind::KeyIo, "cannot create a key file in " + data_dir.string() + ": " + std::strerror(errno));
    bool written = fchmod(fd, S_IRUSR | S_IWUSR) == 0 && write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                   fsync(fd) == 0;
    int saved_errno = errno;
    close(fd);
    sodium_memzero(text.data(), text.size());
    if (!written) {
        unlink(temp.c_str());
        throw CertError(CertError::Kind::KeyIo, "cannot write the signing key: " + std::string(std::strerror(saved_errno)));
    }
    int linked = link(temp.c_str(), key.file.c_str());
    saved_errno = errno;
    unlink(temp.c_str());
    if (linked != 0) {
        if (saved_errno == EEXIST) {  // another process won the race: use its key
            if (auto theirs = loadSigningKey(data_dir)) return *theirs;
        }
        throw CertError(CertError::Kind::KeyIo, "cannot store the signing key at " + key.file.string() + ": " + std::strerror(saved_errno));
    }
    return key;
}

}  // namespace frontline
