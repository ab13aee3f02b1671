// Records that leave Frontline (issue 12): RFC 4180 CSV with the formula guard, the four manager
// tables with their filters, xAPI 1.0.3 statements (ids kept, cmi.interaction for every question
// type), the store's statement ids, accounts and LRS acknowledgements on both engines, and the
// LRS send loop resuming after a failure without sending anything twice.
#include "old_schema.hpp"
#include "../temp_dir.hpp"
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include "../../app/store/src/sqlite_store.hpp"
#include "cli_runner.hpp"
#include "frontline/csv.hpp"
#include "frontline/export.hpp"
#include "frontline/lrs.hpp"
#include "frontline/xapi.hpp"
#include "store_engines.hpp"
#include "test_support.hpp"

using namespace frontline;
using Json = nlohmann::json;

namespace {

// RFC 4180 read back: rows of fields. Quoted fields may hold commas, quotes ("") and CR/LF.
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, was_quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            REQUIRE_MESSAGE(field.empty(), "a quote inside an unquoted field");
            quoted = was_quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field), field.clear(), was_quoted = false;
        } else if (c == '\r') {
            REQUIRE_MESSAGE((i + 1 < text.size() && text[i + 1] == '\n'), "a bare CR ends no record");
            rows.back().push_back(field), field.clear(), was_quoted = false;
            rows.emplace_back();
            ++i;
        } else {
            REQUIRE_MESSAGE(c != '\n', "a bare LF ends no record");
            field += c;
        }
    }
    REQUIRE_MESSAGE((field.empty() && !was_quoted && rows.back().empty()), "the last record must end with CRLF");
    rows.pop_back();
    return rows;
}

AttemptLog oneChoiceLog() {
    AttemptLog log;
    log.scenario_id = "irate-billing";
    log.sop_id = "inbound-calls-chats";
    log.sop_version = "1.0.0";
    log.agent_name = "Ana";
    Event choice;
    choice.seq = 1;
    choice.type = EventType::Choice;
    choice.node = "greet";
    choice.id = "greet.warm";
    choice.text = "Thank you for calling, this is Ana.";
    log.events = {choice};
    log.outcome = "resolved_first_contact";
    log.success = true;
    return log;
}

ScoreReport passedReport(int adherence = 90) {
    ScoreReport r;
    r.scenario_id = "irate-billing";
    r.sop_version = "1.0.0";
    r.outcome = "resolved_first_contact";
    r.passed = adherence >= 80;
    r.adherence = adherence;
    r.stars = 2;
    r.points.total = 45;
    r.metrics.handle_seconds = 312;
    StepScore receive;
    receive.step = "receive";
    receive.required = true;
    receive.covered = true;
    receive.score = 100;
    r.steps = {receive};
    DecisionReview d;
    d.seq = 1;
    d.kind = "choice";
    d.text = "Thank you for calling, this is Ana.";
    d.points = 10;
    d.steps = {"receive"};
    d.good = true;
    r.decisions = {d};
    return r;
}

OrgSettings xapiSettings() {
    OrgSettings s;
    s.xapi_home_page = "https://lms.example.com";
    return s;
}

struct Center {
    Store store = Store::open(":memory:");
    std::vector<Policy> policies;
    Center() {
        const auto ana = store.createTrainee("Ana \"The Closer\", Souza", "Team, North");
        const auto zoe = store.createTrainee("Zoë Núñez\nsecond line", "South");
        const auto eve = store.createTrainee("=HYPERLINK(\"http://evil\")", "South");
        store.recordAttempt(ana.id, "Irate, billing \"caller\"", oneChoiceLog(), passedReport(), "2026-10-01T09:00:00Z",
                            "2026-10-01T09:06:00Z");
        store.recordAttempt(zoe.id, "Irate billing", oneChoiceLog(), passedReport(60), "2026-11-02T09:00:00Z",
                            "2026-11-02T09:06:00Z");
        store.recordAttempt(eve.id, "Irate billing", oneChoiceLog(), passedReport(), "2026-11-03T09:00:00Z",
                            "2026-11-03T09:06:00Z");
    }
    std::string csv(CsvWhat what, const ExportFilter& filter, bool bom = false) {
        static const ContentLibrary content = [] {
            test::bundledSop();
            return loadContent(ContentPaths::at(test::contentDir()), false);
        }();
        std::ostringstream out;
        const OrgSettings settings;
        writeCsv({store, content, policies, settings}, what, filter, out, bom);
        return out.str();
    }
};

}  // namespace

