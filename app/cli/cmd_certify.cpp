// frontline certify status [--trainee NAME] [--policy ID] [--due [--within DAYS]] [--at DATE] [--json]
// frontline certify issue --trainee NAME [--policy ID] [--json]
// frontline certify export ID_OR_CODE [--pdf FILE] [--badge FILE] [--json]
// frontline certify revoke ID_OR_CODE --reason TEXT [--json]
// frontline certify list [--trainee NAME] [--json]
// (all accept --db PATH and --content DIR)
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include "cli_support.hpp"
#include "frontline/i18n.hpp"
#include "frontline/certification.hpp"
#include "frontline/certs.hpp"
#include "frontline/evidence_replay.hpp"
#include "frontline/open_badges.hpp"
#include "frontline/parse_number.hpp"
#include "frontline/policy.hpp"
#include "frontline/team_overview.hpp"
#include "frontline/utf8.hpp"

namespace frontline::cli {
namespace {

constexpr const char* kUsage = N_(
    "usage: frontline certify status [--trainee NAME] [--policy ID] [--due [--within DAYS]] [--at DATE] [--json]\n"
    "       frontline certify issue --trainee NAME [--policy ID] [--json]\n"
    "       frontline certify export ID_OR_CODE [--pdf FILE] [--badge FILE] [--json]\n"
    "       frontline certify export ID_OR_CODE --format ob3 [--jwt FILE] [--json]\n"
    "       frontline certify export ID_OR_CODE --format svg [--svg FILE] [--json]   (a badge picture with the VC-JWT baked in)\n"
    "       frontline certify revoke ID_OR_CODE --reason TEXT [--json]\n"
    "       (issue and revoke take --manager-password-file FILE when the database has a manager password)\n"
    "       frontline certify list [--trainee NAME] [--json]\n"
    "issue signs with the organisation's issuer key (`frontline issuer init`) when there is one: its passphrase\n"
    "comes from --passphrase-file FILE or $FRONTLINE_ISSUER_PASSPHRASE (--issuer-dir DIR picks the key).\n"
    "options: --db PATH, --content DIR. status --due shows only refresher-due and expired certificates, and with\n"
    "--within 30d (or 30) also those whose refresher falls due in the next 30 days;\n"
    "--at DATE evaluates as of another date (e.g. to see who falls due next month).\n");

// Everything the subcommands share: content, policies, store and settings.
struct Context {
    ContentLibrary content;
    std::vector<Policy> policies;
    Store store;
    OrgSettings settings;
};

std::optional<Context> openContext(const Args& args, Io& io) {
    auto content = loadContentOrReport(args, io, true);
    if (!content) return std::nullopt;
    std::vector<Diagnostic> diags;
    auto policies = loadPolicies(content->paths.root / "policies", diags);
    for (const auto& d : diags)
        if (d.severity == Severity::Error) io.err << format(d) << "\n";
    if (policies.empty()) {
        io.err << "frontline: " << fmt(tr("no certification policies in {0}"), (content->paths.root / "policies").string()) << "\n";
        return std::nullopt;
    }
    auto store = openStoreOrReport(args, io);
    if (!store) return std::nullopt;
    OrgSettings settings = effectiveSettings(*content, &*store);
    return Context{std::move(*content), std::move(policies), std::move(*store), settings};
}

// A certificate by its id, an unambiguous id prefix, or its verification code.
std::optional<CertificateRecord> findCertificate(const Store& store, const std::string& key, Io& io) {
    if (auto exact = store.certificate(key)) return exact;
    std::string upper = key;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::vector<CertificateRecord> matches;
    for (auto& c : store.certificates())
        if (c.verification_code == upper || (key.size() >= 6 && c.id.rfind(key, 0) == 0)) matches.push_back(std::move(c));
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) io.err << "frontline: " << fmt(tr("no certificate with id or code '{0}' (see `frontline certify list`)"), key) << "\n";
    else io.err << "frontline: " << fmt(tr("'{0}' matches {1} certificates; give more of the id"), key, matches.size()) << "\n";
    return std::nullopt;
}

// Names like "Zoë Núñez" are padded by characters, not bytes; stored text that is not UTF-8 prints
// with U+FFFD.
using utf8::column;

// "REFRESHER DUE": from the status's id, so the JSON is the same in every language.
std::string upperStatus(CertStatus s) {
    std::string t = certStatusName(s);
    std::replace(t.begin(), t.end(), '_', ' ');
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return t;
}

// The status as the text table shows it, in the language in effect (JSON keeps upperStatus).
const char* shownStatus(CertStatus s) {
    switch (s) {
        case CertStatus::NotStarted: break;
        case CertStatus::InProgress: return trc("certification status", "IN PROGRESS");
        case CertStatus::Certified: return trc("certification status", "CERTIFIED");
        case CertStatus::RefresherDue: return trc("certification status", "REFRESHER DUE");
        case CertStatus::Expired: return trc("certification status", "EXPIRED");
        case CertStatus::Revoked: return trc("certification status", "REVOKED");
    }
    return trc("certification status", "NOT STARTED");
}

// One line of context after the status: expiry, reason, or progress.
std::string statusSummary(const CertificationStatus& st) {
    const auto& c = st.certificate;
    const std::string renew = st.ready_to_issue ? std::string(" — ") + tr("ready to renew") : std::string();
    switch (st.status) {
        case CertStatus::Certified: return fmt(tr("until {0} (certificate {1}…)"), dateOfUtc(c->expires_at), c->id.substr(0, 8));
        case CertStatus::RefresherDue: return st.refresher_reason + renew;
        case CertStatus::Expired: return fmt(tr("expired on {0}"), dateOfUtc(c->expires_at)) + renew;
        case CertStatus::Revoked:
            return fmt(tr("revoked on {0}"), dateOfUtc(c->revoked_at)) + (st.ready_to_issue ? std::string(" — ") + tr("ready to re-issue") : std::string());
        case CertStatus::NotStarted:
        case CertStatus::InProgress: break;
    }
    if (st.ready_to_issue) return tr("ready to issue");
    size_t met = st.requirements.size() - st.missing.size();
    return fmt(trn("{0} of {1} requirement met", "{0} of {1} requirements met", st.requirements.size()), met, st.requirements.size());
}

nlohmann::json statusJson(const Trainee& t, const CertificationStatus& st) {
    nlohmann::json requirements = nlohmann::json::array();
    for (const auto& r : st.requirements)
        requirements.push_back({{"description", r.description}, {"met", r.met}, {"detail", r.detail}});
    nlohmann::json j = {{"trainee", t.name},
                        {"trainee_id", t.id},
                        {"team", t.team},
                        {"policy", st.policy_id},
                        {"policy_title", st.policy_title},
                        {"status", certStatusName(st.status)},
                        {"ready_to_issue", st.ready_to_issue},
                        {"missing", st.missing},
                        {"requirements", requirements}};
    if (st.certificate) {
        j["certificate_id"] = st.certificate->id;
        j["expires_at"] = st.certificate->expires_at;
        j["refresher_due_from"] = st.refresher_due_from;
        j["days_to_expiry"] = st.days_to_expiry;
        if (!st.refresher_reason.empty()) j["refresher_reason"] = st.refresher_reason;
    }
    return j;
}

// One certificate as `certify list --json` and `certify issue --json` print it.
nlohmann::json certificateJson(const CertificateRecord& c, const std::string& state) {
    return {{"id", c.id},
            {"trainee", c.trainee_name},
            {"policy", c.policy_id},
            {"policy_title", c.policy_title},
            {"sop_version", c.sop_version},
            {"issued_at", c.issued_at},
            {"expires_at", c.expires_at},
            {"verification_code", c.verification_code},
            {"state", state},
            {"supersedes", c.supersedes},
            {"revoked_at", c.revoked_at},
            {"revoke_reason", c.revoke_reason},
            {"scores", c.scores}};
}

// "30d" or "30": a number of days from 0 to 3650.
int daysOption(std::string text) {
    if (!text.empty() && (text.back() == 'd' || text.back() == 'D')) text.pop_back();
    const auto days = parseWholeNumber(text, 0, 3650);
    if (!days) throw UsageError(tr("--within expects a number of days such as 30d or 30 (0 to 3650)"));
    return static_cast<int>(*days);
}

int runStatus(const Args& args, Io& io) {
    const std::string at = args.has("--at") ? args.get("--at") : nowUtcIso();
    auto at_time = parseUtc(at);
    if (!at_time) throw UsageError(tr("--at expects an ISO 8601 date such as 2026-12-01 or 2026-12-01T09:00:00Z"));
    const std::string now = formatUtc(*at_time);
    auto ctx = openContext(args, io);
    if (!ctx) return 1;

    std::vector<Trainee> trainees;
    if (args.has("--trainee")) {
        auto t = traineeOrReport(ctx->store, args.get("--trainee"), io);
        if (!t) return 1;
        trainees.push_back(*t);
    } else {
        // Everyone's status is the trainees': a manager's own profile is left out (--trainee still shows it).
        for (auto& t : ctx->store.trainees())
            if (!t.manager) trainees.push_back(std::move(t));
    }
    std::vector<const Policy*> policies;
    for (const auto& p : ctx->policies)
        if (!args.has("--policy") || p.id == args.get("--policy")) policies.push_back(&p);
    if (policies.empty()) {
        io.err << "frontline: no policy '" << args.get("--policy") << "'\n";
        return 1;
    }
    const bool due_only = args.has("--due") || args.has("--within");
    const int within_days = args.has("--within") ? daysOption(args.get("--within")) : 0;
    const bool detailed = args.has("--trainee");

    nlohmann::json json = nlohmann::json::array();
    int shown = 0;
    // Everyone's evidence in one read of the totals; one trainee's alone when only one is asked for.
    const EvidenceByTrainee everyone =
        detailed ? EvidenceByTrainee{} : gatherEvidenceOfAll(ctx->store, ctx->content, now);
    for (const auto& trainee : trainees) {
        TraineeEvidence one;
        if (detailed) one = gatherEvidence(ctx->store, trainee.id, ctx->content, now);
        const TraineeEvidence& evidence = detailed ? one : everyone.of(trainee.id);
        bool header_printed = false;
        for (const Policy* policy : policies) {
            auto st = evaluateCertification(*policy, evidence, ctx->content.sop.version, ctx->settings, now);
            if (due_only && st.status != CertStatus::Expired && !refresherDueWithin(st, within_days, now)) continue;
            ++shown;
            if (args.has("--json")) {
                json.push_back(statusJson(trainee, st));
                continue;
            }
            if (!header_printed) {
                io.out << utf8::sanitized(trainee.name) << (trainee.team.empty() ? "" : " (" + utf8::sanitized(trainee.team) + ")") << "\n";
                header_printed = true;
            }
            io.out << "  " << column(policy->title, 32) << column(shownStatus(st.status), 15) << statusSummary(st) << "\n";
            if (detailed) {
                // A certified agent's requirements are what the renewal needs, not something missing.
                const bool current = st.status == CertStatus::Certified || st.status == CertStatus::RefresherDue;
                if (current && !st.requirements.empty()) io.out << tr("      for renewal:\n");
                for (const auto& r : st.requirements)
                    io.out << "      " << (r.met ? "[x] " : "[ ] ") << r.description << " — " << r.detail << "\n";
                if (st.ready_to_issue)
                    io.out << "      → frontline certify issue --trainee '" << utf8::sanitized(trainee.name) << "' --policy " << policy->id
                           << "\n";
            }
        }
    }
    if (args.has("--json")) {
        io.out << jsonText(json) << "\n";
    } else if (shown == 0) {
        io.out << (due_only ? fmt(tr("Nobody is due for a refresher or expired as of {0}."), dateOfUtc(now))
                            : std::string(tr("No trainees yet. Add one with `frontline trainees add NAME`.")))
               << "\n";
    }
    return 0;
}

// The organisation's issuer key when one exists (unsealed with its passphrase); otherwise this
// installation's own key, as before there was an organisation key, with a warning that no other
// machine will trust what it signs.
std::optional<SigningKey> issuingKey(const Args& args, const Store& store, Io& io) {
    const auto issuer_dir = issuerDirectoryFor(args);
    if (issuerPublicKey(issuer_dir)) {
        auto passphrase = issuerPassphrase(args, io);
        if (!passphrase) return std::nullopt;
        return unsealIssuerKey(issuer_dir, *passphrase);
    }
    if (!args.has("--json"))
        io.err << tr("note: no organisation issuer key (a manager creates one with `frontline issuer init`): signed with this\n"
                  "      installation's key, which only this installation trusts.\n");
    return loadOrCreateSigningKey(store.dataDirectory());
}

// The key that signed `record`, needed to sign its revocation notice: the organisation's key
// (unsealed) or this installation's; nullopt when neither did.
std::optional<SigningKey> keyThatIssued(const CertificateRecord& record, const Args& args, const Store& store, Io& io) {
    const auto creator = assertionPayload(record).value("verification", nlohmann::json::object()).value("creator", "");
    const auto issuer_dir = issuerDirectoryFor(args);
    if (auto org = issuerPublicKey(issuer_dir); org && publicKeyJwk(*org).value("kid", "") == creator) {
        auto passphrase = issuerPassphrase(args, io);
        if (!passphrase) return std::nullopt;
        return unsealIssuerKey(issuer_dir, *passphrase);
    }
    return loadSigningKey(store.dataDirectory());
}

// Which policy `issue` works on: --policy, or the lowest level the trainee does not hold yet.
// Nullptr with `none_left` when they hold every one.
const Policy* policyToIssue(const Args& args, const Context& ctx, const TraineeEvidence& evidence, const std::string& now, Io& io,
                            bool& none_left) {
    none_left = false;
    if (args.has("--policy")) {
        const Policy* policy = findPolicy(ctx.policies, args.get("--policy"));
        if (!policy) io.err << "frontline: " << fmt(tr("no policy '{0}'"), args.get("--policy")) << "\n";

        return policy;
    }
    for (const auto& p : ctx.policies)
        if (evaluateCertification(p, evidence, ctx.content.sop.version, ctx.settings, now).status != CertStatus::Certified) return &p;
    none_left = true;
    return nullptr;
}

nlohmann::json refusedJson(const std::vector<RefusedEvidence>& refused) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : refused) out.push_back({{"evidence", r.what}, {"reason", r.why}});
    return out;
}

