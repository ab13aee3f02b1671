// Roles on a center's server: managers and trainees sign in as their own logins, and the server
// itself refuses what a trainee may not do -- through Frontline and through a raw libpq session
// (what psql would do), which gets no more.
#include <doctest/doctest.h>
#include <libpq-fe.h>
#include <algorithm>
#include <map>
#include <memory>
#include <sstream>
#include "cli.hpp"
#include "frontline/store.hpp"
#include "frontline/team_overview.hpp"
#include "test_support.hpp"
#include "store_engines.hpp"

using namespace frontline;

namespace {

bool havePostgres() {
    std::string why_not;
    if (!test::postgresTestUrl(&why_not).empty()) return true;
    MESSAGE("PostgreSQL part skipped: " << why_not);
    return false;
}

AttemptLog someLog() {
    AttemptLog log;
    log.scenario_id = "irate-billing";
    log.sop_id = "inbound-calls-chats";
    log.sop_version = "1.0.0";
    return log;
}

ScoreReport someReport() {
    ScoreReport r;
    r.outcome = "resolved_first_contact";
    r.adherence = 90;
    StepScore s;
    s.step = "receive";
    s.required = true;
    s.covered = true;
    s.in_order = true;
    s.score = 100;
    r.steps = {s};
    return r;
}

// A raw session as one login, like psql: the SQLSTATE of each statement ("" when it worked).
class RawSession {
public:
    explicit RawSession(const std::string& url) : conn_(PQconnectdb(url.c_str()), PQfinish) {
        REQUIRE_MESSAGE(PQstatus(conn_.get()) == CONNECTION_OK, PQerrorMessage(conn_.get()));
    }
    std::string sqlstate(const std::string& sql) {
        std::unique_ptr<PGresult, void (*)(PGresult*)> r(PQexec(conn_.get(), sql.c_str()), PQclear);
        const auto status = PQresultStatus(r.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return "";
        return PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
    }
    std::string value(const std::string& sql) {
        std::unique_ptr<PGresult, void (*)(PGresult*)> r(PQexec(conn_.get(), sql.c_str()), PQclear);
        REQUIRE_MESSAGE(PQresultStatus(r.get()) == PGRES_TUPLES_OK, PQresultErrorMessage(r.get()));
        return PQgetvalue(r.get(), 0, 0);
    }

private:
    std::unique_ptr<PGconn, void (*)(PGconn*)> conn_;
};

// A center: the owner sets up the database and its first manager; the manager adds two trainees.
// Logins are cluster-wide, so each test's logins carry its database's name.
struct Center {
    test::PostgresTestDatabase db;
    std::string manager = db.name() + "_maria", ana = db.name() + "_ana", ben = db.name() + "_ben";
    const std::string password = "correct horse 1";
    std::int64_t ana_id = 0, ben_id = 0;

    Center() {
        Store owner = test::openServer(db.url());
        owner.addUser({manager, password, "", "", true});
        Store as_manager = test::openServer(url(manager));
        as_manager.addUser({ana, password, "Ana", "Team A", false});
        as_manager.addUser({ben, password, "Ben", "Team B", false});
        ana_id = as_manager.traineeByName("Ana")->id;
        ben_id = as_manager.traineeByName("Ben")->id;
        as_manager.recordAttempt(ben_id, "t", someLog(), someReport(), "2026-03-01T09:00:00Z", "2026-03-01T09:06:00Z");
    }
    std::string url(const std::string& login) const { return db.urlAs(login, password); }
};

StoreError::Kind refusalOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const StoreError& e) {
        return e.kind();
    }
    FAIL("the server allowed it");
    return StoreError::Kind::Other;
}

}  // namespace

