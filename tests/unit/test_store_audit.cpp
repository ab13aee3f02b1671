// The audit trail on both engines: settings changes (old -> new), certificates issued and revoked,
// written with the change itself; and `frontline audit` for the manager.
#include <doctest/doctest.h>
#include <algorithm>
#include <sstream>
#include "cli.hpp"
#include "frontline/store.hpp"
#include "store_engines.hpp"

using namespace frontline;

namespace {

CertificateRecord certificateFor(std::int64_t trainee, const std::string& id) {
    CertificateRecord c;
    c.id = id;
    c.trainee_id = trainee;
    c.policy_id = "inbound-agent";
    c.policy_title = "Inbound Agent";
    c.sop_version = "1.0.0";
    c.issued_at = "2026-03-01T09:00:00Z";
    c.expires_at = "2026-09-01T09:00:00Z";
    c.verification_code = "K7Q-2MX";
    c.assertion_json = "{}";
    return c;
}

std::vector<AuditEntry> entriesFor(const std::vector<AuditEntry>& trail, const std::string& subject) {
    std::vector<AuditEntry> out;
    std::copy_if(trail.begin(), trail.end(), std::back_inserter(out), [&](const AuditEntry& a) { return a.subject == subject; });
    return out;
}

}  // namespace

TEST_CASE_TEMPLATE("audit: settings changes, certificates issued and revoked are recorded with who, when, old and new", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    store.setActor("Maria (manager)");
    const std::string actor = engine->name() == "sqlite" ? "Maria (manager)" : "postgres";  // a server names the login
    CHECK(store.auditTrail().empty());

    OrgSettings settings;
    settings.company_name = "Brightwave";
    store.saveSettings(settings);
    const std::size_t first_save = store.auditTrail().size();
    CHECK(first_save == settingsToJson(settings).size());  // every key, from nothing
    store.saveSettings(settings);
    CHECK(store.auditTrail().size() == first_save);  // saving the same values changes nothing
    settings.company_name = "Northwind Energy";
    settings.quiz_pass_mark = 90;
    store.saveSettings(settings);
    const auto trail = store.auditTrail();
    REQUIRE(trail.size() == first_save + 2);
    const auto company = entriesFor(trail, "company_name");
    REQUIRE(company.size() == 2);
    CHECK(company[0].action == "settings.change");
    CHECK(company[0].old_value == "\"Brightwave\"");
    CHECK(company[0].new_value == "\"Northwind Energy\"");
    CHECK(company[0].actor == actor);
    CHECK(company[0].at.size() == 20);  // 2026-11-30T07:00:00Z
    CHECK(company[1].old_value.empty());

    const auto ana = store.createTrainee("Ana", "A").id;
    store.insertCertificate(certificateFor(ana, "c-1"));
    CHECK_THROWS_AS(store.insertCertificate(certificateFor(ana, "c-1")), StoreError);  // refused: not recorded
    store.revokeCertificate("c-1", "issued in error", "2026-04-01T00:00:00Z");
    store.revokeCertificate("c-1", "again", "2026-05-01T00:00:00Z");  // the first revocation stands: not recorded
    const auto certificate = entriesFor(store.auditTrail(), "c-1");
    REQUIRE(certificate.size() == 2);
    CHECK(certificate[0].action == "certificate.revoke");
    CHECK(certificate[0].old_value == "valid");
    CHECK(certificate[0].new_value == "revoked: issued in error");
    CHECK(certificate[1].action == "certificate.issue");
    CHECK(certificate[1].new_value.find("inbound-agent") != std::string::npos);
    CHECK(certificate[1].actor == actor);
    CHECK(store.auditTrail(1).size() == 1);
    CHECK(store.auditTrail(1)[0].action == "certificate.revoke");  // newest first
}

TEST_CASE_TEMPLATE("audit: frontline audit lists the trail for the manager, as text and JSON", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    {
        Store store = engine->open();
        OrgSettings settings;
        store.saveSettings(settings);
        settings.company_name = "Northwind Energy";
        store.saveSettings(settings);
    }
    test::ScopedEnv data("XDG_DATA_HOME", test::testOutboxDir().c_str());  // the CLI's outbox: not the user's
    auto run = [&](std::vector<std::string> argv, std::string& out) {
        argv.push_back("--db");
        argv.push_back(engine->locator());
        std::istringstream in;
        std::ostringstream o, e;
        cli::Io io{in, o, e, false};
        const int code = cli::run(argv, io);
        out = o.str();
        INFO(e.str());
        return code;
    };
    std::string text, json;
    REQUIRE(run({"audit", "--limit", "1"}, text) == 0);
    CHECK(text.find("settings.change  company_name:") != std::string::npos);
    CHECK(text.find("-> \"Northwind Energy\"") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 1);
    REQUIRE(run({"audit", "--json"}, json) == 0);
    const auto j = nlohmann::json::parse(json);
    REQUIRE(j.is_array());
    CHECK(j[0]["subject"] == "company_name");
    CHECK(j[0]["new"] == "\"Northwind Energy\"");
    CHECK(j.size() == settingsToJson(OrgSettings{}).size() + 1);
}