TEST_CASE("csv: a field is quoted only when it holds a comma, a quote, CR or LF, with quotes doubled") {
    CHECK(csv::quoted("plain") == "plain");
    CHECK(csv::quoted("a,b") == "\"a,b\"");
    CHECK(csv::quoted("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv::quoted("line\nbreak") == "\"line\nbreak\"");
    CHECK(csv::quoted("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv::quoted("Zoë Núñez") == "Zoë Núñez");  // UTF-8 passes through byte for byte
    CHECK(csv::quoted("") == "");
}

TEST_CASE("csv: cells that a spreadsheet would run as a formula get a leading apostrophe") {
    for (const char* risky : {"=1+2", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
        CAPTURE(risky);
        CHECK(csv::guarded(risky) == std::string("'") + risky);
    }
    CHECK(csv::guarded("Ana = Souza") == "Ana = Souza");  // only the first character counts
    CHECK(csv::guarded("") == "");
    std::ostringstream out;
    csv::Writer w(out);
    w.text("=cmd|' /C calc'!A0").number(-5).decimal(4.2, 2).boolean(true);
    w.endRow();
    CHECK(out.str() == "'=cmd|' /C calc'!A0,-5,4.20,true\r\n");  // numbers stay numbers
}

TEST_CASE("csv: the byte-order mark comes first only when asked for") {
    std::ostringstream with, without;
    csv::Writer(with, true).text("é").endRow();
    csv::Writer(without).text("é").endRow();
    CHECK(with.str() == "\xEF\xBB\xBF\xC3\xA9\r\n");
    CHECK(without.str() == "\xC3\xA9\r\n");
}

TEST_CASE("export csv: names, teams and titles with quotes, commas, newlines and formulas never break a row") {
    Center center;
    const auto rows = parseCsv(center.csv(CsvWhat::Attempts, {}));
    REQUIRE(rows.size() == 4);
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    CHECK(rows[0][1] == "trainee");
    CHECK(rows[1][1] == "Ana \"The Closer\", Souza");
    CHECK(rows[1][3] == "Team, North");
    CHECK(rows[1][5] == "Irate, billing \"caller\"");
    CHECK(rows[2][1] == "Zoë Núñez\nsecond line");
    CHECK(rows[3][1] == "'=HYPERLINK(\"http://evil\")");
    CHECK(rows[2][12] == "false");  // passed
    CHECK(rows[2][14] == "60");     // adherence
    CHECK(rows[1][2].size() == 36);  // the generated account id
}

TEST_CASE("export csv: a file is replaced only once complete, and a folder that cannot take it is a clear error") {
    Center center;
    test::TempDir dir;
    const auto path = dir.path() / "attempts.csv";
    {
        std::ofstream old(path);
        old << "the previous export";
    }
    const ContentLibrary content;
    const OrgSettings settings;
    CHECK(writeCsvFile({center.store, content, center.policies, settings}, CsvWhat::Attempts, {}, path) == 3);
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(parseCsv(text).size() == 4);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "attempts.csv.part"));
    // A directory where the file should go: nothing replaces it, nothing is left behind.
    std::filesystem::create_directory(dir.path() / "taken");
    try {
        writeCsvFile({center.store, content, center.policies, settings}, CsvWhat::Attempts, {}, dir.path() / "taken");
        FAIL("writing over a directory succeeded");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("cannot write " + (dir.path() / "taken").string()) == 0);
    }
    CHECK(std::filesystem::is_directory(dir.path() / "taken"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "taken.part"));
}

TEST_CASE("export csv: the team and since filters choose the rows") {
    Center center;
    CHECK(parseCsv(center.csv(CsvWhat::Attempts, {"South", "", ""})).size() == 3);
    CHECK(parseCsv(center.csv(CsvWhat::Attempts, {"Team, North", "", ""})).size() == 2);
    CHECK(parseCsv(center.csv(CsvWhat::Attempts, {"", "2026-11-03", ""})).size() == 2);
    CHECK(parseCsv(center.csv(CsvWhat::Attempts, {"", "2026-11-03T09:06:01Z", ""})).size() == 1);  // header only
    CHECK(parseCsv(center.csv(CsvWhat::Attempts, {"Nobody", "", ""})).size() == 1);
    CHECK_THROWS_AS(center.csv(CsvWhat::Attempts, {"", "last tuesday", ""}), std::invalid_argument);
    CHECK(center.csv(CsvWhat::Attempts, {}, true).rfind("\xEF\xBB\xBF" "attempt_id,", 0) == 0);
}

TEST_CASE("export csv: quizzes, certificates and status tables have a header and one row per record") {
    Center center;
    const auto ana = *center.store.traineeByName("Ana \"The Closer\", Souza");
    QuizAttemptRecord q;
    q.trainee_id = ana.id;
    q.exam_id = "inbound-l1-exam";
    q.mode = "exam";
    q.started_at = "2026-11-01T09:00:00Z";
    q.finished_at = "2026-11-01T09:10:00Z";
    q.score_percent = 85;
    q.passed = true;
    q.sop_version = "1.0.0";
    q.detail = {{"result", {{"title", "Level 1, final"}, {"correct", 17}, {"total", 20}}}};
    center.store.recordQuizAttempt(q);
    const auto quizzes = parseCsv(center.csv(CsvWhat::Quizzes, {}));
    REQUIRE(quizzes.size() == 2);
    CHECK(quizzes[1][5] == "Level 1, final");
    CHECK(quizzes[1][12] == "17");

    CertificateRecord c;
    c.id = "6f1c2a4e-0000-4000-8000-000000000001";
    c.trainee_id = ana.id;
    c.policy_id = "inbound-agent-l1";
    c.policy_title = "Inbound agent, level 1";
    c.sop_version = "1.0.0";
    c.issued_at = "2026-11-01T10:00:00Z";
    c.expires_at = "2027-05-01T10:00:00Z";
    c.verification_code = "ABCD-EFGH";
    c.assertion_json = "{}";
    center.store.insertCertificate(c);
    const auto certificates = parseCsv(center.csv(CsvWhat::Certificates, {"", "", "2027-06-01T00:00:00Z"}));
    REQUIRE(certificates.size() == 2);
    CHECK(certificates[1][9] == "expired");

    std::vector<Diagnostic> diags;
    center.policies = loadPolicies(test::contentDir() / "policies", diags);
    REQUIRE(center.policies.size() == 2);
    const auto status = parseCsv(center.csv(CsvWhat::Status, {}));
    CHECK(status.size() == 1 + 3 * 2);  // trainees × policies
    CHECK(status[0][5] == "status");
}

TEST_CASE("xapi: durations, name-based UUIDs and the actor") {
    CHECK(xapi::duration(0) == "PT0S");
    CHECK(xapi::duration(65) == "PT1M5S");
    CHECK(xapi::duration(3600) == "PT1H");
    CHECK(xapi::duration(3725) == "PT1H2M5S");
    // RFC 4122 appendix namespace (DNS) and Python's uuid.uuid5(NAMESPACE_DNS, "python.org").
    CHECK(xapi::nameBasedUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    Trainee t;
    t.name = "Zoë";
    t.account = "zoe@example.com";
    const auto a = xapi::actor(t, xapiSettings());
    CHECK(a["account"] == Json({{"homePage", "https://lms.example.com"}, {"name", "zoe@example.com"}}));
    CHECK(a["objectType"] == "Agent");
    CHECK(xapi::settingsProblem(OrgSettings{}).find("xapi_home_page") != std::string::npos);
    OrgSettings relative;
    relative.xapi_home_page = "lms.example.com";
    CHECK_FALSE(xapi::settingsProblem(relative).empty());
    CHECK(xapi::settingsProblem(xapiSettings()).empty());
}

TEST_CASE("xapi: an attempt is passed or failed on the simulation, with its result and one responded per decision") {
    Center center;
    const auto attempts = center.store.attempts();
    const auto ids = center.store.statementIds(StatementRecord::Attempt);
    const auto full = *center.store.attempt(attempts.back().id);  // Ana's, passed
    const auto ana = *center.store.trainee(full.trainee_id);
    const auto statements = xapi::attemptStatements(full, ana, ids.at(full.id), xapiSettings());
    REQUIRE(statements.size() == 2);
    const auto& main = statements[0];
    CHECK(main["id"] == ids.at(full.id));
    CHECK(main["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed");
    CHECK(main["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/simulation");
    CHECK(main["result"]["score"]["scaled"].get<double>() == doctest::Approx(0.9));
    CHECK(main["result"]["success"] == true);
    CHECK(main["result"]["duration"] == "PT5M12S");
    const auto& ext = main["result"]["extensions"];
    CHECK(ext["https://lms.example.com/frontline/xapi/extensions/points"] == 45);
    CHECK(ext["https://lms.example.com/frontline/xapi/extensions/stars"] == 2);
    CHECK(ext["https://lms.example.com/frontline/xapi/extensions/step-scores"] == Json({{"receive", 100}}));
    CHECK(ext["https://lms.example.com/frontline/xapi/extensions/sop-version"] == "1.0.0");
    const auto& decision = statements[1];
    CHECK(decision["verb"]["id"] == "http://adlnet.gov/expapi/verbs/responded");
    CHECK(decision["result"]["response"] == "greet.warm");
    CHECK(decision["context"]["registration"] == main["id"]);
    CHECK(decision["id"] == xapi::nameBasedUuid(main["id"], "decision/1"));
    const auto failed = *center.store.attempt(attempts[1].id);  // Zoë's, 60%
    CHECK(xapi::attemptStatements(failed, *center.store.trainee(failed.trainee_id), ids.at(failed.id), xapiSettings())[0]["verb"]["id"] ==
          "http://adlnet.gov/expapi/verbs/failed");
}

TEST_CASE("xapi: every question type is a cmi.interaction with its type, components and correct pattern") {
    const auto library = loadQuizLibrary(test::fixturesDir() / "questions" / "mixed", test::bundledSop());
    auto draw = drawQuiz(library, "good", 3);
    REQUIRE(draw);
    std::vector<QuizAnswer> answers;
    for (const auto& d : draw->questions) answers.push_back(correctAnswer(*library.question(d.question), d));
    const auto result = gradeQuiz(library, *draw, answers, QuizMode::Exam, OrgSettings{}, "Ana");
    QuizAttemptRecord q;
    q.exam_id = "good";
    q.mode = "exam";
    q.started_at = "2026-11-01T09:00:00Z";
    q.finished_at = "2026-11-01T09:04:10Z";
    q.score_percent = result.percent;
    q.passed = result.passed;
    q.detail = quizAttemptDetail(*draw, answers, result);
    Trainee ana;
    ana.name = "Ana";
    ana.account = "ana";
    const std::string uuid = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    const auto statements = xapi::quizStatements(q, ana, uuid, library, xapiSettings());
    REQUIRE(statements.size() == 1 + draw->questions.size());
    CHECK(statements[0]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed");
    CHECK(statements[0]["result"]["duration"] == "PT4M10S");
    std::set<std::string> types;
    for (size_t i = 1; i < statements.size(); ++i) {
        const auto& st = statements[i];
        const auto& def = st["object"]["definition"];
        CAPTURE(st.dump());
        CHECK(st["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered");
        CHECK(def["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction");
        types.insert(def["interactionType"].get<std::string>());
        // Every answer was the correct one, so the response is the correct pattern itself.
        CHECK(st["result"]["response"] == def["correctResponsesPattern"][0]);
        CHECK(st["result"]["success"] == true);
    }
    CHECK(types == std::set<std::string>{"choice", "true-false", "sequencing", "matching"});
}

TEST_CASE("xapi: a quiz record of an odd shape (older version, hand edit) still makes its statements") {
    QuizAttemptRecord q;
    q.exam_id = "inbound-l1-exam";
    q.mode = "exam";
    q.detail = {{"result", {{"title", 5}, {"questions", Json::array({Json{{"id", 7}, {"correct", "yes"}}, "not an object"})}}},
                {"draw", "gone"}};
    Trainee ana;
    ana.account = "ana";
    const QuizLibrary library;
    std::vector<Json> statements;
    REQUIRE_NOTHROW(statements = xapi::quizStatements(q, ana, "not-a-uuid", library, xapiSettings()));
    REQUIRE(statements.size() == 3);
    CHECK(statements[0]["object"]["definition"]["name"]["en"] == "inbound-l1-exam");
    CHECK(statements[1]["object"]["id"] == "https://lms.example.com/frontline/xapi/activities/questions/question-1");
    CHECK(statements[1]["result"]["success"] == false);
    CHECK(statements[1]["id"] != statements[2]["id"]);
}

TEST_CASE("xapi: the export keeps its statement ids from one run to the next") {
    Center center;
    const ContentLibrary content = loadContent(ContentPaths::at(test::contentDir()), false);
    const QuizLibrary quizzes;
    const auto settings = xapiSettings();
    const auto first = xapi::buildStatements({center.store, content, quizzes, settings}, {});
    const auto second = xapi::buildStatements({center.store, content, quizzes, settings}, {});
    REQUIRE(first.size() == 6);  // three attempts, one decision each
    std::set<std::string> ids;
    for (size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i]["id"] == second[i]["id"]);
        ids.insert(first[i]["id"].get<std::string>());
    }
    CHECK(ids.size() == first.size());
    CHECK(xapi::buildStatements({center.store, content, quizzes, settings}, {"2026-11-03", ""}).size() == 2);
    CHECK_THROWS_AS(xapi::buildStatements({center.store, content, quizzes, OrgSettings{}}, {}), std::invalid_argument);
}

TEST_CASE_TEMPLATE("store: statement ids, accounts and what an LRS acknowledged", Engine, test::OnSqlite, test::OnPostgres) {
    auto engine = Engine::make();
    if (!engine) return;
    Store store = engine->open();
    const auto ana = store.createTrainee("Ana", "");
    const auto ben = store.createTrainee("Ben", "");
    CHECK(ana.account.size() == 36);
    CHECK(ana.account != ben.account);
    store.setTraineeAccount(ana.id, "ana.souza@example.com");
    CHECK(store.trainee(ana.id)->account == "ana.souza@example.com");
    CHECK_THROWS_AS(store.setTraineeAccount(ben.id, "ana.souza@example.com"), StoreError);
    CHECK(store.trainee(ben.id)->account == ben.account);

    const auto first = store.recordAttempt(ana.id, "t", oneChoiceLog(), passedReport(), "2026-11-01T09:00:00Z", "2026-11-01T09:05:00Z");
    const auto second = store.recordAttempt(ana.id, "t", oneChoiceLog(), passedReport(), "2026-11-01T10:00:00Z", "2026-11-01T10:05:00Z");
    const auto ids = store.statementIds(StatementRecord::Attempt);
    REQUIRE(ids.size() == 2);
    CHECK(ids.at(first).size() == 36);
    CHECK(ids.at(first)[14] == '4');  // version 4
    CHECK(ids.at(first) != ids.at(second));
    CHECK(store.statementIds(StatementRecord::Attempt) == ids);  // kept, not made up on each read

    CHECK(store.acknowledgedStatements("https://lrs.example.com/xapi/statements").empty());
    store.markAcknowledged("https://lrs.example.com/xapi/statements", {ids.at(first)});
    store.markAcknowledged("https://lrs.example.com/xapi/statements", {ids.at(first)});  // twice is harmless
    CHECK(store.acknowledgedStatements("https://lrs.example.com/xapi/statements") == std::set<std::string>{ids.at(first)});
    CHECK(store.acknowledgedStatements("https://other.example.com/statements").empty());
}

TEST_CASE("store: a file from before schema 7 gets statement ids and accounts for its old rows") {
    test::TempDir dir;
    const auto path = dir.path() / "old.db";
    {
        Store store = Store::open(path);
        const auto ana = store.createTrainee("Ana", "");
        store.recordAttempt(ana.id, "t", oneChoiceLog(), passedReport(), "2026-11-01T09:00:00Z", "2026-11-01T09:05:00Z");
        // Back to schema 6, as an older Frontline left it.
        test::backToSchema6(sqliteHandle(store));
    }
    Store store = Store::open(path);
    CHECK(store.schemaVersion() == Store::currentSchemaVersion());
    CHECK(store.trainees().front().account.size() == 36);
    const auto ids = store.statementIds(StatementRecord::Attempt);
    REQUIRE(ids.size() == 1);
    CHECK(ids.begin()->second.size() == 36);
}

TEST_CASE("lrs: a failed batch stops the run, and the rerun sends only what was not acknowledged") {
    Store store = Store::open(":memory:");
    std::vector<Json> statements;
    for (int i = 0; i < 7; ++i) statements.push_back({{"id", xapi::nameBasedUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", std::to_string(i))}});
    std::vector<std::string> received;
    int calls = 0;
    auto flaky = [&](const std::vector<Json>& batch) {
        if (++calls == 2) return lrs::PostResult{false, 503, "the LRS at x refused the batch (HTTP 503)"};
        for (const auto& st : batch) received.push_back(st["id"]);
        return lrs::PostResult{true, 200, ""};
    };
    const auto first = lrs::send(store, "lrs", statements, 3, flaky);
    CHECK(first.sent == 3);
    CHECK(first.batches == 2);
    CHECK(first.error.find("503") != std::string::npos);
    const auto second = lrs::send(store, "lrs", statements, 3, flaky);
    CHECK(second.error.empty());
    CHECK(second.already == 3);
    CHECK(second.sent == 4);
    CHECK(received.size() == 7);
    CHECK(std::set<std::string>(received.begin(), received.end()).size() == 7);
    const auto third = lrs::send(store, "lrs", statements, 3, flaky);
    CHECK(third.batches == 0);
    CHECK(third.already == 7);
}

TEST_CASE("lrs: the statements URL and an LRS that is not there") {
    CHECK(lrs::statementsUrl("https://lrs.example.com/xapi/") == "https://lrs.example.com/xapi/statements");
    CHECK(lrs::statementsUrl("https://lrs.example.com/xapi/statements") == "https://lrs.example.com/xapi/statements");
    // Port 9 on the loopback: nothing listens there, so the connection is refused at once.
    const auto r = lrs::postBatch({"http://127.0.0.1:9/xapi", "u", "p", 5}, {Json{{"id", "x"}}});
    CHECK_FALSE(r.ok);
    CHECK(r.status == 0);
    CHECK(r.error.find("cannot reach the LRS at http://127.0.0.1:9/xapi/statements") == 0);
}

TEST_CASE("settings: xapi_home_page is empty or an absolute web address") {
    const SettingSpec* spec = settingSpec("xapi_home_page");
    REQUIRE(spec);
    CHECK_FALSE(settingValueProblem(*spec, "").has_value());
    CHECK_FALSE(settingValueProblem(*spec, "https://lms.example.com").has_value());
    CHECK_FALSE(settingValueProblem(*spec, "http://intranet:8080/lms").has_value());
    for (const char* bad : {"lms.example.com", "https://", "https:///path", "ftp://lms", "https://lms example.com", "/relative"}) {
        CAPTURE(bad);
        const auto problem = settingValueProblem(*spec, bad);
        REQUIRE(problem.has_value());
        CHECK(problem->find("absolute web address") != std::string::npos);
    }
}

TEST_CASE("cli: export refuses what it cannot do with a usage error, and asks for the home page before xAPI") {
    test::TempDir dir;
    const std::string db = (dir.path() / "f.db").string();
    CHECK(test::runCli({"export", "csv", "--out", "x.csv", "--db", db}).code == 2);
    CHECK(test::runCli({"export", "csv", "--what", "everything", "--out", "x.csv", "--db", db}).code == 2);
    CHECK(test::runCli({"export", "csv", "--what", "status", "--since", "2026-01-01", "--out", "x.csv", "--db", db}).code == 2);
    CHECK(test::runCli({"export", "csv", "--what", "attempts", "--since", "yesterday", "--out", "x.csv", "--db", db}).code == 2);
    CHECK(test::runCli({"export", "xapi", "--db", db}).code == 2);
    CHECK(test::runCli({"export", "xapi", "--lrs", "http://127.0.0.1:9", "--db", db}).code == 2);  // no --user
    const auto out = (dir.path() / "s.json").string();
    const auto r = test::runCli({"export", "xapi", "--out", out, "--db", db});
    CHECK(r.code == 1);
    CHECK(r.err.find("xapi_home_page") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
    const auto csv = test::runCli({"export", "csv", "--what", "attempts", "--out", "-", "--db", db});
    CHECK(csv.code == 0);
    CHECK(csv.out.rfind("attempt_id,trainee,account,team,", 0) == 0);
}

TEST_CASE("cli: a desk file with a manager password exports only with it, as Team is shown only with it") {
    test::TempDir dir;
    const std::string db = (dir.path() / "f.db").string();
    {
        Store store = Store::open(db);
        store.createTrainee("Ana", "North");
        store.setManagerPassword("correct horse battery");
    }
    const auto out = (dir.path() / "status.csv").string();
    const auto refused = test::runCli({"export", "csv", "--what", "attempts", "--out", out, "--db", db});
    CHECK(refused.code == 1);
    CHECK(refused.err.find("manager password") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
    {
        std::ofstream password(dir.path() / "pw");
        password << "correct horse battery\n";
    }
    const auto done = test::runCli({"export", "csv", "--what", "attempts", "--out", out, "--json", "--manager-password-file",
                                    (dir.path() / "pw").string(), "--db", db});
    CHECK(done.code == 0);
    CHECK(done.json()["rows"] == 0);
    CHECK(std::filesystem::exists(out));
}
