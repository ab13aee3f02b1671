// A desk whose server goes away keeps training: results wait in its outbox and arrive exactly
// once when the server is back -- with a real server stopped and restarted (a private cluster,
// so the other tests' server keeps running), and a desk killed with -9 while results wait.
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <functional>
#include "../temp_dir.hpp"
#include "frontline/store.hpp"
#include "store_engines.hpp"
#include "../../app/store/src/outbox_store.hpp"

using namespace frontline;

namespace {

// A cluster of this test's own (scripts/pg-test-cluster.sh), which it may stop and start.
class PrivateCluster {
public:
    PrivateCluster() {
        ok_ = script("start") == 0;
        std::ifstream in(state_ / "url");
        if (ok_) std::getline(in, url_);
    }
    ~PrivateCluster() { script("stop"); }
    bool ok() const { return ok_ && !url_.empty(); }
    const std::string& url() const { return url_; }
    void pause() { REQUIRE(script("pause") == 0); }
    void resume() { REQUIRE(script("resume") == 0); }
    std::string value(const std::string& sql) const {
        const std::string command = "psql -XAtq '" + url_ + "' -c \"" + sql + "\"";
        std::string out;
        if (FILE* p = popen(command.c_str(), "r")) {
            char buf[256];
            while (fgets(buf, sizeof buf, p)) out += buf;
            pclose(p);
        }
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        return out;
    }

private:
    int script(const char* action) {
        const std::string command = std::string("bash ") + FRONTLINE_TEST_PG_SCRIPT + " " + action + " " + state_.string() + " >/dev/null";
        return std::system(command.c_str());
    }
    test::TempDir dir_{"frontline-test-private-pg"};
    std::filesystem::path state_ = dir_ / "state";
    bool ok_ = false;
    std::string url_;
};

bool haveCluster(const PrivateCluster& cluster) {
    if (cluster.ok()) return true;
    std::string why_not;
    test::postgresTestUrl(&why_not);
    MESSAGE("PostgreSQL part skipped: a private test cluster could not start (" << why_not << ")");
    return false;
}

AttemptLog logWithSeed(std::uint64_t seed) {
    AttemptLog log;
    log.scenario_id = "irate-billing";
    log.sop_id = "inbound-calls-chats";
    log.sop_version = "1.0.0";
    log.seed = seed;
    return log;
}

ScoreReport oneStepReport() {
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

std::int64_t record(Store& store, std::int64_t trainee, int i) {
    const std::string at = "2026-03-01T09:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ":00Z";
    return store.recordAttempt(trainee, "t", logWithSeed(static_cast<std::uint64_t>(i)), oneStepReport(), at, at);
}

}  // namespace

TEST_CASE("outbox: attempts recorded while the server is stopped mid-run arrive once each when it is back") {
    PrivateCluster cluster;
    if (!haveCluster(cluster)) return;
    Store store = test::openServer(cluster.url());
    const auto ana = store.createTrainee("Ana", "A").id;
    int kept = 0;
    for (int i = 0; i < 30; ++i) {
        if (i == 10) cluster.pause();
        if (i == 20) cluster.resume();
        const auto id = record(store, ana, i);
        if (i >= 10 && i < 20) {
            CHECK(id == 0);  // kept on the desk
            CHECK(store.waitingResults() == ++kept);
            CHECK(store.writeProblem() == "");  // nothing stops training
        }
    }
    CHECK(store.waitingResults() == 0);  // sent before the 21st, which went straight to the server
    CHECK(cluster.value("SELECT count(*) FROM attempts") == "30");
    CHECK(cluster.value("SELECT count(DISTINCT seed) FROM attempts") == "30");
    CHECK(cluster.value("SELECT count(DISTINCT uuid) FROM attempts") == "30");
    CHECK(cluster.value("SELECT sum(attempts) FROM step_totals") == "30");  // totals kept with every send
    CHECK(store.stepStats().at(0).attempts == 30);

    // A quiz result too, and `frontline sync` style sending on demand.
    cluster.pause();
    QuizAttemptRecord q;
    q.trainee_id = ana;
    q.exam_id = "sop-basics";
    q.mode = "exam";
    CHECK(store.recordQuizAttempt(q) == 0);
    CHECK_THROWS_AS(store.sendWaitingResults(), StoreError);  // still offline: it stays
    CHECK(store.waitingResults() == 1);
    cluster.resume();
    CHECK(store.sendWaitingResults() == 1);
    CHECK(store.waitingResults() == 0);
    CHECK(cluster.value("SELECT count(*) FROM quiz_attempts") == "1");
}

TEST_CASE("outbox: a result sent again after a crash before its outbox row was removed is stored once") {
    PrivateCluster cluster;
    if (!haveCluster(cluster)) return;
    Store store = test::openServer(cluster.url());
    const auto ana = store.createTrainee("Ana", "A").id;
    cluster.pause();
    record(store, ana, 1);
    // Copy the waiting row as it is, to put it back after the send (as if the desk had crashed
    // between the server's commit and the outbox's delete).
    const auto file = outboxFileFor(displayLocator(cluster.url()), test::testOutboxDir());
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "CREATE TEMP TABLE copy AS SELECT * FROM outbox", nullptr, nullptr, nullptr) == SQLITE_OK);
    cluster.resume();
    CHECK(store.sendWaitingResults() == 1);
    CHECK(store.waitingResults() == 0);
    REQUIRE(sqlite3_exec(raw, "INSERT INTO outbox SELECT * FROM copy", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    CHECK(store.waitingResults() == 1);
    CHECK(store.sendWaitingResults() == 1);  // accepted: the server already has it...
    CHECK(store.waitingResults() == 0);
    CHECK(cluster.value("SELECT count(*) FROM attempts") == "1");  // ...and stored it once
    CHECK(cluster.value("SELECT sum(attempts) FROM step_totals") == "1");
}

TEST_CASE("outbox: a desk killed with -9 while results wait sends them when it starts again") {
    PrivateCluster cluster;
    if (!haveCluster(cluster)) return;
    std::int64_t ana = 0;
    {
        Store store = test::openServer(cluster.url());
        ana = store.createTrainee("Ana", "A").id;
    }  // no connection open across fork()
    cluster.pause();
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            Store desk = test::openServer(cluster.url());  // opens offline
            for (int i = 0; i < 5; ++i) record(desk, ana, i);
            if (desk.waitingResults() != 5) _exit(3);
        } catch (...) {
            _exit(4);
        }
        raise(SIGKILL);  // no destructor, no clean close
        _exit(5);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    cluster.resume();
    Store desk = test::openServer(cluster.url());  // sends what waited, on opening
    CHECK(desk.waitingResults() == 0);
    CHECK(cluster.value("SELECT count(*) FROM attempts") == "5");
    CHECK(cluster.value("SELECT count(DISTINCT seed) FROM attempts") == "5");
}

