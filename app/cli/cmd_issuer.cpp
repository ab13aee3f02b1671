// frontline issuer init [--issuer-dir DIR] [--passphrase-file FILE] [--manager-password-file FILE]
// frontline issuer show [--issuer-dir DIR] [--json]
// frontline issuer export DIR [--issuer-dir DIR]
// The organisation's certificate issuer: a manager creates its key once; `export` writes the files
// the organisation publishes on its website (issuer.json with the public key, issuer-key.jwk.json,
// revocations.json) so that anyone can check a Frontline certificate without Frontline's database.
#include <sys/stat.h>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include "cli_support.hpp"
#include "frontline/certs.hpp"
#include "frontline/open_badges.hpp"

namespace frontline::cli {

std::filesystem::path issuerDirectoryFor(const Args& args) {
    return args.has("--issuer-dir") ? std::filesystem::path(args.get("--issuer-dir")) : defaultIssuerDirectory();
}

std::optional<std::string> issuerPassphrase(const Args& args, Io& io) {
    std::string line;
    if (args.has("--passphrase-file")) {
        std::ifstream in(args.get("--passphrase-file"), std::ios::binary);
        if (!in || !std::getline(in, line)) {
            io.err << "frontline: cannot read a passphrase from " << args.get("--passphrase-file") << "\n";
            return std::nullopt;
        }
        return line;
    }
    if (const char* env = std::getenv("FRONTLINE_ISSUER_PASSPHRASE"); env && *env) return std::string(env);
    if (io.interactive) {
        io.err << "Issuer key passphrase: " << std::flush;
        if (std::getline(io.in, line)) return line;
    }
    io.err << "frontline: the issuer key needs its passphrase: --passphrase-file FILE or $FRONTLINE_ISSUER_PASSPHRASE\n";
    return std::nullopt;
}

namespace {

constexpr const char* kUsage =
    "usage: frontline issuer init [--issuer-dir DIR] [--passphrase-file FILE] [--manager-password-file FILE]\n"
    "       frontline issuer show [--issuer-dir DIR] [--json]\n"
    "       frontline issuer export DIR [--issuer-dir DIR]\n"
    "init creates the organisation's signing key (a manager, once), sealed with a passphrase, in the\n"
    "issuer directory (default $XDG_DATA_HOME/frontline-issuer). show prints the issuer profile and the key\n"
    "fingerprint. export writes issuer.json, issuer-key.jwk.json and revocations.json to DIR for the\n"
    "organisation's website. The profile (name, url, email, image) comes from `frontline settings`:\n"
    "company_name, issuer_url, issuer_email, issuer_image_url.\n";

int runInit(const Args& args, Io& io) {
    const auto dir = issuerDirectoryFor(args);
    // Never created by a trainee: a server's trainee login is refused, a desk file asks for its
    // manager password when it has one.
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (!store->isManager()) {
        io.err << "frontline: only a manager creates the organisation's issuer key; this login is a trainee's\n";
        return 1;
    }
    if (!managerConfirmed(*store, args, io)) return 1;
    auto passphrase = issuerPassphrase(args, io);
    if (!passphrase) return 1;
    try {
        auto key = createIssuerKey(dir, *passphrase);
        io.out << "Created the organisation's issuer key: " << issuerKeyPath(dir).string() << "\n"
               << "  fingerprint " << keyFingerprint(key) << "\n"
               << "Back it up and keep the passphrase safe: certificates issued with it verify against it.\n"
               << "Publish it with: frontline issuer export DIR\n";
    } catch (const std::invalid_argument& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    } catch (const CertError& e) {
        io.err << "frontline: " << e.what() << (std::filesystem::exists(issuerKeyPath(dir)) ? " (a key exists already: it was kept)" : "")
               << "\n";
        return 1;
    }
    return 0;
}

// The issuer's key and settings, or nullopt after reporting.
std::optional<PublicKey> issuerKeyOrReport(const Args& args, Io& io) {
    const auto dir = issuerDirectoryFor(args);
    try {
        if (auto key = issuerPublicKey(dir)) return key;
        io.err << "frontline: no issuer key in " << dir.string() << " (a manager creates it with `frontline issuer init`)\n";
    } catch (const CertError& e) {
        io.err << "frontline: " << e.what() << "\n";
    }
    return std::nullopt;
}

bool writeFile(const std::filesystem::path& path, const std::string& text, Io& io) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) io.err << "frontline: cannot write " << path.string() << "\n";
    return static_cast<bool>(out);
}

