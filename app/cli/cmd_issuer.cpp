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
#include "frontline/i18n.hpp"
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
            io.err << "frontline: " << fmt(tr("cannot read a passphrase from {0}"), args.get("--passphrase-file")) << "\n";
            return std::nullopt;
        }
        return line;
    }
    if (const char* env = std::getenv("FRONTLINE_ISSUER_PASSPHRASE"); env && *env) return std::string(env);
    if (io.interactive) {
        io.err << tr("Issuer key passphrase: ") << std::flush;
        if (std::getline(io.in, line)) return line;
    }
    io.err << "frontline: " << tr("the issuer key needs its passphrase: --passphrase-file FILE or $FRONTLINE_ISSUER_PASSPHRASE") << "\n";
    return std::nullopt;
}

namespace {

constexpr const char* kUsage = N_(
    "usage: frontline issuer init [--issuer-dir DIR] [--passphrase-file FILE] [--manager-password-file FILE]\n"
    "       frontline issuer show [--issuer-dir DIR] [--json]\n"
    "       frontline issuer export DIR [--issuer-dir DIR]\n"
    "init creates the organisation's signing key (a manager, once), sealed with a passphrase, in the\n"
    "issuer directory (default $XDG_DATA_HOME/frontline-issuer). show prints the issuer profile and the key\n"
    "fingerprint. export writes issuer.json, issuer-key.jwk.json and revocations.json to DIR for the\n"
    "organisation's website. The profile (name, url, email, image) comes from `frontline settings`:\n"
    "company_name, issuer_url, issuer_email, issuer_image_url.\n");

int runInit(const Args& args, Io& io) {
    const auto dir = issuerDirectoryFor(args);
    // Never created by a trainee: a server's trainee login is refused, a desk file asks for its
    // manager password when it has one.
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (!store->isManager()) {
        io.err << "frontline: " << tr("only a manager creates the organisation's issuer key; this login is a trainee's") << "\n";
        return 1;
    }
    if (!managerConfirmed(*store, args, io)) return 1;
    auto passphrase = issuerPassphrase(args, io);
    if (!passphrase) return 1;
    try {
        auto key = createIssuerKey(dir, *passphrase);
        io.out << fmt(tr("Created the organisation's issuer key: {0}\n"
                         "  fingerprint {1}\n"
                         "Back it up and keep the passphrase safe: certificates issued with it verify against it.\n"
                         "Publish it with: frontline issuer export DIR\n"),
                      issuerKeyPath(dir).string(), keyFingerprint(key));
    } catch (const std::invalid_argument& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    } catch (const CertError& e) {
        io.err << "frontline: " << e.what()
               << (std::filesystem::exists(issuerKeyPath(dir)) ? " " + std::string(tr("(a key exists already: it was kept)")) : std::string())
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
        io.err << "frontline: " << fmt(tr("no issuer key in {0} (a manager creates it with `frontline issuer init`)"), dir.string()) << "\n";
    } catch (const CertError& e) {
        io.err << "frontline: " << e.what() << "\n";
    }
    return std::nullopt;
}

bool writeFile(const std::filesystem::path& path, const std::string& text, Io& io) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) io.err << "frontline: " << fmt(tr("cannot write {0}"), path.string()) << "\n";
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
    const auto row = [&](const char* label, const std::string& value) { io.out << padded(tr(label), 13) << value << "\n"; };
    const std::string url = profile.value("url", ""), email = profile.value("email", "");
    row(N_("Issuer:"), profile.value("name", ""));
    row(N_("URL:"), url.empty() ? tr("(not set: frontline settings set issuer_url …)") : url);
    row(N_("Email:"), email.empty() ? tr("(not set: frontline settings set issuer_email …)") : email);
    row(N_("Key:"), issuerKeyPath(issuerDirectoryFor(args)).string());
    row(N_("Fingerprint:"), keyFingerprint(*key));
    return 0;
}

int runExport(const Args& args, Io& io) {
    if (args.positional.size() != 2) throw UsageError(tr("issuer export needs one DIR"));
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
        io.err << "frontline: " << fmt(tr("cannot create {0}: {1}"), out_dir.string(), ec.message()) << "\n";
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
    io.out << fmt(tr("Wrote {0}, issuer-key.jwk.json, jwks.json and revocations.json ({1} revoked)"), (out_dir / "issuer.json").string(),
                  revocations["revoked"].size())
           << "\n"
           << padded(tr("Fingerprint:"), 13) << keyFingerprint(*key) << "\n"
           << tr("Publish them on the organisation's website; verifiers use: frontline verify FILE --trust issuer.json --revocations "
                 "revocations.json")
           << "\n";

    return 0;
}

}  // namespace

int cmdIssuer(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json"}, {}, {}, {"--issuer-dir", "--passphrase-file", "--manager-password-file"}});
    if (args.has("--help")) {
        io.out << tr(kUsage);
        return 0;
    }
    if (args.positional.empty()) throw UsageError(tr("issuer needs one of: init, show, export"));
    const std::string& sub = args.positional[0];
    if (sub == "init") return runInit(args, io);
    if (sub == "show") return runShow(args, io);
    if (sub == "export") return runExport(args, io);
    throw UsageError(tr("unknown issuer subcommand (init, show, export)"));
}

}  // namespace frontline::cli