// ---- starting while the server is down (the desk's copy) ----

namespace {

// The private cluster's URL as another login.
std::string urlAs(const std::string& url, const std::string& login, const std::string& password) {
    const auto userinfo = url.find("://") + 3;
    return url.substr(0, userinfo) + login + ":" + password + url.substr(url.find('@', userinfo));
}

std::string messageOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Unreachable);
        return e.what();
    }
    FAIL("it worked without the server");
    return "";
}

}  // namespace

TEST_CASE("outbox: a desk that reached its server once starts with it stopped, trains, and its results arrive once") {
    PrivateCluster cluster;
    if (!haveCluster(cluster)) return;
    std::int64_t ana = 0;
    const OrgSettings defaults;
    {
        Store desk = test::openServer(cluster.url());
        ana = desk.createTrainee("Ana", "A").id;
        desk.createTrainee("Ben", "B");
        OrgSettings s = defaults;
        s.company_name = "Acme Energy";
        desk.saveSettings(s);
        desk.setPreference("last_trainee", "Ana");
        CHECK_FALSE(desk.offline());
    }
    cluster.value("UPDATE trainees SET team = 'A2' WHERE name = 'Ana'");  // changed since: the next open copies it
    cluster.value("UPDATE trainees SET login = session_user WHERE name = 'Ben'");  // the owner's profile: a manager's
    {
        Store desk = test::openServer(cluster.url());
        CHECK(desk.trainee(ana)->team == "A2");
    }
    cluster.pause();

    Store desk = test::openServer(cluster.url());  // starts on its copy
    CHECK(desk.offline());
    const auto trainees = desk.trainees();
    REQUIRE(trainees.size() == 2);
    CHECK(trainees[0].name == "Ana");
    CHECK(trainees[0].team == "A2");
    CHECK(trainees[1].name == "Ben");
    CHECK_FALSE(trainees[0].manager);
    CHECK(trainees[1].manager);  // the copy keeps whose profile is a manager's
    CHECK(desk.traineeByName("ana")->id == ana);
    CHECK(desk.trainee(ana)->name == "Ana");
    CHECK(desk.traineeByNameOrCreate("Ana").id == ana);
    CHECK(desk.settings(defaults).company_name == "Acme Energy");
    CHECK(desk.preference("last_trainee") == "Ana");
    CHECK(desk.isManager());  // the owner's login: its role is in the copy too
    CHECK(desk.writeProblem() == "");

    // What needs the server says so, and changes nothing.
    CHECK(messageOf([&] { desk.createTrainee("Carla", "A"); }).find("needs the team database") != std::string::npos);
    CHECK(messageOf([&] { desk.traineeByNameOrCreate("Carla"); }).find("'Carla' has no profile on this desk") != std::string::npos);
    CHECK(messageOf([&] { desk.setPreference("sound", "0"); }).find("needs the team database") != std::string::npos);
    CHECK(messageOf([&] { desk.certificates(); }).find("needs the team database") != std::string::npos);

    for (int i = 0; i < 4; ++i) CHECK(record(desk, ana, i) == 0);
    QuizAttemptRecord q;
    q.trainee_id = ana;
    q.exam_id = "sop-basics";
    q.mode = "exam";
    CHECK(desk.recordQuizAttempt(q) == 0);
    CHECK(desk.waitingResults() == 5);

    cluster.resume();
    CHECK(desk.sendWaitingResults() == 5);
    CHECK(desk.waitingResults() == 0);
    CHECK_FALSE(desk.offline());
    Store again = test::openServer(cluster.url());  // a second start sends nothing twice
    CHECK(again.waitingResults() == 0);
    CHECK(cluster.value("SELECT count(*) FROM attempts") == "4");
    CHECK(cluster.value("SELECT count(DISTINCT uuid) FROM attempts") == "4");
    CHECK(cluster.value("SELECT count(*) FROM quiz_attempts") == "1");
    CHECK(again.attempts(ana).size() == 4);
}

