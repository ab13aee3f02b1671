// The manager password of a local file: argon2id, asked before settings changes, issuing and
// revoking (CLI: --manager-password-file or a prompt), in the audit trail without the secret.
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include "../temp_dir.hpp"
#include "cli.hpp"
#include "frontline/store.hpp"
#include "../../app/store/src/sqlite_store.hpp"

using namespace frontline;
using frontline::test::TempDir;

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

Run runCli(std::vector<std::string> argv, const std::string& input = "", bool interactive = false) {
    std::istringstream in(input);
    std::ostringstream out, err;
    cli::Io io{in, out, err, interactive};
    Run r;
    r.code = cli::run(argv, io);
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace

TEST_CASE("manager password: stored as an argon2id hash, checked, changed, audited without the secret") {
    Store store = Store::open(":memory:");
    CHECK_FALSE(store.managerPasswordSet());
    CHECK_FALSE(store.checkManagerPassword(""));
    CHECK_THROWS_AS(store.setManagerPassword("short"), StoreError);
    store.setManagerPassword("first manager 1");
    CHECK(store.managerPasswordSet());
    CHECK(store.checkManagerPassword("first manager 1"));
    CHECK_FALSE(store.checkManagerPassword("first manager 2"));
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(sqliteHandle(store), "SELECT hash FROM manager_password", -1, &q, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    const std::string hash = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("first manager") == std::string::npos);
    store.setManagerPassword("second manager");
    CHECK(store.checkManagerPassword("second manager"));
    CHECK_FALSE(store.checkManagerPassword("first manager 1"));
    const auto trail = store.auditTrail();
    REQUIRE(trail.size() == 2);
    CHECK(trail[0].action == "manager.password");
    CHECK(trail[0].new_value == "changed");
    CHECK(trail[1].new_value == "set");
    for (const auto& a : trail) CHECK(a.old_value.find("manager") == std::string::npos);
}

TEST_CASE("manager password: the CLI asks for it before settings changes, and refuses a wrong one changing nothing") {
    TempDir dir;
    const std::string db = (dir / "desk.db").string();
    std::ofstream(dir / "manager.pw") << "first manager 1\n";
    std::ofstream(dir / "wrong.pw") << "guess guess\n";
    // Before a manager exists, anyone at the desk may change settings (the first run sets one up).
    CHECK(runCli({"settings", "set", "company_name", "Acme", "--db", db}).code == 0);
    const Run set = runCli({"manager-password", "--password-file", (dir / "manager.pw").string(), "--db", db});
    INFO(set.err);
    REQUIRE(set.code == 0);

    const Run bare = runCli({"settings", "set", "quiz_pass_mark", "10", "--db", db});
    CHECK(bare.code == 1);
    CHECK(bare.err.find("needs the manager password") != std::string::npos);
    const Run wrong = runCli({"settings", "set", "quiz_pass_mark", "10", "--db", db, "--manager-password-file", (dir / "wrong.pw").string()});
    CHECK(wrong.code == 1);
    CHECK(wrong.err.find("wrong manager password") != std::string::npos);
    const Run prompted_wrong = runCli({"settings", "reset", "--db", db}, "nope nope\n", true);
    CHECK(prompted_wrong.code == 1);
    {
        Store store = Store::open(db);
        CHECK(store.settings(OrgSettings{}).quiz_pass_mark == OrgSettings{}.quiz_pass_mark);  // nothing changed
        CHECK(store.settings(OrgSettings{}).company_name == "Acme");
    }
    CHECK(runCli({"settings", "set", "quiz_pass_mark", "90", "--db", db, "--manager-password-file", (dir / "manager.pw").string()}).code == 0);
    CHECK(runCli({"settings", "set", "quiz_pass_mark", "85", "--db", db}, "first manager 1\n", true).code == 0);  // at a terminal
    CHECK(runCli({"certify", "revoke", "no-such-id", "--reason", "r", "--db", db}).code == 1);  // asked before anything
    CHECK(runCli({"settings", "--db", db}).code == 0);  // reading needs no password

    // Changing it needs the current one.
    std::ofstream(dir / "new.pw") << "second manager\n";
    CHECK(runCli({"manager-password", "--password-file", (dir / "new.pw").string(), "--db", db}).code == 1);
    CHECK(runCli({"manager-password", "--password-file", (dir / "new.pw").string(), "--manager-password-file",
                  (dir / "manager.pw").string(), "--db", db})
              .code == 0);
    Store store = Store::open(db);
    CHECK(store.checkManagerPassword("second manager"));
    CHECK(store.settings(OrgSettings{}).quiz_pass_mark == 85);
}

TEST_CASE("manager password: creating the organisation's issuer key asks for it, and creates nothing without it") {
    TempDir dir;
    const std::string db = (dir / "desk.db").string();
    const std::string issuer_dir = (dir / "issuer").string();
    std::ofstream(dir / "manager.pw") << "first manager 1\n";
    std::ofstream(dir / "passphrase") << "a long issuer passphrase\n";
    REQUIRE(runCli({"manager-password", "--password-file", (dir / "manager.pw").string(), "--db", db}).code == 0);
    const std::vector<std::string> init = {"issuer", "init", "--db", db, "--issuer-dir", issuer_dir,
                                           "--passphrase-file", (dir / "passphrase").string()};
    const Run refused = runCli(init);
    CHECK(refused.code == 1);
    CHECK(refused.err.find("needs the manager password") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "issuer"));
    std::vector<std::string> confirmed = init;
    confirmed.insert(confirmed.end(), {"--manager-password-file", (dir / "manager.pw").string()});
    const Run created = runCli(confirmed);
    INFO(created.err);
    CHECK(created.code == 0);
    CHECK(created.out.find("fingerprint") != std::string::npos);
}
