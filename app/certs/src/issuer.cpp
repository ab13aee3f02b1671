// Sections: strict JSON · the issuer key file · the public issuer profile · revocation lists
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include "crypto.hpp"
#include "frontline/open_badges.hpp"
#include "rsa.hpp"
#include "frontline/certs.hpp"

namespace frontline {

using namespace certs_detail;

// ---- strict JSON ---------------------------------------------------------------------------------

std::optional<nlohmann::json> parseStrictJson(const std::string& text, std::string& why) {
    // One set of keys per open object; the parser reports keys before their values.
    std::vector<std::set<std::string>> open_objects;
    std::string duplicate;
    auto check = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (event == E::object_start) open_objects.emplace_back();
        else if (event == E::object_end && !open_objects.empty()) open_objects.pop_back();
        else if (event == E::key && !open_objects.empty() && !open_objects.back().insert(parsed.get<std::string>()).second &&
                 duplicate.empty())
            duplicate = parsed.get<std::string>();
        return true;
    };
    auto j = nlohmann::json::parse(text, check, false);
    if (j.is_discarded()) {
        why = "not valid JSON";
        return std::nullopt;
    }
    if (!duplicate.empty()) {
        why = "the key \"" + duplicate + "\" appears twice in one object";
        return std::nullopt;
    }
    return j;
}

// ---- the issuer key file -------------------------------------------------------------------------

namespace {

constexpr const char* kKeyFileType = "FrontlineIssuerKey";
// argon2id at libsodium's "moderate" work factor would take ~1 s per signing session on a desk PC;
// 3 passes over 64 MiB keeps guessing expensive and issuing quick. Stored in the file, so it can grow.
constexpr unsigned long long kOpsLimit = 3;
constexpr size_t kMemLimit = 64u << 20;

std::string bytes(const unsigned char* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

CertError keyCorrupt(const std::filesystem::path& path, const std::string& why) {
    return CertError(CertError::Kind::KeyCorrupt, "issuer key " + path.string() + ": " + why);
}

// Reads the key file after checking it is private to its owner.
nlohmann::json readKeyFile(const std::filesystem::path& path) try {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) throw CertError(CertError::Kind::KeyIo, "cannot read " + path.string() + ": " + std::strerror(errno));
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        throw CertError(CertError::Kind::KeyIo, "issuer key " + path.string() +
                                                    " can be read by other users (mode " + [&] {
                                                        char m[8];
                                                        std::snprintf(m, sizeof m, "%04o", st.st_mode & 07777);
                                                        return std::string(m);
                                                    }() + "); it was not used. Run `chmod 600` on it and consider the key exposed.");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw CertError(CertError::Kind::KeyIo, "cannot read " + path.string());
    std::string why;
    auto j = parseStrictJson(text.str(), why);
    if (!j || !j->is_object() || j->value("type", "") != kKeyFileType) throw keyCorrupt(path, "not a Frontline issuer key file");
    return *j;
} catch (const nlohmann::json::exception&) {
    throw keyCorrupt(path, "a field has the wrong type");
}

PublicKey publicKeyOf(const std::filesystem::path& path, const nlohmann::json& file) {
    auto raw = fromBase64url(file.value("public_key", ""));
    if (!raw || raw->size() != 32) throw keyCorrupt(path, "the public key is damaged");
    PublicKey key;
    std::memcpy(key.data(), raw->data(), key.size());
    return key;
}

// The secretbox key from the passphrase and the file's salt and work factors.
std::array<unsigned char, crypto_secretbox_KEYBYTES> boxKey(const std::string& passphrase, const std::string& salt,
                                                            unsigned long long ops, size_t mem) {
    std::array<unsigned char, crypto_secretbox_KEYBYTES> key{};
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                      ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw CertError(CertError::Kind::Crypto, "not enough memory to derive the key from the passphrase");
    return key;
}

void writePrivateFile(const std::filesystem::path& path, const std::string& text) {
    // O_EXCL: an existing key is never overwritten; 0600 from the start, never widened.
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) throw CertError(CertError::Kind::KeyIo, "cannot create " + path.string() + ": " + std::strerror(errno));
    bool ok = fchmod(fd, S_IRUSR | S_IWUSR) == 0 && write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
              fsync(fd) == 0;
    int saved = errno;
    close(fd);
    if (!ok) {
        unlink(path.c_str());
        throw CertError(CertError::Kind::KeyIo, "cannot write " + path.string() + ": " + std::strerror(saved));
    }
}

}  // namespace