TEST_CASE("roles: a manager's own profile is marked as the manager's, so it is not counted as a trainee") {
    if (!havePostgres()) return;
    Center center;
    Store maria = test::openServer(center.url(center.manager));
    const std::string sofia = center.db.name() + "_sofia";
    maria.addUser({sofia, center.password, "Sofia", "Team A", true});  // a second manager, with a profile
    std::map<std::string, bool> manager_by_name;
    for (const auto& t : maria.trainees()) manager_by_name[t.name] = t.manager;
    CHECK(manager_by_name == std::map<std::string, bool>{{"Ana", false}, {"Ben", false}, {"Sofia", true}});
    CHECK(maria.traineeByName("Sofia")->manager);
    CHECK_FALSE(maria.trainee(center.ana_id)->manager);
    CHECK_FALSE(maria.createTrainee("Dana", "Team B").manager);  // a profile without a login is a trainee's
    Store ana = test::openServer(center.url(center.ana));
    CHECK_FALSE(ana.trainees().at(0).manager);

    // The Team view counts the trainees only.
    const ContentLibrary content = loadContent(ContentPaths::at(test::contentDir()));
    std::vector<Diagnostic> diags;
    const std::vector<Policy> policies = loadPolicies(test::contentDir() / "policies", diags);
    const TeamOverview team = loadTeamOverview(maria, content, policies, content.default_settings, nowUtcIso());
    std::vector<std::string> members;
    for (const auto& m : team.members) members.push_back(m.trainee.name);
    CHECK(members == std::vector<std::string>{"Ana", "Ben", "Dana"});
}

TEST_CASE("roles: a trainee login sees only their own records and cannot change what only a manager may") {
    if (!havePostgres()) return;
    Center center;
    Store ana = test::openServer(center.url(center.ana));
    const auto trainees = ana.trainees();
    REQUIRE(trainees.size() == 1);
    CHECK(trainees[0].name == "Ana");
    CHECK(ana.traineeByNameOrCreate("Ana").id == center.ana_id);
    ana.recordAttempt(center.ana_id, "t", someLog(), someReport(), "2026-03-02T09:00:00Z", "2026-03-02T09:06:00Z");
    CHECK(ana.attempts().size() == 1);  // Ben's is not hers to see
    CHECK(ana.attemptCount() == 1);
    CHECK(ana.stepStats().size() == 1);
    CHECK(ana.stepStats()[0].attempts == 1);
    // Her attempt reached the evidence totals through the owner's trigger; she reads only hers.
    const EvidenceTotals hers = ana.evidenceTotals();
    REQUIRE(hers.scenarios.size() == 1);
    CHECK(hers.scenarios[0].trainee_id == center.ana_id);
    CHECK(ana.evidenceTotals(center.ben_id).scenarios.empty());

    OrgSettings lax;
    lax.quiz_pass_mark = 10;
    CHECK(refusalOf([&] { ana.saveSettings(lax); }) == StoreError::Kind::Denied);
    CertificateRecord own;
    own.id = "self-issued";
    own.trainee_id = center.ana_id;
    own.policy_id = own.policy_title = own.sop_version = own.issued_at = own.expires_at = own.verification_code = "x";
    CHECK(refusalOf([&] { ana.insertCertificate(own); }) == StoreError::Kind::Denied);
    CHECK(refusalOf([&] {
              ana.recordAttempt(center.ben_id, "t", someLog(), someReport(), "2026-03-02T09:00:00Z", "2026-03-02T09:06:00Z");
          }) == StoreError::Kind::Denied);
    CHECK(refusalOf([&] { ana.auditTrail(); }) == StoreError::Kind::Denied);
    CHECK(refusalOf([&] { ana.addUser({"intruder_" + center.db.name(), "password123", "", "", true}); }) ==
          StoreError::Kind::Denied);
    try {
        ana.saveSettings(lax);
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("not allowed") != std::string::npos);
        CHECK(std::string(e.what()).find("policy") == std::string::npos);  // no server jargon
    }

    Store maria = test::openServer(center.url(center.manager));
    CHECK(maria.trainees().size() == 2);
    CHECK(maria.attempts().size() == 2);
    CHECK(maria.evidenceTotals().scenarios.size() == 2);
    CHECK(maria.settings(OrgSettings{}).quiz_pass_mark == OrgSettings{}.quiz_pass_mark);  // nothing got through
}

