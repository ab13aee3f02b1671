// The manager's four tables as CSV (export.hpp). Every text cell goes through csv::Writer::text,
// so names, teams and ids with quotes, commas, newlines or a leading '=' never break a row.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"
#include "frontline/csv.hpp"
#include "frontline/export.hpp"
#include "json_fields.hpp"

namespace frontline {
namespace {

using TraineeIndex = std::map<std::int64_t, Trainee>;

TraineeIndex traineesOf(const Store& store) {
    TraineeIndex index;
    for (auto& t : store.trainees()) index.emplace(t.id, std::move(t));
    return index;
}

// The trainee when the filter keeps them, else nullptr.
const Trainee* kept(const TraineeIndex& trainees, std::int64_t id, const ExportFilter& filter) {
    auto it = trainees.find(id);
    if (it == trainees.end()) return nullptr;
    return filter.team.empty() || it->second.team == filter.team ? &it->second : nullptr;
}

bool since(const std::string& at, const ExportFilter& filter) { return filter.since.empty() || at >= filter.since; }

void traineeCells(csv::Writer& w, const Trainee& t) { w.text(t.name).text(t.account).text(t.team); }

void header(csv::Writer& w, std::initializer_list<const char*> names) {
    for (const char* n : names) w.text(n);
    w.endRow();
}

int writeAttempts(const ExportSources& from, const ExportFilter& filter, csv::Writer& w) {
    header(w, {"attempt_id", "trainee", "account", "team", "scenario_id", "scenario_title", "channel", "mode", "sop_version",
               "started_at", "finished_at", "outcome", "passed", "critical_failure", "adherence", "points", "stars",
               "breaches", "handle_seconds", "answer_seconds", "fcr", "csat"});
    const auto trainees = traineesOf(from.store);
    auto attempts = from.store.attempts();
    std::reverse(attempts.begin(), attempts.end());  // oldest first, like a ledger
    int rows = 0;
    for (const auto& a : attempts) {
        const Trainee* t = kept(trainees, a.trainee_id, filter);
        if (!t || !since(a.finished_at, filter)) continue;
        w.number(a.id);
        traineeCells(w, *t);
        w.text(a.scenario_id).text(a.scenario_title).text(a.channel).text(a.mode).text(a.sop_version).text(a.started_at);
        w.text(a.finished_at).text(a.outcome).boolean(a.passed).boolean(a.critical_failure).number(a.adherence);
        w.number(a.points).number(a.stars).number(a.breaches).number(a.handle_seconds).number(a.answer_seconds);
        w.boolean(a.fcr).decimal(a.csat, 2);
        w.endRow();
        ++rows;
    }
    return rows;
}

int writeQuizzes(const ExportSources& from, const ExportFilter& filter, csv::Writer& w) {
    header(w, {"quiz_attempt_id", "trainee", "account", "team", "quiz", "title", "mode", "sop_version", "started_at",
               "finished_at", "score_percent", "passed", "correct", "total"});
    const auto trainees = traineesOf(from.store);
    auto quizzes = from.store.quizAttempts();
    std::sort(quizzes.begin(), quizzes.end(), [](const auto& a, const auto& b) {
        return a.finished_at != b.finished_at ? a.finished_at < b.finished_at : a.id < b.id;
    });
    int rows = 0;
    for (const auto& q : quizzes) {
        const Trainee* t = kept(trainees, q.trainee_id, filter);
        if (!t || !since(q.finished_at, filter)) continue;
        const auto result = export_json::object(q.detail, "result");
        w.number(q.id);
        traineeCells(w, *t);
        w.text(q.exam_id).text(export_json::text(result, "title")).text(q.mode).text(q.sop_version);
        w.text(q.started_at).text(q.finished_at).number(q.score_percent).boolean(q.passed);
        w.number(export_json::integer(result, "correct")).number(export_json::integer(result, "total"));
        w.endRow();
        ++rows;
    }
    return rows;
}

const char* certificateState(const CertificateRecord& c, const std::string& now) {
    if (!c.revoked_at.empty()) return "revoked";
    return c.expires_at <= now ? "expired" : "valid";
}

int writeCertificates(const ExportSources& from, const ExportFilter& filter, csv::Writer& w) {
    header(w, {"certificate_id", "trainee", "account", "team", "policy_id", "policy_title", "sop_version", "issued_at",
               "expires_at", "state", "verification_code", "revoked_at", "revoke_reason", "supersedes"});
    const auto trainees = traineesOf(from.store);
    auto certificates = from.store.certificates();
    std::reverse(certificates.begin(), certificates.end());  // oldest first
    int rows = 0;
    for (const auto& c : certificates) {
        const Trainee* t = kept(trainees, c.trainee_id, filter);
        if (!t || !since(c.issued_at, filter)) continue;
        w.text(c.id);
        traineeCells(w, *t);
        w.text(c.policy_id).text(c.policy_title).text(c.sop_version).text(c.issued_at).text(c.expires_at);
        w.text(certificateState(c, filter.now)).text(c.verification_code).text(c.revoked_at).text(c.revoke_reason);
        w.text(c.supersedes);
        w.endRow();
        ++rows;
    }
    return rows;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "; ") + l;
    return out;
}

int writeStatus(const ExportSources& from, const ExportFilter& filter, csv::Writer& w) {
    header(w, {"trainee", "account", "team", "policy_id", "policy_title", "status", "ready_to_issue", "requirements_met",
               "requirements_total", "missing", "certificate_id", "expires_at", "refresher_due_from", "days_to_expiry"});
    int rows = 0;
    const EvidenceByTrainee everyone = gatherEvidenceOfAll(from.store, from.content, filter.now);  // one read, not one per trainee
    for (const auto& t : from.store.trainees()) {
        if (t.manager || (!filter.team.empty() && t.team != filter.team)) continue;  // a manager's profile is no trainee's
        const TraineeEvidence& evidence = everyone.of(t.id);
        for (const auto& policy : from.policies) {
            const auto st = evaluateCertification(policy, evidence, from.content.sop.version, from.settings, filter.now);
            const auto met = std::count_if(st.requirements.begin(), st.requirements.end(), [](const auto& r) { return r.met; });
            traineeCells(w, t);
            w.text(policy.id).text(policy.title).text(certStatusName(st.status)).boolean(st.ready_to_issue).number(met);
            w.number(static_cast<std::int64_t>(st.requirements.size())).text(joined(st.missing));
            w.text(st.certificate ? st.certificate->id : "").text(st.certificate ? st.certificate->expires_at : "");
            w.text(st.certificate ? st.refresher_due_from : "");
            if (st.certificate) w.number(st.days_to_expiry);
            else w.text("");
            w.endRow();
            ++rows;
        }
    }
    return rows;
}

}  // namespace