void reportNotReady(const Args& args, const Trainee& trainee, const Policy& policy, const CertificationStatus& st,
                    const ReplayedEvidence& replayed, Io& io) {
    if (args.has("--json"))
        io.out << jsonText({{"issued", false}, {"trainee", trainee.name}, {"policy", policy.id}, {"status", upperStatus(st.status)},
                            {"missing", st.missing}, {"refused_evidence", refusedJson(replayed.refused)}}) << "\n";
    if (st.status == CertStatus::Certified) {
        io.err << fmt(tr("{0} already holds '{1}' until {2}; it can be renewed from {3}."), trainee.name, policy.title,
                      dateOfUtc(st.certificate->expires_at), dateOfUtc(st.refresher_due_from))
               << "\n";
        return;
    }
    io.err << fmt(tr("{0} is not ready for '{1}'. Still missing:"), trainee.name, policy.title) << "\n";
    for (const auto& m : st.missing) io.err << "  - " << m << "\n";
    if (!replayed.refused.empty()) io.err << refusedEvidenceText(replayed.refused) << "\n";
}

int signAndReport(const Args& args, Context& ctx, const Trainee& trainee, const Policy& policy, const CertificationStatus& st,
                  const ReplayedEvidence& replayed, const std::string& now, Io& io) {
    try {
        auto key = issuingKey(args, ctx.store, io);
        if (!key) return 1;
        auto record = issueCertificate(ctx.store, *key, trainee, policy, st.scores, now, ctx.settings, ctx.content.sop.version);
        if (args.has("--json")) {
            io.out << jsonText({{"issued", true}, {"certificate", certificateJson(record, "valid")},
                                {"attempts_replayed", replayed.attempts_replayed}, {"exams_regraded", replayed.quizzes_regraded},
                                {"refused_evidence", refusedJson(replayed.refused)}}) << "\n";
            return 0;
        }
        const auto attempts = static_cast<unsigned long>(replayed.attempts_replayed), exams = static_cast<unsigned long>(replayed.quizzes_regraded);
        io.out << fmt(tr("Issued '{0}' to {1}"), record.policy_title, record.trainee_name) << "\n"
               << "  " << fmt(tr("certificate {0}"), record.id) << "\n"
               << "  " << fmt(tr("verification code {0}"), record.verification_code) << "\n"
               << "  " << fmt(tr("valid until {0}"), dateOfUtc(record.expires_at)) << "\n"
               << "  "
               << fmt(tr("evidence replayed: {0}, {1}"), fmt(trn("{0} attempt played again", "{0} attempts played again", attempts), attempts),
                      fmt(trn("{0} exam graded again", "{0} exams graded again", exams), exams))
               << "\n";
        if (!record.supersedes.empty()) io.out << "  " << fmt(tr("renews {0} (kept in the history)"), record.supersedes) << "\n";
        if (!replayed.refused.empty()) io.err << refusedEvidenceText(replayed.refused) << "\n";
        io.out << fmt(tr("Export it with: frontline certify export {0}"), record.id) << "\n";
    } catch (const CertError& e) {
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    } catch (const StoreError& e) {
        io.err << "frontline: " << fmt(tr("cannot save the certificate: {0}"), e.what()) << "\n";

        return 1;
    }
    return 0;
}

