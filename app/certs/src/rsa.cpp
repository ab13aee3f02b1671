// RS256 (RSASSA-PKCS1-v1_5 with SHA-256) through OpenSSL, for the Open Badges 3.0 VC-JWT: the
// algorithm every conformant OB 3.0 verifier must accept. Keys travel as PKCS#8 DER (sealed in the
// issuer key file) and are published as a JWK.
#include "rsa.hpp"
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>
#include <memory>
#include "crypto.hpp"

namespace frontline::certs_detail {

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BnFree {
    void operator()(BIGNUM* b) const { BN_free(b); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

CertError opensslError(const std::string& what) { return CertError(CertError::Kind::Crypto, "OpenSSL could not " + what); }

Pkey privateFromDer(const std::string& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    Pkey key(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size())));
    if (!key || EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA) throw opensslError("read the RSA issuer key");
    return key;
}

std::string bignumParam(const EVP_PKEY* key, const char* name) {
    BIGNUM* raw = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &raw)) throw opensslError("read the RSA public key");
    std::unique_ptr<BIGNUM, BnFree> bn(raw);
    std::string bytes(static_cast<size_t>(BN_num_bytes(bn.get())), '\0');
    BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(bytes.data()));
    return bytes;
}

}  // namespace

std::string newRsaPkcs8Der() {
    Pkey key(EVP_RSA_gen(2048));
    if (!key) throw opensslError("create an RSA key");
    unsigned char* der = nullptr;
    // PKCS#8 PrivateKeyInfo, unencrypted: the issuer key file seals it.
    PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(key.get());
    if (!info) throw opensslError("encode the RSA key");
    int len = i2d_PKCS8_PRIV_KEY_INFO(info, &der);
    PKCS8_PRIV_KEY_INFO_free(info);
    if (len <= 0) throw opensslError("encode the RSA key");
    std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
    OPENSSL_clear_free(der, static_cast<size_t>(len));
    return out;
}

nlohmann::json rsaPublicJwk(const std::string& pkcs8_der) {
    Pkey key = privateFromDer(pkcs8_der);
    return rsaThumbprintJwk({{"kty", "RSA"},
                             {"n", base64url(bignumParam(key.get(), OSSL_PKEY_PARAM_RSA_N))},
                             {"e", base64url(bignumParam(key.get(), OSSL_PKEY_PARAM_RSA_E))}});
}

nlohmann::json rsaThumbprintJwk(const nlohmann::json& public_jwk) {
    nlohmann::json jwk = {{"kty", "RSA"}, {"n", public_jwk.value("n", "")}, {"e", public_jwk.value("e", "")}, {"alg", "RS256"}, {"use", "sig"}};
    // RFC 7638 thumbprint as the key id: SHA-256 over the required members in lexical order.
    const std::string canonical = nlohmann::json{{"e", jwk["e"]}, {"kty", "RSA"}, {"n", jwk["n"]}}.dump();
    std::string hex = sha256Hex(canonical), digest;
    for (size_t i = 0; i < hex.size(); i += 2) digest += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    jwk["kid"] = base64url(digest);
    return jwk;
}

std::string signRs256(const std::string& signing_input, const std::string& pkcs8_der) {
    Pkey key = privateFromDer(pkcs8_der);
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    size_t len = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()) != 1)
        throw opensslError("sign with RS256");
    std::string signature(len, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &len,
                       reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()) != 1)
        throw opensslError("sign with RS256");
    signature.resize(len);
    return signature;
}

bool verifyRs256(const std::string& signing_input, const std::string& signature, const nlohmann::json& jwk) {
    if (!jwk.is_object() || jwk.value("kty", "") != "RSA") return false;
    auto n = fromBase64url(jwk.value("n", "")), e = fromBase64url(jwk.value("e", ""));
    if (!n || !e) return false;
    std::unique_ptr<BIGNUM, BnFree> bn_n(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), static_cast<int>(n->size()), nullptr));
    std::unique_ptr<BIGNUM, BnFree> bn_e(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), static_cast<int>(e->size()), nullptr));
    OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
    if (!build) return false;
    OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_N, bn_n.get());
    OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_E, bn_e.get());
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(build);
    OSSL_PARAM_BLD_free(build);
    EVP_PKEY_CTX* from = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY* raw = nullptr;
    bool built = from && EVP_PKEY_fromdata_init(from) == 1 && EVP_PKEY_fromdata(from, &raw, EVP_PKEY_PUBLIC_KEY, params) == 1;
    EVP_PKEY_CTX_free(from);
    OSSL_PARAM_free(params);
    Pkey key(raw);
    if (!built) return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                            reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()) == 1;
}

}  // namespace frontline::certs_detail