TEST_CASE("outbox: a trainee login's desk keeps its own profile and role, and starts on them offline") {
    PrivateCluster cluster;
    if (!haveCluster(cluster)) return;
    const std::string password = "correct horse 1";
    {
        Store owner = test::openServer(cluster.url());
        owner.addUser({"offline_ana", password, "Ana", "Team A", false});
        owner.createTrainee("Ben", "B");
    }
    const std::string ana_url = urlAs(cluster.url(), "offline_ana", password);
    std::int64_t ana = 0;
    {
        Store desk = test::openServer(ana_url);
        ana = desk.traineeByName("Ana")->id;
        CHECK_FALSE(desk.isManager());
    }
    cluster.pause();
    Store desk = test::openServer(ana_url);
    CHECK(desk.offline());
    const auto trainees = desk.trainees();
    REQUIRE(trainees.size() == 1);  // the server showed her only her own profile: so does the copy
    CHECK(trainees[0].id == ana);
    CHECK_FALSE(desk.traineeByName("Ben"));
    CHECK_FALSE(desk.isManager());
    CHECK(record(desk, ana, 1) == 0);
    cluster.resume();
    CHECK(desk.sendWaitingResults() == 1);
    CHECK(cluster.value("SELECT count(*) FROM attempts") == "1");
}

TEST_CASE("outbox: a desk that never reached its server gets a plain error naming it, and keeps nothing") {
    PrivateCluster cluster;
    if (!haveCluster(cluster)) return;
    cluster.pause();
    test::TempDir outbox("frontline-test-never-reached");
    StoreOptions options;
    options.outbox_dir = outbox.path();
    Store desk = openStore(cluster.url(), options);  // opening is not refused: a read is
    CHECK(desk.offline());
    const std::string& url = cluster.url();  // postgresql://postgres:PASSWORD@127.0.0.1:PORT/postgres?...
    const auto colon = url.rfind(':');
    const std::string port = url.substr(colon + 1, url.find('/', colon) - colon - 1);
    const auto password_at = url.find("postgres:") + 9;
    const std::string password = url.substr(password_at, url.find('@') - password_at);
    for (const std::string& why : {messageOf([&] { desk.trainees(); }), messageOf([&] { desk.settings(OrgSettings{}); }),
                                   messageOf([&] { desk.traineeByNameOrCreate("Ana"); })}) {
        CHECK(why.find("cannot reach the server at 127.0.0.1:" + port) != std::string::npos);
        CHECK(why.find("has never reached it") != std::string::npos);
        CHECK(why.find(password) == std::string::npos);  // the server is named without the password
    }
    CHECK(desk.waitingResults() == 0);
}