// Issues from replayed evidence only: each attempt that counts is played again and each exam
// graded again, so rows written into the database by hand or edited afterwards sign nothing.
int runIssue(const Args& args, Io& io) {
    if (!args.has("--trainee")) throw UsageError(tr("certify issue needs --trainee NAME"));
    auto ctx = openContext(args, io);
    if (!ctx) return 1;
    if (!managerConfirmed(ctx->store, args, io)) return 1;
    auto trainee = traineeOrReport(ctx->store, args.get("--trainee"), io);
    if (!trainee) return 1;
    if (!utf8::valid(trainee->name)) {
        // Stored by an older version; the signed certificate must carry exactly the readable name.
        io.err << "frontline: "
               << fmt(tr("the name of trainee #{0} ('{1}') is not valid UTF-8, so it cannot be put on a certificate"), trainee->id,
                      utf8::sanitized(trainee->name))
               << "\n";

        return 1;
    }
    const std::string now = nowUtcIso();
    const QuizLibrary quizzes = loadQuizLibrary(ctx->content.paths.root / "questions", ctx->content.sop);
    const ReplayedEvidence replayed = replayEvidence(ctx->store, *trainee, ctx->content, quizzes, ctx->settings);
    bool none_left = false;
    const Policy* policy = policyToIssue(args, *ctx, replayed.evidence, now, io, none_left);
    if (none_left) {
        if (args.has("--json")) io.out << jsonText({{"issued", false}, {"trainee", trainee->name}, {"reason", "holds every certification"}}) << "\n";
        else io.out << fmt(tr("{0} holds every certification and none is due for a refresher yet."), trainee->name) << "\n";
        return 0;
    }
    if (!policy) return 1;
    const auto st = evaluateCertification(*policy, replayed.evidence, ctx->content.sop.version, ctx->settings, now);
    if (!st.ready_to_issue) {
        reportNotReady(args, *trainee, *policy, st, replayed, io);
        return 1;
    }
    return signAndReport(args, *ctx, *trainee, *policy, st, replayed, now, io);
}