const char* csvWhatName(CsvWhat what) {
    switch (what) {
        case CsvWhat::Attempts: return "attempts";
        case CsvWhat::Quizzes: return "quizzes";
        case CsvWhat::Certificates: return "certificates";
        case CsvWhat::Status: break;
    }
    return "status";
}

std::optional<CsvWhat> csvWhatFromName(std::string_view name) {
    for (CsvWhat w : {CsvWhat::Attempts, CsvWhat::Quizzes, CsvWhat::Certificates, CsvWhat::Status})
        if (name == csvWhatName(w)) return w;
    return std::nullopt;
}

std::optional<std::string> normaliseSince(std::string& since) {
    if (since.empty()) return std::nullopt;
    const auto at = parseUtc(since);
    if (!at) return "'" + since + "' is not a date (use 2026-11-01 or 2026-11-01T09:00:00Z)";
    since = formatUtc(*at);
    return std::nullopt;
}

int writeCsv(const ExportSources& from, CsvWhat what, const ExportFilter& given, std::ostream& out, bool bom) {
    ExportFilter filter = given;
    if (auto problem = normaliseSince(filter.since)) throw std::invalid_argument(*problem);
    if (filter.now.empty()) filter.now = nowUtcIso();
    csv::Writer w(out, bom);
    switch (what) {
        case CsvWhat::Attempts: return writeAttempts(from, filter, w);
        case CsvWhat::Quizzes: return writeQuizzes(from, filter, w);
        case CsvWhat::Certificates: return writeCertificates(from, filter, w);
        case CsvWhat::Status: break;
    }
    return writeStatus(from, filter, w);
}

}  // namespace frontline

namespace frontline {

void replaceFileWith(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
    std::filesystem::path temporary = path;
    temporary += ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (out) {
            try {
                write(out);
            } catch (...) {
                out.close();
                std::remove(temporary.c_str());
                throw;
            }
        }
        out.close();
        if (!out) {
            std::remove(temporary.c_str());
            throw std::runtime_error("cannot write " + path.string() + "; nothing was written");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::remove(temporary.c_str());
        throw std::runtime_error("cannot write " + path.string() + " (" + ec.message() + "); nothing was written");
    }
}

void replaceFile(const std::filesystem::path& path, const std::string& text) {
    replaceFileWith(path, [&text](std::ostream& out) { out << text; });
}

int writeCsvFile(const ExportSources& from, CsvWhat what, const ExportFilter& filter, const std::filesystem::path& path, bool bom) {
    std::ostringstream text;
    const int rows = writeCsv(from, what, filter, text, bom);
    replaceFile(path, text.str());
    return rows;
}

}  // namespace frontline