int runShow(const Args& args, Io& io) {
    auto key = issuerKeyOrReport(args, io);
    if (!key) return 1;
    auto content = loadContentOrReport(args, io, true);
    if (!content) return 1;
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    auto profile = issuerProfile(effectiveSettings(*content, &*store), *key);
    if (args.has("--json")) {
        io.out << jsonText(profile) << "\n";
        return 0;
    }
    io.out << "Issuer:      " << profile.value("name", "") << "\n"
           << "URL:         " << (profile.value("url", "").empty() ? "(not set: frontline settings set issuer_url …)" : profile.value("url", "")) << "\n"
           << "Email:       " << (profile.value("email", "").empty() ? "(not set: frontline settings set issuer_email …)" : profile.value("email", ""))
           << "\n"
           << "Key:         " << issuerKeyPath(issuerDirectoryFor(args)).string() << "\n"
           << "Fingerprint: " << keyFingerprint(*key) << "\n";
    return 0;
}

int runExport(const Args& args, Io& io) {
    if (args.positional.size() != 2) throw UsageError("issuer export needs one DIR");
    auto key = issuerKeyOrReport(args, io);
    if (!key) return 1;
    auto content = loadContentOrReport(args, io, true);
    if (!content) return 1;
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    const std::filesystem::path out_dir = args.positional[1];
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        io.err << "frontline: cannot create " << out_dir.string() << ": " << ec.message() << "\n";
        return 1;
    }
    auto profile = issuerProfile(effectiveSettings(*content, &*store), *key);
    // The RSA key that signs Open Badges 3.0 VC-JWTs, so --trust issuer.json covers those too.
    if (auto rsa = issuerRsaJwk(issuerDirectoryFor(args))) profile["rsaPublicJwk"] = *rsa;
    // Only certificates this key issued belong on its list.
    std::vector<CertificateRecord> issued;
    for (auto& c : store->certificates()) {
        try {
            auto creator = assertionPayload(c).value("verification", nlohmann::json::object()).value("creator", "");
            if (creator == publicKeyJwk(*key).value("kid", "")) issued.push_back(std::move(c));
        } catch (const std::exception&) {
            // A damaged row: not this key's to vouch for.
        }
    }
    const auto revocations = revocationListJson(issued, *key, nowUtcIso());
    if (!writeFile(out_dir / "issuer.json", profile.dump(2) + "\n", io) ||
        !writeFile(out_dir / "issuer-key.jwk.json", publicKeyJwk(*key).dump(2) + "\n", io) ||
        !writeFile(out_dir / "jwks.json", issuerJwks(*key, issuerRsaJwk(issuerDirectoryFor(args))).dump(2) + "\n", io) ||
        !writeFile(out_dir / "revocations.json", revocations.dump(2) + "\n", io))
        return 1;
    io.out << "Wrote " << (out_dir / "issuer.json").string() << ", issuer-key.jwk.json, jwks.json and revocations.json ("
           << revocations["revoked"].size() << " revoked)\n"
           << "Fingerprint: " << keyFingerprint(*key) << "\n"
           << "Publish them on the organisation's website; verifiers use: frontline verify FILE --trust issuer.json --revocations revocations.json\n";
    return 0;
}

}  // namespace

int cmdIssuer(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {}, {}, {"--issuer-dir", "--passphrase-file", "--manager-password-file"}});
    if (args.has("--help")) {
        io.out << kUsage;
        return 0;
    }
    if (args.positional.empty()) throw UsageError("issuer needs one of: init, show, export");
    const std::string& sub = args.positional[0];
    if (sub == "init") return runInit(args, io);
    if (sub == "show") return runShow(args, io);
    if (sub == "export") return runExport(args, io);
    throw UsageError("unknown issuer subcommand (init, show, export)");
}

}  // namespace frontline::cli