// The first text field of a stored certificate that is not UTF-8: a row no genuine issue wrote.
const char* damagedTextField(const CertificateRecord& r) {
    const std::pair<const char*, const std::string*> fields[] = {
        {NC_("certificate field", "id"), &r.id},
        {NC_("certificate field", "trainee name"), &r.trainee_name},
        {NC_("certificate field", "policy"), &r.policy_id},
        {NC_("certificate field", "policy title"), &r.policy_title},
        {NC_("certificate field", "SOP version"), &r.sop_version},
        {NC_("certificate field", "issue date"), &r.issued_at},
        {NC_("certificate field", "expiry date"), &r.expires_at},
        {NC_("certificate field", "verification code"), &r.verification_code},
        {NC_("certificate field", "revocation date"), &r.revoked_at},
        {NC_("certificate field", "revocation reason"), &r.revoke_reason},
        {NC_("certificate field", "predecessor"), &r.supersedes},
        {NC_("certificate field", "signed assertion"), &r.assertion_json},
    };
    for (const auto& [name, text] : fields)
        if (!utf8::valid(*text)) return name;
    return nullptr;
}

bool writeText(const std::filesystem::path& path, const std::string& text, Io& io) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        io.err << "frontline: " << fmt(tr("cannot write {0}"), path.string()) << "\n";
        return false;
    }
    return true;
}

