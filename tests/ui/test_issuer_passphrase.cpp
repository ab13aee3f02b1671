// Headless UI tests of signing with the organisation's key in the window: the passphrase is asked
// before anything is signed, a wrong one is said in the dialog and signs nothing, Esc signs nothing,
// and the certificate issued is signed by the organisation's key, not the installation's.
#include "../genuine_evidence.hpp"
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <cstdlib>
#include "frontline/certs.hpp"
#include "harness.hpp"

using namespace frontline;
using frontline::test::Harness;
using frontline::test::TempDir;

namespace {

const std::string kPassphrase = "harbour lights at seven";

// A center's manager desk: an organisation key in its own folder, a trainee ready for level 1.
struct OrganisationDesk {
    TempDir dir;
    PublicKey org;
    OrganisationDesk(Harness& h) {
        setenv("FRONTLINE_ISSUER_DIR", (dir.path() / "issuer").c_str(), 1);
        org = createIssuerKey(dir.path() / "issuer", kPassphrase);
        h.app.content = loadContent(ContentPaths::at(FRONTLINE_TEST_CONTENT_DIR));
        h.app.store.emplace(Store::open(dir.path() / "desk" / "frontline.db"));
        const auto ana = h.app.store->createTrainee("Ana Lima", "Blue");
        for (const char* scenario : {"failed-verification", "price-objection-learn", "irate-supervisor-request"})
            test::recordGenuinePass(*h.app.store, h.app.content, ana.id, scenario, "2026-11-05T09:00:00Z", "2026-11-05T09:06:00Z");
        test::recordGenuineExam(*h.app.store, h.app.content, ana.id, "inbound-l1-exam", 0, "2026-11-06T09:00:00Z");
        ui::openApp(h.app, "Ana Lima");
        ui::navigate(h.app, ui::ScreenId::Certificates);
        h.frames(2);
    }
    ~OrganisationDesk() { setenv("FRONTLINE_ISSUER_DIR", "/nonexistent/frontline-ui-tests-issuer", 1); }
};

}  // namespace

TEST_CASE("issuing with an organisation key asks its passphrase and signs with that key") {
    Harness h;
    OrganisationDesk desk(h);
    Store& store = *h.app.store;
    REQUIRE(h.enabled("Issue certificate:inbound-agent-l1"));
    h.click("Issue certificate:inbound-agent-l1");
    h.frames(1);
    REQUIRE(h.visible("Issuer passphrase field"));
    CHECK(store.certificates(h.app.trainee->id).empty());

    h.fill("Issuer passphrase field", "not the passphrase at all");
    h.click("Sign certificate");
    h.frames(1);
    CHECK(store.certificates(h.app.trainee->id).empty());
    CHECK_FALSE(h.app.issuer_passphrase.error.empty());
    CHECK(h.app.issuer_passphrase.passphrase.empty());  // the wrong one is not kept
    CHECK(h.visible("Issuer passphrase field"));

    h.fill("Issuer passphrase field", kPassphrase);
    h.click("Sign certificate");
    h.frames(1);
    CHECK_FALSE(h.app.issuer_passphrase.open);
    const auto certs = store.certificates(h.app.trainee->id);
    REQUIRE(certs.size() == 1);
    const auto creator = assertionPayload(certs[0])["verification"]["creator"];
    CHECK(creator == publicKeyJwk(desk.org)["kid"]);
    CHECK(h.app.certificates.message.find("installation's own key") == std::string::npos);
}

TEST_CASE("Esc in the passphrase dialog signs nothing") {
    Harness h;
    OrganisationDesk desk(h);
    h.click("Issue certificate:inbound-agent-l1");
    h.frames(1);
    REQUIRE(h.visible("Issuer passphrase field"));
    h.fill("Issuer passphrase field", kPassphrase);
    h.press(test::kEscape);  // while the field still has the cursor
    h.frames(2);
    CHECK_FALSE(h.app.issuer_passphrase.open);
    CHECK(h.app.issuer_passphrase.passphrase.empty());
    CHECK(h.app.store->certificates(h.app.trainee->id).empty());
}