std::filesystem::path defaultIssuerDirectory() {
    if (const char* dir = std::getenv("FRONTLINE_ISSUER_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "frontline-issuer";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "frontline-issuer";
}

std::filesystem::path issuerKeyPath(const std::filesystem::path& issuer_dir) { return issuer_dir / "issuer-key.json"; }

PublicKey createIssuerKey(const std::filesystem::path& issuer_dir, const std::string& passphrase) {
    ensureSodium();
    if (passphrase.size() < kMinPassphrase)
        throw std::invalid_argument("the passphrase needs at least " + std::to_string(kMinPassphrase) + " characters");
    std::error_code ec;
    for (const char* db : {"frontline.db", "frontline.db-wal"})
        if (std::filesystem::exists(issuer_dir / db, ec))
            throw CertError(CertError::Kind::KeyIo, issuer_dir.string() + " holds a trainee database; keep the issuer key in a directory of its own");
    std::filesystem::create_directories(issuer_dir, ec);
    if (ec) throw CertError(CertError::Kind::KeyIo, "cannot create " + issuer_dir.string() + ": " + ec.message());
    chmod(issuer_dir.c_str(), S_IRWXU);

    SigningKey key;
    crypto_sign_keypair(key.public_key.data(), key.secret_key.data());
    unsigned char salt[crypto_pwhash_SALTBYTES];
    unsigned char nonce[crypto_secretbox_NONCEBYTES];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    auto box_key = boxKey(passphrase, bytes(salt, sizeof salt), kOpsLimit, kMemLimit);
    std::string sealed(key.secret_key.size() + crypto_secretbox_MACBYTES, '\0');
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(sealed.data()), key.secret_key.data(), key.secret_key.size(), nonce,
                          box_key.data());
    // The RSA half (RS256, what every Open Badges 3.0 verifier accepts), sealed under its own nonce.
    std::string rsa_der = newRsaPkcs8Der();
    const nlohmann::json rsa_jwk = rsaPublicJwk(rsa_der);
    unsigned char rsa_nonce[crypto_secretbox_NONCEBYTES];
    randombytes_buf(rsa_nonce, sizeof rsa_nonce);
    std::string rsa_sealed(rsa_der.size() + crypto_secretbox_MACBYTES, '\0');
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(rsa_sealed.data()), reinterpret_cast<const unsigned char*>(rsa_der.data()),
                          rsa_der.size(), rsa_nonce, box_key.data());
    sodium_memzero(rsa_der.data(), rsa_der.size());
    sodium_memzero(box_key.data(), box_key.size());
    sodium_memzero(key.secret_key.data(), key.secret_key.size());
    nlohmann::json file = {
        {"type", kKeyFileType},
        {"format_version", 1},
        {"algorithm", "Ed25519"},
        {"public_key", base64url(bytes(key.public_key.data(), key.public_key.size()))},
        {"fingerprint", keyFingerprint(key.public_key)},
        {"kdf", {{"name", "argon2id13"}, {"opslimit", kOpsLimit}, {"memlimit", kMemLimit}, {"salt", base64url(bytes(salt, sizeof salt))}}},
        {"nonce", base64url(bytes(nonce, sizeof nonce))},
        {"sealed_secret_key", base64url(sealed)},
        {"rsa_public_jwk", rsa_jwk},
        {"rsa_nonce", base64url(bytes(rsa_nonce, sizeof rsa_nonce))},
        {"sealed_rsa_pkcs8", base64url(rsa_sealed)},
    };
    writePrivateFile(issuerKeyPath(issuer_dir), file.dump(2) + "\n");
    return key.public_key;
}

std::optional<PublicKey> issuerPublicKey(const std::filesystem::path& issuer_dir) {
    ensureSodium();
    const auto path = issuerKeyPath(issuer_dir);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    return publicKeyOf(path, readKeyFile(path));
}