// The Open Badges 3.0 VC-JWT, signed (RS256) by the organisation key, and only for certificates
// that key issued: it vouches for what it signed, not for any row in a database.
int runExportOb3(const Context& ctx, const CertificateRecord& record, const Args& args, Io& io) {
    const Policy* policy = findPolicy(ctx.policies, record.policy_id);
    if (!policy) {
        io.err << "frontline: " << fmt(tr("certificate {0} names policy '{1}', which the content no longer has"), record.id, record.policy_id) << "\n";
        return 1;
    }
    if (!record.revoked_at.empty()) {
        io.err << "frontline: " << fmt(tr("certificate {0} is revoked; no Open Badges 3.0 credential is made for it"), record.id) << "\n";
        return 1;
    }
    const auto issuer_dir = issuerDirectoryFor(args);
    const auto org = issuerPublicKey(issuer_dir);
    const auto creator = assertionPayload(record).value("verification", nlohmann::json::object()).value("creator", "");
    if (!org || publicKeyJwk(*org).value("kid", "") != creator) {
        io.err << "frontline: "
               << fmt(org ? tr("certificate {0} was not issued with the organisation's issuer key; only its own certificates can be exported as "
                               "Open Badges 3.0")
                          : tr("certificate {0} was not issued with the organisation's issuer key (there is none here: `frontline issuer "
                               "init`); only its own certificates can be exported as Open Badges 3.0"),
                      record.id)
               << "\n";
        return 1;
    }
    auto passphrase = issuerPassphrase(args, io);
    if (!passphrase) return 1;
    const std::string jwt = openBadgeJwt(record, *policy, ctx.settings, *org, unsealIssuerRsaKey(issuer_dir, *passphrase));
    const bool svg = args.get("--format") == "svg";
    const char* kind = svg ? "svg" : "ob3";
    std::filesystem::path path = svg ? (args.has("--svg") ? args.get("--svg") : record.id + ".badge.svg")
                                     : (args.has("--jwt") ? args.get("--jwt") : record.id + ".ob3.jwt");
    const std::string text =
        svg ? bakedBadgeSvg(jwt, {policy->title, record.trainee_name, ctx.settings.company_name, record.issued_at, record.expires_at})
            : jwt + "\n";
    if (!writeText(path, text, io)) return 1;
    if (args.has("--json")) io.out << jsonText({{"certificate", record.id}, {kind, path.string()}}) << "\n";
    else io.out << kind << ":   " << path.string() << "\n";
    return 0;
}

