// The full-file check moved out of every command (issue 12): `frontline check` runs it and says
// what is wrong, the store still runs it by itself after an unclean shutdown, and a plain command
// opens without it.
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include "frontline/store.hpp"
#include "../temp_dir.hpp"
#include "cli_runner.hpp"

namespace fs = std::filesystem;
using namespace frontline;

namespace {

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void overwrite(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes; }

// A closed file of a few hundred KB: trainees and attempts with their logs.
void fillDatabase(const fs::path& p) {
    Store store = Store::open(p);
    Store::Batch batch(store);
    for (int i = 0; i < 200; ++i) {
        const auto who = store.traineeByNameOrCreate("Trainee " + std::to_string(i % 20), "North").id;
        AttemptLog log;
        log.scenario_id = "irate-billing";
        log.sop_id = "inbound-calls-chats";
        log.agent_name = std::string(600, 'x');  // bulk, so the tables span many pages
        ScoreReport report;
        report.outcome = "resolved_first_contact";
        report.adherence = i % 100;
        store.recordAttempt(who, "t", log, report, "2026-03-01T10:00:00Z", "2026-03-01T10:05:00Z");
    }
    batch.commit();
}

// The file's page size, from its header (offset 16, big-endian; 1 means 65536).
std::size_t pageSizeOf(const std::string& bytes) {
    const std::size_t size = (static_cast<unsigned char>(bytes.at(16)) << 8) | static_cast<unsigned char>(bytes.at(17));
    return size == 1 ? 65536 : size;
}

// Garbage over pages 3-6 (table b-tree pages), as a bad disk sector would leave.
std::string damage(const fs::path& p) {
    std::string bytes = bytesOf(p);
    const std::size_t page = pageSizeOf(bytes);
    REQUIRE(bytes.size() > 8 * page);
    for (std::size_t i = 2 * page; i < 6 * page; ++i) bytes[i] = static_cast<char>((i * 37) & 0xff);
    overwrite(p, bytes);
    return bytes;
}

StoreOptions likeTheCommandLine() {
    StoreOptions o;
    o.integrity_check = false;
    return o;
}

}  // namespace

TEST_CASE("check: a sound database is reported sound (exit 0), a damaged copy damaged (exit 1) and left as it was") {
    test::TempDir dir;
    const fs::path sound = dir.path() / "sound.db";
    fillDatabase(sound);
    const auto ok = test::runCli({"check", "--db", sound.string()});
    CHECK(ok.code == 0);
    CHECK(ok.out.find("is sound") != std::string::npos);
    CHECK(ok.out.find("200 attempts") != std::string::npos);

    const fs::path copy = dir.path() / "copy.db";
    fs::copy_file(sound, copy);
    const std::string damaged_bytes = damage(copy);
    const auto bad = test::runCli({"check", "--db", copy.string()});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("is damaged") != std::string::npos);
    CHECK(bad.err.find(copy.string()) != std::string::npos);
    CHECK(bytesOf(copy) == damaged_bytes);
}

TEST_CASE("check: a command opens without reading the whole file, unless the file was not closed cleanly") {
    test::TempDir dir;
    const fs::path p = dir.path() / "crashed.db";
    fillDatabase(p);
    const std::string damaged_bytes = damage(p);
    // Closed cleanly (no -wal): the damage goes unseen at open, as for every command.
    CHECK_NOTHROW(Store::open(p, likeTheCommandLine()));
    CHECK(bytesOf(p) == damaged_bytes);
    // A -wal left behind is the mark of a crash: the same open now checks, and refuses.
    overwrite(fs::path(p.string() + "-wal"), std::string(4096, '\0'));
    try {
        Store::open(p, likeTheCommandLine());
        FAIL("a damaged file opened after an unclean shutdown");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Corrupt);
    }
    CHECK(bytesOf(p) == damaged_bytes);
    // Asked not to (the window checks in its background instead), it opens.
    StoreOptions window = likeTheCommandLine();
    window.check_after_unclean_shutdown = false;
    CHECK_NOTHROW(Store::open(p, window));
}