SigningKey unsealIssuerKey(const std::filesystem::path& issuer_dir, const std::string& passphrase) {
    ensureSodium();
    const auto path = issuerKeyPath(issuer_dir);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw CertError(CertError::Kind::NotFound, "no issuer key at " + path.string() + " (a manager creates it with `frontline issuer init`)");
    const auto file = readKeyFile(path);
    SigningKey key;
    key.file = path;
    key.public_key = publicKeyOf(path, file);
    const auto& kdf = file.value("kdf", nlohmann::json::object());
    auto salt = fromBase64url(kdf.value("salt", ""));
    auto nonce = fromBase64url(file.value("nonce", ""));
    auto sealed = fromBase64url(file.value("sealed_secret_key", ""));
    const auto ops = kdf.value("opslimit", 0ull);
    const auto mem = kdf.value("memlimit", size_t{0});
    if (kdf.value("name", "") != "argon2id13" || !salt || salt->size() != crypto_pwhash_SALTBYTES || !nonce ||
        nonce->size() != crypto_secretbox_NONCEBYTES || !sealed || sealed->size() != key.secret_key.size() + crypto_secretbox_MACBYTES ||
        ops < crypto_pwhash_OPSLIMIT_MIN || ops > 20 || mem < crypto_pwhash_MEMLIMIT_MIN || mem > (size_t{1} << 30))
        throw keyCorrupt(path, "the sealed key or its parameters are damaged");
    auto box_key = boxKey(passphrase, *salt, ops, mem);
    const bool opened = crypto_secretbox_open_easy(key.secret_key.data(), reinterpret_cast<const unsigned char*>(sealed->data()),
                                                   sealed->size(), reinterpret_cast<const unsigned char*>(nonce->data()),
                                                   box_key.data()) == 0;
    sodium_memzero(box_key.data(), box_key.size());
    if (!opened) throw keyCorrupt(path, "wrong passphrase, or the file was altered");
    // The public key is stored in clear for verifiers; it must be the sealed key's own half.
    if (sodium_memcmp(key.secret_key.data() + 32, key.public_key.data(), 32) != 0)
        throw keyCorrupt(path, "the public key in the file is not the sealed key's");
    return key;
}

std::string unsealIssuerRsaKey(const std::filesystem::path& issuer_dir, const std::string& passphrase) {
    // Unsealing the Ed25519 half first checks the passphrase and the file as a whole.
    unsealIssuerKey(issuer_dir, passphrase);
    const auto path = issuerKeyPath(issuer_dir);
    const auto file = readKeyFile(path);
    const auto& kdf = file.value("kdf", nlohmann::json::object());
    auto salt = fromBase64url(kdf.value("salt", ""));
    auto nonce = fromBase64url(file.value("rsa_nonce", ""));
    auto sealed = fromBase64url(file.value("sealed_rsa_pkcs8", ""));
    if (!file.contains("sealed_rsa_pkcs8"))
        throw CertError(CertError::Kind::Crypto, "the issuer key " + path.string() + " has no RSA half for Open Badges 3.0");
    if (!nonce || nonce->size() != crypto_secretbox_NONCEBYTES || !sealed || sealed->size() <= crypto_secretbox_MACBYTES)
        throw keyCorrupt(path, "the sealed RSA key is damaged");
    auto box_key = boxKey(passphrase, *salt, kdf.value("opslimit", 0ull), kdf.value("memlimit", size_t{0}));
    std::string der(sealed->size() - crypto_secretbox_MACBYTES, '\0');
    const bool opened = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(der.data()), reinterpret_cast<const unsigned char*>(sealed->data()),
                                                   sealed->size(), reinterpret_cast<const unsigned char*>(nonce->data()), box_key.data()) == 0;
    sodium_memzero(box_key.data(), box_key.size());
    if (!opened || rsaPublicJwk(der) != file["rsa_public_jwk"]) throw keyCorrupt(path, "the RSA key was altered");
    return der;
}

std::optional<nlohmann::json> issuerRsaJwk(const std::filesystem::path& issuer_dir) {
    const auto path = issuerKeyPath(issuer_dir);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    const auto file = readKeyFile(path);
    if (!file.contains("rsa_public_jwk") || !file["rsa_public_jwk"].is_object()) return std::nullopt;
    return file["rsa_public_jwk"];
}

// ---- the public issuer profile -------------------------------------------------------------------

nlohmann::json issuerJwks(const PublicKey& key, const std::optional<nlohmann::json>& rsa_jwk) {
    nlohmann::json keys = {publicKeyJwk(key)};
    if (rsa_jwk) keys.push_back(*rsa_jwk);
    return {{"keys", keys}};
}

nlohmann::json publicKeyJwk(const PublicKey& key) {
    return {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", base64url(bytes(key.data(), key.size()))}, {"alg", "EdDSA"}, {"use", "sig"},
            {"kid", keyUrn(key)}};
}

