// Attempts kept on disk until the database takes them (see pending.hpp).
#include "frontline/pending.hpp"
#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include "frontline/store.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
constexpr const char* kSuffix = ".attempt.json";

[[noreturn]] void cannotKeep(const fs::path& where, const std::string& why) {
    throw StoreError(StoreError::Kind::Io, "cannot keep the unsaved attempt in " + where.string() + " (" + why + ")");
}

// Writes `text` to `path` so that a reader sees all of it or nothing: a temporary file, fsync, rename.
void writeWhole(const fs::path& path, const std::string& text) {
    const fs::path temp = path.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) cannotKeep(path, "cannot create the file");
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    const bool ok = written == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (ok) fs::rename(temp, path, ec);
    if (!ok || ec) {
        fs::remove(temp, ec);
        cannotKeep(path, "the disk refused the write");
    }
}

std::string uniqueName(const PendingAttempt& a) {
    std::random_device random;
    std::string stamp = a.finished_at;
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    return stamp + "-" + a.log.scenario_id + "-" + std::to_string(random() % 1000000) + kSuffix;
}

Json toJson(const PendingAttempt& a) {
    return Json{{"database", a.database},         {"trainee_name", a.trainee_name}, {"trainee_team", a.trainee_team},
                {"scenario_title", a.scenario_title}, {"started_at", a.started_at},     {"finished_at", a.finished_at},
                {"reason", a.reason},             {"log", a.log},                   {"report", a.report}};
}

PendingAttempt fromJson(const Json& j) {
    PendingAttempt a;
    a.database = j.at("database").get<std::string>();
    a.trainee_name = j.at("trainee_name").get<std::string>();
    a.trainee_team = j.value("trainee_team", "");
    a.scenario_title = j.at("scenario_title").get<std::string>();
    a.started_at = j.at("started_at").get<std::string>();
    a.finished_at = j.at("finished_at").get<std::string>();
    a.reason = j.value("reason", "");
    a.log = j.at("log").get<AttemptLog>();
    a.report = j.at("report").get<ScoreReport>();
    return a;
}

}  // namespace

fs::path pendingDirectory() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "frontline" / "unsaved";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "frontline" / "unsaved";
    return fs::path("frontline-unsaved");
}

std::string pendingKeyFor(const std::string& database) {
    if (database == ":memory:") return database;
    if (isServerLocator(database)) return displayLocator(database);
    std::error_code ec;
    const fs::path absolute = fs::absolute(database, ec);
    return ec ? database : absolute.lexically_normal().string();
}

fs::path keepPending(PendingAttempt attempt, const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) cannotKeep(dir, ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    const fs::path file = dir / uniqueName(attempt);
    writeWhole(file, toJson(attempt).dump(2, ' ', false, Json::error_handler_t::replace));
    return file;
}

std::vector<PendingAttempt> listPending(const std::string& database, const fs::path& dir, std::vector<fs::path>* unreadable) {
    std::vector<PendingAttempt> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path file = it->path();
        if (!file.string().ends_with(kSuffix)) continue;
        std::ifstream in(file, std::ios::binary);
        const Json j = Json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), nullptr, false);
        try {
            PendingAttempt a = fromJson(j);
            a.file = file;
            if (database.empty() || a.database == database) found.push_back(std::move(a));
        } catch (const std::exception&) {  // discarded JSON or a missing/mistyped field
            if (unreadable) unreadable->push_back(file);
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.finished_at < y.finished_at; });
    return found;
}

int savePending(Store& store, const fs::path& dir) {
    int saved = 0;
    for (const PendingAttempt& a : listPending(pendingKeyFor(store.locator()), dir)) {
        const Trainee trainee = store.traineeByNameOrCreate(a.trainee_name, a.trainee_team);
        if (store.findAttempt(trainee.id, a.log.scenario_id, a.started_at, a.finished_at) == 0) {
            store.recordAttempt(trainee.id, a.scenario_title, a.log, a.report, a.started_at, a.finished_at);
            ++saved;
        }
        std::error_code ec;
        fs::remove(a.file, ec);
    }
    return saved;
}

}  // namespace frontline
