// Certificates (the trainee's own): requirement progress per policy with "Issue certificate" when
// ready, and the certificates held with PDF / badge export. Exports go to Documents/Frontline
// (export_folder.cpp) under names that say whose certificate it is, for what, and when.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <imgui.h>
#include "frontline/certs.hpp"
#include "frontline/evidence_replay.hpp"
#include "frontline/i18n.hpp"
#include "frontline/translation.hpp"
#include "frontline/ui/icons.hpp"
#include "frontline/ui/widgets.hpp"
#include "ui_internal.hpp"

namespace frontline::ui {

void certificationStatusChip(CertStatus s);  // screen_certification.cpp

namespace {

void refresh(AppState& app) {
    CertificatesScreenState& st = app.certificates;
    st.valid = true;
    st.statuses.clear();
    st.certificates.clear();
    if (!app.store || !app.trainee) return;
    st.trainee_id = app.trainee->id;
    try {
        const std::string now = nowUtcIso();
        auto evidence = gatherEvidence(*app.store, app.trainee->id, app.content, now);
        for (const auto& p : certificationPolicies(app))
            st.statuses.push_back(evaluateCertification(p, evidence, app.content.sop.version, app.settings, now));
        st.certificates = app.store->certificates(app.trainee->id);
    } catch (const StoreError& e) {
        st.message = fmt(tr("Could not read your progress: {0}"), e.what());
        st.message_is_error = true;
    }
}

void setMessage(AppState& app, std::string text, bool error) {
    app.certificates.message = std::move(text);
    app.certificates.message_is_error = error;
    showToast(app, app.certificates.message, error ? 6 : 4);
}

// `trainee` is the one whose evidence was replayed, whoever is at the desk when the key opens.
void sign(AppState& app, const Trainee& trainee, const Policy& policy, const nlohmann::json& scores, const SigningKey& key) {
    try {
        auto record = issueCertificate(*app.store, key, trainee, policy, scores, nowUtcIso(), app.settings, app.content.sop.version);
        std::string text = issuerPublicKey(defaultIssuerDirectory())
                               ? fmt(tr("Certificate issued: {0}, code {1}"), record.policy_title, record.verification_code)
                               : fmt(tr("Certificate issued: {0}, code {1}. Signed with this installation's own key, which only this "
                                        "installation trusts: a manager creates the organisation's key with `frontline issuer init`."),
                                     record.policy_title, record.verification_code);
        setMessage(app, text, false);
    } catch (const CertError& e) {
        setMessage(app, fmt(tr("Could not issue the certificate: {0}"), e.what()), true);
    } catch (const StoreError& e) {
        setMessage(app, fmt(tr("Could not save the certificate: {0}"), e.what()), true);
    }
    invalidateCertification(app);
}

// Signs only what replays: the status on screen comes from the stored results, so the evidence is
// played and graded again here, and whatever does not reproduce is named instead of signed.
void issue(AppState& app, const Policy& policy) {
    try {
        const QuizLibrary quizzes = loadQuizLibrary(app.content.paths.root / "questions", app.content.sop, i18n::language());
        const ReplayedEvidence replayed = replayEvidence(*app.store, *app.trainee, app.content, quizzes, app.settings);
        const auto status = evaluateCertification(policy, replayed.evidence, app.content.sop.version, app.settings, nowUtcIso());
        if (!status.ready_to_issue) {
            std::string why = tr("Not issued: the evidence does not hold up when replayed.");
            if (!replayed.refused.empty()) why += "\n" + refusedEvidenceText(replayed.refused);
            for (const auto& m : status.missing) why += "\n  - " + fmt(tr("still missing: {0}"), m);
            setMessage(app, why, true);
            invalidateCertification(app);
            return;
        }
        // TRANSLATORS: what is signed: {0} a certificate's title, {1} the trainee.
        withIssuerKey(app, fmt(tr("'{0}' for {1}"), policy.title, app.trainee->name),
                      [trainee = *app.trainee, policy, scores = status.scores](AppState& a, const SigningKey& key) {
                          sign(a, trainee, policy, scores, key);
                      });
    } catch (const CertError& e) {
        setMessage(app, fmt(tr("Could not issue the certificate: {0}"), e.what()), true);
    } catch (const StoreError& e) {
        setMessage(app, fmt(tr("Could not read the evidence: {0}"), e.what()), true);
    }
}

// "Certificate-Amélie-Ready-Inbound-agent-level-1-2026-11-30-1f2e3d4c": who, what and when, for a person
// looking through their Documents folder (the id is inside the file).
std::string readableName(const CertificateRecord& record) {
    // The id's first characters keep a same-day renewal from overwriting the first one.
    return "Certificate-" + fileSafe(record.trainee_name) + "-" + fileSafe(record.policy_title) + "-" + dateOfUtc(record.issued_at) +
           "-" + record.id.substr(0, 8);
}

void exportFile(AppState& app, const CertificateRecord& record, bool pdf) {
    try {
        auto dir = exportFolder(app);
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) throw CertError(CertError::Kind::Io, "cannot create " + dir.string() + ": " + ec.message());
        std::filesystem::path path;
        if (pdf) {
            path = dir / (readableName(record) + ".pdf");
            exportCertificatePdf(record, path, app.settings);
        } else {
            path = dir / (readableName(record) + ".badge.json");
            std::optional<SigningKey> key;
            if (!record.revoked_at.empty()) key = loadSigningKey(app.store->dataDirectory());
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            out << badgeFileText(record, key ? &*key : nullptr);
            out.close();
            if (!out) throw CertError(CertError::Kind::Io, "cannot write " + path.string());
        }
        setMessage(app, fmt(tr("Saved {0}"), path.string()), false);
    } catch (const CertError& e) {
        setMessage(app, fmt(tr("Export failed: {0}"), e.what()), true);
    }
}

void drawPolicyCard(AppState& app, const Policy& policy, const CertificationStatus& s) {
    ImGui::PushID(policy.id.c_str());
    beginTile();
    ImGui::PushFont(font(FontRole::Heading));
    ImGui::TextUnformatted(policy.title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    certificationStatusChip(s.status);
    recordItem(("status:" + policy.id + ":" + certStatusName(s.status)).c_str());
    wrappedText(policy.description.c_str(), colour::kInkSoft);
    if (s.certificate && (s.status == CertStatus::Certified || s.status == CertStatus::RefresherDue))
        ImGui::TextDisabled("%s", (s.refresher_reason.empty()
                                       ? fmt(tr("Valid until {0}"), i18n::longDate(dateOfUtc(s.certificate->expires_at)))
                                       : fmt(tr("Valid until {0}  ·  refresher due: {1}"), i18n::longDate(dateOfUtc(s.certificate->expires_at)),
                                             s.refresher_reason))
                                      .c_str());
    ImGui::Spacing();

    const size_t met = static_cast<size_t>(std::count_if(s.requirements.begin(), s.requirements.end(),
                                                         [](const RequirementProgress& r) { return r.met; }));
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, trn("%zu of %zu requirement", "%zu of %zu requirements", s.requirements.size()), met, s.requirements.size());
    progressBar(s.requirements.empty() ? 0.0f : static_cast<float>(met) / static_cast<float>(s.requirements.size()), colour::kGood,
                tileInnerWidth(), em(1.2f), overlay);
    ImGui::Spacing();
    for (const auto& r : s.requirements) {
        iconText(r.met ? icon::kCheckCircle : icon::kTimesCircle, r.met ? colour::kGood : colour::kStarEmpty, r.description.c_str());
        recordItem(("requirement:" + policy.id + ":" + r.description).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", r.detail.c_str());
    }
    ImGui::Spacing();
    const bool renewal = s.certificate.has_value();
    const char* label = renewal ? "Renew certificate" : "Issue certificate";  // the test hook's name
    ImGui::BeginDisabled(!s.ready_to_issue);
    if (iconButton(icon::kCertificate, renewal ? tr("Renew certificate") : tr("Issue certificate"), ButtonKind::Primary))
        asManager(app, tr("issue a certificate"), [policy](AppState& unlocked) { issue(unlocked, policy); });
    ImGui::EndDisabled();
    recordItem((std::string(label) + ":" + policy.id).c_str(), s.ready_to_issue);
    if (!s.ready_to_issue && s.status != CertStatus::Certified) tooltip(tr("Complete every requirement above first."));
    endTile();
    ImGui::PopID();
}

void drawHeld(AppState& app) {
    CertificatesScreenState& st = app.certificates;
    iconText(icon::kCertificate, colour::kGold, tr("Your certificates"));
    ImGui::Spacing();
    if (st.certificates.empty()) {
        mutedText(tr("None yet. Meet a policy's requirements and issue your first certificate."));
        return;
    }
    const std::string now = nowUtcIso();
    for (const auto& c : st.certificates) {
        ImGui::PushID(c.id.c_str());
        beginTile();
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextUnformatted(c.policy_title.c_str());
        ImGui::PopFont();
        const char* state = !c.revoked_at.empty() ? tr("Revoked") : now >= c.expires_at ? tr("Expired") : tr("Valid");
        ImGui::SameLine();
        chip(state, c.revoked_at.empty() && now < c.expires_at ? colour::kGoodSoft : colour::kBadSoft,
             c.revoked_at.empty() && now < c.expires_at ? colour::kGood : colour::kBad);
        ImGui::TextDisabled(tr("Issued %s  ·  valid until %s  ·  SOP %s"), i18n::longDate(dateOfUtc(c.issued_at)).c_str(),
                            i18n::longDate(dateOfUtc(c.expires_at)).c_str(), c.sop_version.c_str());
        ImGui::Text(tr("Verification code  %s"), c.verification_code.c_str());
        if (!c.revoked_at.empty()) wrappedText(fmt(tr("Revoked: {0}"), c.revoke_reason).c_str(), colour::kBad);
        if (iconButton(icon::kFileText, tr("Export PDF"))) exportFile(app, c, true);
        recordItem(("Export PDF:" + c.id).c_str());
        ImGui::SameLine();
        if (iconButton(icon::kShield, tr("Export badge"))) exportFile(app, c, false);
        recordItem(("Export badge:" + c.id).c_str());
        endTile();
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::TextDisabled(tr("Exports are saved in %s"), exportFolder(app).string().c_str());
}

}  // namespace

void enterCertificatesScreen(AppState& app) { app.certificates.valid = false; }

void drawCertificatesScreen(AppState& app) {
    CertificatesScreenState& st = app.certificates;
    if (app.trainee && app.trainee->id != st.trainee_id) st.valid = false;
    if (!st.valid) refresh(app);

    sectionHeader(icon::kGraduationCap, tr("Certification"));
    for (const auto& d : app.certification.data.problems)
        if (d.severity == Severity::Error) wrappedText(format(d).c_str(), colour::kBad);
    if (!st.message.empty()) wrappedText(st.message.c_str(), st.message_is_error ? colour::kBad : colour::kGood);

    const auto& policies = certificationPolicies(app);
    const float side_w = em(24);
    const float main_w = ImGui::GetContentRegionAvail().x - side_w - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild("##requirements", ImVec2(main_w, 0), false);
    for (size_t i = 0; i < policies.size() && i < st.statuses.size(); ++i) {
        drawPolicyCard(app, policies[i], st.statuses[i]);
        ImGui::Spacing();
    }
    if (policies.empty()) mutedText(tr("No certification policies are defined in this content."));
    ImGui::EndChild();
    ImGui::SameLine();
    beginCard("##held", ImVec2(0, 0));
    drawHeld(app);
    endCard();
}

}  // namespace frontline::ui