int runExport(const Args& args, Io& io) {
    if (args.positional.size() < 2) throw UsageError(tr("certify export needs a certificate id or verification code"));
    const std::string format = args.get("--format", "badge");
    if (format != "badge" && format != "ob3" && format != "svg") throw UsageError(tr("--format takes badge, ob3 or svg"));
    auto ctx = openContext(args, io);
    if (!ctx) return 1;
    auto record = findCertificate(ctx->store, args.positional[1], io);
    if (!record) return 1;
    if (auto field = damagedTextField(*record)) {
        io.err << "frontline: "
               << fmt(tr("certificate {0} is damaged in the database (its {1} is not valid UTF-8); nothing was exported — revoke it and issue "
                         "a new one"),
                      utf8::sanitized(record->id), trc("certificate field", field))
               << "\n";
        return 1;
    }
    if (format == "ob3" || format == "svg") {
        try {
            return runExportOb3(*ctx, *record, args, io);
        } catch (const CertError& e) {
            io.err << "frontline: " << e.what() << "\n";
            return 1;
        }
    }
    const bool both = !args.has("--pdf") && !args.has("--badge");
    nlohmann::json written{{"certificate", record->id}};
    // With --json the paths go into one object on stdout; the lines are for people.
    std::ostringstream lines;
    try {
        if (both || args.has("--badge")) {
            std::filesystem::path path = args.has("--badge") ? std::filesystem::path(args.get("--badge")) : std::filesystem::path(badgeFileName(*record));
            // The issuing key is only needed to sign a revocation notice into the file.
            std::optional<SigningKey> key;
            if (!record->revoked_at.empty()) key = keyThatIssued(*record, args, ctx->store, io);
            if (!writeText(path, badgeFileText(*record, key ? &*key : nullptr), io)) return 1;
            lines << "badge: " << path.string() << "\n";
            written["badge"] = path.string();
        }
        if (both || args.has("--pdf")) {
            std::filesystem::path path = args.has("--pdf") ? std::filesystem::path(args.get("--pdf")) : std::filesystem::path(record->id + ".pdf");
            exportCertificatePdf(*record, path, ctx->settings);
            lines << "pdf:   " << path.string() << "\n";
            written["pdf"] = path.string();
        }
    } catch (const CertError& e) {
        if (!args.has("--json")) io.out << lines.str();  // what was written before the failure
        io.err << "frontline: " << e.what() << "\n";
        return 1;
    }
    if (args.has("--json")) io.out << jsonText(written) << "\n";
    else io.out << lines.str();
    return 0;
}

