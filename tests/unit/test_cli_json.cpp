// --json everywhere a command lists or reports, failures included; `validate` on a content or
// project folder; and the build tree laid out like an installation (share/frontline beside bin/).
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include "../temp_dir.hpp"
#include "cli.hpp"
#include "cli_runner.hpp"
#include "frontline/content.hpp"
#include "frontline/data_dir.hpp"
#include "test_support.hpp"

using namespace frontline;
using frontline::test::TempDir;
using Run = frontline::test::CliRun;
using frontline::test::runCli;
using frontline::test::contentDir;

TEST_CASE("with --json a failing command prints one JSON error object on stdout and keeps its line on stderr") {
    TempDir dir;
    const std::string db = (dir / "never.db").string();
    Run usage = runCli({"history", "--limit", "x", "--json", "--db", db});
    CHECK(usage.code == 2);
    CHECK(usage.err.find("frontline: ") == 0);
    auto j = usage.json();
    CHECK(j["ok"] == false);
    CHECK(j["kind"] == "usage");
    CHECK(j["exit_code"] == 2);
    CHECK(j["error"].get<std::string>().find("--limit") != std::string::npos);

    Run failure = runCli({"play", "no-such-scenario", "--no-record", "--json"});
    CHECK(failure.code == 1);
    j = failure.json();
    CHECK(j["kind"] == "failure");
    CHECK(j["error"].get<std::string>().find("no playable scenario 'no-such-scenario'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));

    // Without --json nothing changes: stdout stays empty.
    CHECK(runCli({"history", "--limit", "x", "--db", db}).out.empty());
}

TEST_CASE("a failing command that prints its own JSON report gets no second object") {
    Run r = runCli({"validate", (test::fixturesDir() / "bad" / "dangling_next.json").string(), "--json"});
    CHECK(r.code == 1);
    auto j = r.json();  // one document: the report, not the report plus an error object
    CHECK(j.contains("files"));
    CHECK(j["errors"].get<int>() > 0);
}

TEST_CASE("play --list --json lists every playable scenario") {
    Run r = runCli({"play", "--list", "--json"});
    REQUIRE(r.code == 0);
    auto j = r.json();
    const ContentLibrary lib = loadContent(ContentPaths::bundled(), false);
    REQUIRE(j["scenarios"].size() == lib.scenarios.size());
    CHECK(j["failed"].empty());
    for (size_t i = 0; i < lib.scenarios.size(); ++i) {
        CHECK(j["scenarios"][i]["id"] == lib.scenarios[i]->id);
        CHECK(j["scenarios"][i]["title"] == lib.scenarios[i]->title);
        CHECK_FALSE(j["scenarios"][i]["channel"].get<std::string>().empty());
    }
}

TEST_CASE("certify issue and export --json: not ready, unknown certificate") {
    TempDir dir;
    const std::string db = (dir / "certs.db").string();
    REQUIRE(runCli({"trainees", "add", "Ana Ruiz", "--db", db}).code == 0);
    Run issue = runCli({"certify", "issue", "--trainee", "Ana Ruiz", "--json", "--db", db});
    CHECK(issue.code == 1);
    auto j = issue.json();
    CHECK(j["issued"] == false);
    CHECK(j["trainee"] == "Ana Ruiz");
    CHECK_FALSE(j["missing"].empty());

    Run exported = runCli({"certify", "export", "ABCDEFGH", "--json", "--db", db});
    CHECK(exported.code == 1);
    CHECK(exported.json()["error"].get<std::string>().find("no certificate") != std::string::npos);
}

TEST_CASE("validate takes a project folder (content/ beside schema/) as that content tree") {
    const auto project = test::contentDir().parent_path();  // scenarios/: content/ and schema/
    Run r = runCli({"validate", project.string(), "--json", "--quiet"});
    CHECK(r.code == 0);
    auto j = r.json();
    CHECK(j["errors"] == 0);
    size_t scenario_files = 0;
    for (const auto& f : j["files"]) {
        const std::string file = f["file"];
        CHECK_MESSAGE(file.find("/schema/") == std::string::npos, file);  // schemas are not content
        if (f["kind"] == "scenarios") ++scenario_files;
    }
    CHECK(scenario_files == contentFilesIn(test::contentDir() / "scenarios").size());
    // Two different trees at once are a usage error.
    TempDir other;
    std::filesystem::create_directories(other / "sop");
    CHECK(runCli({"validate", project.string(), other.path().string()}).code == 2);
}

TEST_CASE("the build tree is laid out like an installation: share/frontline beside the binaries' folder") {
    const auto data = bundledDataDirectory();
    CHECK(data.filename() == "frontline");
    CHECK(data.parent_path().filename() == "share");
    CHECK(std::filesystem::exists(data / "content" / "sop"));
    CHECK(std::filesystem::exists(data / "schema" / "scenario.schema.json"));
    // Both name the same files as the sources (links, so edits need no rebuild).
    CHECK(std::filesystem::equivalent(data / "content", test::contentDir()));
}

TEST_CASE("commands that change something report it as JSON with --json") {
    TempDir dir;
    const std::string db = (dir / "changes.db").string();
    Run added = runCli({"trainees", "add", "Zoë Ñúñez", "--team", "Blue", "--json", "--db", db});
    REQUIRE(added.code == 0);
    CHECK(added.json()["created"]["name"] == "Zoë Ñúñez");
    CHECK(added.json()["created"]["team"] == "Blue");
    Run set = runCli({"settings", "set", "ring_seconds", "20", "--json", "--db", db});
    REQUIRE(set.code == 0);
    CHECK(set.json()["ring_seconds"] == 20);
    Run reset = runCli({"settings", "reset", "--json", "--db", db});
    REQUIRE(reset.code == 0);
    CHECK(reset.json()["ring_seconds"] != 20);
    Run recovered = runCli({"recover", "--json", "--db", db});
    REQUIRE(recovered.code == 0);
    CHECK(recovered.json()["saved"] == 0);
}

TEST_CASE("settings diff shows the organisation's values beside the defaults and reset KEY removes one") {
    TempDir dir;
    const std::string db = (dir / "diff.db").string();
    Run same = runCli({"settings", "diff", "--db", db});
    REQUIRE(same.code == 0);
    CHECK(same.out == "The organisation has set nothing: every setting follows the content's settings.json.\n");
    REQUIRE(runCli({"settings", "set", "ring_seconds", "21", "--db", db}).code == 0);
    REQUIRE(runCli({"settings", "set", "company_name", "Acme Energy", "--db", db}).code == 0);
    Run text = runCli({"settings", "diff", "--db", db});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("ring_seconds: 21 (default ") != std::string::npos);
    CHECK(text.out.find("company_name: Acme Energy (default ") != std::string::npos);
    Run json = runCli({"settings", "diff", "--json", "--db", db});
    REQUIRE(json.code == 0);
    REQUIRE(json.json()["overrides"].size() == 2);  // only the keys set
    CHECK(json.json()["overrides"][0]["key"] == "company_name");  // in the settings' own order
    CHECK(json.json()["overrides"][1]["organisation"] == 21);
    CHECK(json.json()["overrides"][1]["default"] == 6);
    CHECK(runCli({"settings", "diff", "extra", "--db", db}).code == 2);

    Run shown = runCli({"settings", "--db", db});
    CHECK(shown.out.find("(ring_seconds, 1 to 30 seconds): 21  [organisation]") != std::string::npos);
    CHECK(runCli({"settings", "reset", "no_such_key", "--db", db}).code == 2);
    Run reset = runCli({"settings", "reset", "ring_seconds", "--db", db});
    REQUIRE(reset.code == 0);
    CHECK(reset.out == "ring_seconds follows settings.json again: 6\n");
    Run after = runCli({"settings", "diff", "--json", "--db", db});
    REQUIRE(after.json()["overrides"].size() == 1);
    CHECK(after.json()["overrides"][0]["key"] == "company_name");
}

TEST_CASE("settings.json edited after a settings set still reaches the keys the organisation did not set") {
    TempDir dir;
    const std::string db = (dir / "s.db").string();
    std::filesystem::create_directories(dir / "content");
    std::filesystem::copy_file(contentDir() / "settings.json", dir / "content" / "settings.json");
    const std::string content = (dir / "content").string();
    REQUIRE(runCli({"settings", "set", "company_name", "Acme Energy", "--db", db, "--content", content}).code == 0);
    nlohmann::json file;
    std::ifstream(dir / "content" / "settings.json") >> file;
    file["scenario_pass_mark"] = 85;
    std::ofstream(dir / "content" / "settings.json") << file.dump(2);
    Run now = runCli({"settings", "--json", "--db", db, "--content", content});
    REQUIRE(now.code == 0);
    CHECK(now.json()["scenario_pass_mark"] == 85);
    CHECK(now.json()["company_name"] == "Acme Energy");
}

TEST_CASE("an exam file validated on its own is checked as an exam against the tree's question banks") {
    TempDir dir;
    std::filesystem::create_directories(dir / "exams");
    const auto exam = dir / "exams" / "draft.json";
    std::filesystem::copy_file(test::contentDir() / "questions" / "exams" / "inbound-l1-exam.json", exam);
    Run fine = runCli({"validate", exam.string(), "--json", "--quiet"});
    INFO(fine.out);
    CHECK(fine.code == 0);
    CHECK(fine.json()["files"][0]["kind"] == "exam");
    std::ifstream in(exam);
    nlohmann::json j = nlohmann::json::parse(in);
    in.close();
    j["sections"][0]["banks"] = {"no-such-bank"};
    std::ofstream(exam) << j.dump(2);
    Run bad = runCli({"validate", exam.string()});
    INFO(bad.out);
    CHECK(bad.code == 1);
    CHECK(bad.out.find("no-such-bank") != std::string::npos);
    CHECK(bad.out.find("nodes") == std::string::npos);  // no scenario complaints about an exam
}

TEST_CASE("certify status names each exam by its title") {
    TempDir dir;
    const std::string db = (dir / "status.db").string();
    REQUIRE(runCli({"trainees", "add", "Ana Ruiz", "--db", db}).code == 0);
    Run status = runCli({"certify", "status", "--trainee", "Ana Ruiz", "--db", db});
    REQUIRE(status.code == 0);
    CHECK(status.out.find("Exam 'Inbound agent level 1: knowledge check' (80% or more)") != std::string::npos);
    CHECK(status.out.find("inbound-l1-exam") == std::string::npos);
}

TEST_CASE("play --no-record plays with the organisation's settings from the database and records nothing") {
    TempDir dir;
    const std::string db = (dir / "org.db").string();
    nlohmann::json golden;
    std::ifstream(contentDir() / "golden" / "failed-verification.golden.json") >> golden;
    std::string answers;
    for (const auto& c : golden["playthroughs"][0]["choices"]) {
        std::string choice = c.get<std::string>();
        if (choice.rfind("wait:", 0) == 0) choice = "w" + choice.substr(5);
        answers += (answers.empty() ? "" : ",") + choice;
    }
    const std::vector<std::string> play = {"play", "failed-verification", "--no-record", "--seed", "1", "--answers", answers,
                                           "--disposition", golden["playthroughs"][0]["wrap_up"].value("disposition", ""),
                                           "--notes", golden["playthroughs"][0]["wrap_up"].value("notes", ""), "--db", db};
    Run before = runCli(play);
    CHECK_FALSE(std::filesystem::exists(db));  // no database: settings.json's values, and none created
    CHECK(before.out.find("Acme Energy") == std::string::npos);
    REQUIRE(runCli({"settings", "set", "company_name", "Acme Energy", "--db", db}).code == 0);
    Run after = runCli(play);
    CHECK(after.out.find("Acme Energy") != std::string::npos);
    Run history = runCli({"history", "--json", "--db", db});
    REQUIRE(history.code == 0);
    CHECK(history.out.find("failed-verification") == std::string::npos);
}