nlohmann::json issuerProfile(const OrgSettings& settings, const PublicKey& key) {
    nlohmann::json profile = {
        {"type", "FrontlineIssuer"},
        {"name", settings.company_name},
        {"url", settings.issuer_url},
        {"email", settings.issuer_email},
        {"fingerprint", keyFingerprint(key)},
        {"publicKeyJwk", publicKeyJwk(key)},
    };
    if (!settings.issuer_image_url.empty()) profile["image"] = settings.issuer_image_url;
    return profile;
}

std::optional<PublicKey> keyFromIssuerFile(const std::string& text, std::string& why) try {
    auto j = parseStrictJson(text, why);
    if (!j) return std::nullopt;
    const nlohmann::json* jwk = &*j;
    if (j->is_object() && j->contains("publicKeyJwk")) jwk = &(*j)["publicKeyJwk"];
    if (j->is_object() && j->contains("keys") && (*j)["keys"].is_array())  // a JWK set (jwks.json)
        for (const auto& k : (*j)["keys"])
            if (k.is_object() && k.value("kty", "") == "OKP" && k.value("crv", "") == "Ed25519") jwk = &k;
    if (!jwk->is_object() || jwk->value("kty", "") != "OKP" || jwk->value("crv", "") != "Ed25519") {
        why = "no Ed25519 public key (an issuer profile or jwks.json from `frontline issuer export`, or a JWK)";
        return std::nullopt;
    }
    auto raw = fromBase64url(jwk->value("x", ""));
    if (!raw || raw->size() != 32) {
        why = "the key's \"x\" is not 32 bytes of base64url";
        return std::nullopt;
    }
    PublicKey key;
    std::memcpy(key.data(), raw->data(), key.size());
    // A profile that names a fingerprint must name this key's (a hand-edited file is refused).
    if (j->is_object() && j->contains("fingerprint") && j->value("fingerprint", "") != keyFingerprint(key)) {
        why = "its fingerprint does not match its key";
        return std::nullopt;
    }
    return key;
} catch (const nlohmann::json::exception&) {
    why = "its key fields are not text";
    return std::nullopt;
}

std::vector<std::string> fingerprintList(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        // Normalised to keyFingerprint's spacing: "SHA256:" and groups of four.
        std::string hex;
        for (char c : current.rfind("SHA256:", 0) == 0 ? current.substr(7) : current)
            if (std::isxdigit(static_cast<unsigned char>(c))) hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (hex.size() == 32) {
            std::string fp = "SHA256:";
            for (size_t i = 0; i < hex.size(); i += 4) fp += (i ? " " : "") + hex.substr(i, 4);
            out.push_back(fp);
        }
        current.clear();
    };
    for (char c : text) {
        if (c == ',') flush();
        else if (c != ' ') current += c;
    }
    flush();
    return out;
}

// ---- revocation lists ----------------------------------------------------------------------------

namespace {
constexpr const char* kRevocationListType = "FrontlineRevocationList";
}

nlohmann::json revocationListJson(const std::vector<CertificateRecord>& certificates, const PublicKey& issuer, const std::string& now) {
    nlohmann::json revoked = nlohmann::json::array();
    for (const auto& c : certificates)
        if (!c.revoked_at.empty()) revoked.push_back({{"id", "urn:uuid:" + c.id}, {"revoked_at", c.revoked_at}, {"reason", c.revoke_reason}});
    return {{"type", kRevocationListType}, {"issuer_fingerprint", keyFingerprint(issuer)}, {"updated", now}, {"revoked", revoked}};
}

std::optional<std::vector<RevokedEntry>> parseRevocationList(const std::string& text, std::string& why) try {
    auto j = parseStrictJson(text, why);
    if (!j) return std::nullopt;
    if (!j->is_object() || j->value("type", "") != kRevocationListType || !(*j)["revoked"].is_array()) {
        why = "not a Frontline revocation list (revocations.json from `frontline issuer export`)";
        return std::nullopt;
    }
    std::vector<RevokedEntry> out;
    for (const auto& e : (*j)["revoked"]) {
        std::string id = e.is_object() ? e.value("id", "") : "";
        if (id.rfind("urn:uuid:", 0) != 0) {
            why = "an entry without a urn:uuid id";
            return std::nullopt;
        }
        out.push_back({id.substr(9), e.value("revoked_at", ""), e.value("reason", "")});
    }
    return out;
} catch (const nlohmann::json::exception&) {
    why = "an entry whose fields are not text";
    return std::nullopt;
}

}  // namespace frontline