TEST_CASE("roles: the server itself refuses a trainee who bypasses Frontline with a raw session") {
    if (!havePostgres()) return;
    Center center;
    RawSession psql(center.url(center.ana));
    CHECK(psql.value("SELECT count(*) FROM attempts") == "0");  // Ben's attempt exists, unseen
    CHECK(psql.value("SELECT count(*) FROM trainees") == "1");
    CHECK(psql.sqlstate("UPDATE settings SET value = '10' WHERE key = 'quiz_pass_mark'") == "42501");
    CHECK(psql.sqlstate("INSERT INTO settings (key, value) VALUES ('quiz_pass_mark', '10')") == "42501");
    CHECK(psql.sqlstate("INSERT INTO certificates (id, trainee_id, policy_id, policy_title, sop_version, issued_at,"
                        " expires_at, verification_code, scores_json, assertion_json) SELECT 'mine', id, 'p', 'p', 'v',"
                        " 'i', 'e', 'c', '{}', '{}' FROM trainees") == "42501");
    CHECK(psql.sqlstate("UPDATE certificates SET revoked_at = NULL") == "42501");
    CHECK(psql.sqlstate("DELETE FROM attempts") == "42501");
    CHECK(psql.sqlstate("SELECT * FROM audit") == "42501");
    CHECK(psql.sqlstate("UPDATE trainees SET login = NULL") == "42501");
    CHECK(psql.sqlstate("INSERT INTO step_totals (trainee_id, step, position, attempts, missed, out_of_order, score_sum)"
                        " VALUES (1, 'x', 0, 1, 0, 0, 100)") == "42501");
    // An attempt for a colleague: the row-level policy refuses it (42501 too).
    CHECK(psql.sqlstate("INSERT INTO attempts (trainee_id, scenario_id, scenario_version, scenario_title, sop_id,"
                        " sop_version, channel, started_at, finished_at, outcome, passed, critical_failure, adherence,"
                        " points, stars, handle_seconds, fcr, csat, answer_seconds, seed) VALUES (" +
                        std::to_string(center.ben_id) +
                        ", 's', 1, 't', 'sop', '1', 'call', 'a', 'b', 'o', true, false, 100, 1, 3, 1, true, 5, 1, 1)") == "42501");
    CHECK(psql.sqlstate("SET ROLE frontline_manager") != "");  // not a member: cannot become one
}

TEST_CASE("roles: frontline team add-user is for managers, and what they change is in the audit trail by login") {
    if (!havePostgres()) return;
    Center center;
    test::ScopedEnv data("XDG_DATA_HOME", test::testOutboxDir().c_str());  // the CLI's outbox: not the user's
    auto run = [&](const std::string& login, std::vector<std::string> argv, std::string input) {
        argv.push_back("--db");
        argv.push_back(center.url(login));
        std::istringstream in(input);
        std::ostringstream out, err;
        cli::Io io{in, out, err, false};
        const int code = cli::run(argv, io);
        INFO(err.str());
        return std::make_pair(code, err.str());
    };
    const std::string carla = center.db.name() + "_carla";
    CHECK(run(center.manager, {"team", "add-user", carla, "--name", "Carla", "--team", "Team A"}, "another secret\n").first == 0);
    RawSession as_carla(center.db.urlAs(carla, "another secret"));
    CHECK(as_carla.value("SELECT name FROM trainees") == "Carla");
    const auto refused = run(center.ana, {"team", "add-user", center.db.name() + "_eve", "--manager"}, "password123\n");
    CHECK(refused.first == 1);
    CHECK(refused.second.find("not allowed") != std::string::npos);
    CHECK(run(center.manager, {"team", "add-user", carla}, "whatever123\n").first == 1);  // exists already

    Store maria = test::openServer(center.url(center.manager));
    OrgSettings s = maria.settings(OrgSettings{});
    s.company_name = "Northwind";
    maria.saveSettings(s);
    const auto trail = maria.auditTrail();
    const auto company = std::find_if(trail.begin(), trail.end(), [](const AuditEntry& a) { return a.subject == "company_name"; });
    REQUIRE(company != trail.end());
    CHECK(company->actor == center.manager);
    CHECK(company->new_value == "\"Northwind\"");
}