int runRevoke(const Args& args, Io& io) {
    if (args.positional.size() < 2 || args.get("--reason").empty())
        throw UsageError(tr("certify revoke needs a certificate id and --reason TEXT"));
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    if (!managerConfirmed(*store, args, io)) return 1;
    auto record = findCertificate(*store, args.positional[1], io);
    if (!record) return 1;
    if (!record->revoked_at.empty()) {
        io.err << "frontline: "
               << fmt(tr("certificate {0} was already revoked on {1}: {2}"), record->id, dateOfUtc(record->revoked_at), record->revoke_reason)
               << "\n";
        return 1;
    }
    try {
        store->revokeCertificate(record->id, args.get("--reason"), nowUtcIso());
    } catch (const StoreError& e) {
        io.err << "frontline: " << fmt(tr("cannot revoke: {0}"), e.what()) << "\n";
        return 1;
    }
    if (args.has("--json")) {
        io.out << jsonText({{"revoked", record->id}, {"trainee", record->trainee_name}, {"policy", record->policy_id}}) << "\n";
        return 0;
    }
    io.out << fmt(tr("Revoked {0} ({1}, {2}).\n"
                     "`frontline verify` now reports it as revoked against this database; files exported from now on carry\n"
                     "the revocation: re-export with `frontline certify export {0}` and replace copies you shared.\n"),
                  record->id, record->trainee_name, record->policy_title);
    return 0;
}

int runList(const Args& args, Io& io) {
    auto store = openStoreOrReport(args, io);
    if (!store) return 1;
    std::int64_t trainee_id = 0;
    if (args.has("--trainee")) {
        auto t = store->traineeByName(args.get("--trainee"));
        if (!t) {
            io.err << "frontline: no trainee named '" << args.get("--trainee") << "'\n";
            return 1;
        }
        trainee_id = t->id;
    }
    auto certs = store->certificates(trainee_id);
    const std::string now = nowUtcIso();
    auto stateOf = [&](const CertificateRecord& c) -> std::string {
        // English ids (the JSON's "state"); the table shows them with trc("certificate state", …).
        if (!c.revoked_at.empty()) return NC_("certificate state", "revoked");
        for (const auto& other : certs)
            if (other.supersedes == c.id) return NC_("certificate state", "renewed");
        return now >= c.expires_at ? NC_("certificate state", "expired") : NC_("certificate state", "valid");
    };
    if (args.has("--json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& c : certs) j.push_back(certificateJson(c, stateOf(c)));
        io.out << jsonText(j) << "\n";
        return 0;
    }
    if (certs.empty()) {
        io.out << tr("No certificates yet. See who is ready with `frontline certify status`.\n");
        return 0;
    }
    io.out << column(tr("certificate"), 38) << column(tr("trainee"), 20) << column(tr("policy"), 30) << column(tr("issued"), 12)
           << column(tr("expires"), 12) << column(tr("code"), 11) << tr("state") << "\n";
    for (const auto& c : certs)
        io.out << column(c.id, 38) << column(c.trainee_name, 20) << column(c.policy_title, 30) << column(dateOfUtc(c.issued_at), 12)
               << column(dateOfUtc(c.expires_at), 12) << column(c.verification_code, 11) << trc("certificate state", stateOf(c).c_str()) << "\n";
    return 0;
}

}  // namespace

int cmdCertify(const std::vector<std::string>& argv, Io& io) {
    const Args args = parseOptions(argv, {{"--json", "--due"}, {"--at", "--policy", "--trainee", "--reason", "--format", "--within"}, {}, {"--pdf", "--badge", "--jwt", "--svg", "--issuer-dir", "--passphrase-file", "--manager-password-file"}});
    if (args.has("--help")) {
        io.out << kUsage;
        return 0;
    }
    if (args.positional.empty()) throw UsageError(tr("certify needs one of: status, issue, export, revoke, list"));
    const std::string& sub = args.positional[0];
    if (sub == "status") return runStatus(args, io);
    if (sub == "issue") return runIssue(args, io);
    if (sub == "export") return runExport(args, io);
    if (sub == "revoke") return runRevoke(args, io);
    if (sub == "list") return runList(args, io);
    throw UsageError(fmt(tr("unknown certify subcommand '{0}' (status, issue, export, revoke, list)"), utf8::sanitized(sub)));

}

}  // namespace frontline::cli
