// The printable certificate: landscape A4, libharu with embedded DejaVu TrueType fonts (UTF-8, so
// accented names print), a QR code from libqrencode drawn as filled rectangles.
#include <hpdf.h>
#include <qrencode.h>
#include <array>
#include <cstdio>
#include <memory>
#include <type_traits>
#include "crypto.hpp"
#include "frontline/certs.hpp"

namespace frontline {

std::string qrPayload(const CertificateRecord& record, const OrgSettings& settings) {
    const std::string& page = settings.certificate_verify_url;
    if (page.empty()) return "Certificate " + record.id + "\nVerification code: " + record.verification_code;
    // The code's alphabet (digits, capitals and a hyphen) needs no escaping in a URL.
    if (const auto at = page.find("{code}"); at != std::string::npos)
        return std::string(page).replace(at, 6, record.verification_code);
    return page + (page.find('?') == std::string::npos ? "?" : "&") + "code=" + record.verification_code;
}

namespace {

// The two lines under the QR code: what scanning gives, and where else to check.
std::array<std::string, 2> qrCaption(const OrgSettings& settings) {
    const std::string& page = settings.certificate_verify_url;
    if (page.empty()) return {"Scan for the verification code", "or check the badge file: frontline verify"};
    const auto scheme_end = page.find("://");
    const std::string shown = page.substr(scheme_end + 3, page.find_first_of("?{") - scheme_end - 3);  // host and path
    return {"Scan to check this certificate", shown};
}

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";

struct Rgb {
    float r, g, b;
};
constexpr Rgb kNavy{0.12f, 0.31f, 0.47f};
constexpr Rgb kGold{0.85f, 0.66f, 0.22f};
constexpr Rgb kInk{0.13f, 0.13f, 0.15f};
constexpr Rgb kMuted{0.40f, 0.42f, 0.46f};
constexpr Rgb kRed{0.75f, 0.10f, 0.10f};

// libharu reports errors through a callback; keep the first one and stop drawing.
struct PdfErrors {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void onPdfError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    auto* errors = static_cast<PdfErrors*>(user_data);
    if (errors->code == HPDF_OK) {
        errors->code = error_no;
        errors->detail = detail_no;
    }
}

std::string humanDate(const std::string& iso) {
    static const std::array<const char*, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};
    if (!parseUtc(iso)) return iso;
    int month = std::stoi(iso.substr(5, 2));
    return std::to_string(std::stoi(iso.substr(8, 2))) + " " + months[static_cast<size_t>(month - 1)] + " " + iso.substr(0, 4);
}

class CertificatePage {
public:
    explicit CertificatePage(HPDF_Page page) : page_(page) {
        width_ = HPDF_Page_GetWidth(page);
        height_ = HPDF_Page_GetHeight(page);
    }
    float width() const { return width_; }
    float height() const { return height_; }

    void fill(Rgb c) { HPDF_Page_SetRGBFill(page_, c.r, c.g, c.b); }
    void stroke(Rgb c) { HPDF_Page_SetRGBStroke(page_, c.r, c.g, c.b); }

    float textWidth(HPDF_Font font, float size, const std::string& text) {
        HPDF_Page_SetFontAndSize(page_, font, size);
        return HPDF_Page_TextWidth(page_, text.c_str());
    }

    // Draws `text` centred on x, shrinking the size until it fits in max_width.
    void centred(HPDF_Font font, float size, Rgb colour, float x, float y, const std::string& text, float max_width = 0) {
        if (max_width <= 0) max_width = width_ - 120;
        while (size > 8 && textWidth(font, size, text) > max_width) size -= 1;
        left(font, size, colour, x - textWidth(font, size, text) / 2, y, text);
    }

    void left(HPDF_Font font, float size, Rgb colour, float x, float y, const std::string& text) {
        fill(colour);
        HPDF_Page_BeginText(page_);
        HPDF_Page_SetFontAndSize(page_, font, size);
        HPDF_Page_TextOut(page_, x, y, text.c_str());
        HPDF_Page_EndText(page_);
    }

    void rect(float x, float y, float w, float h, Rgb colour, float line_width) {
        stroke(colour);
        HPDF_Page_SetLineWidth(page_, line_width);
        HPDF_Page_Rectangle(page_, x, y, w, h);
        HPDF_Page_Stroke(page_);
    }

    void line(float x1, float y1, float x2, float y2, Rgb colour, float line_width) {
        stroke(colour);
        HPDF_Page_SetLineWidth(page_, line_width);
        HPDF_Page_MoveTo(page_, x1, y1);
        HPDF_Page_LineTo(page_, x2, y2);
        HPDF_Page_Stroke(page_);
    }

    // QR modules as filled rectangles (runs of dark modules merged per row), with a quiet zone.
    void qr(const std::string& payload, float x, float y, float size) {
        std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
            QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
        if (!code) throw CertError(CertError::Kind::Pdf, "cannot encode the QR code");
        const int n = code->width;
        const int quiet = 4;
        const float module = size / static_cast<float>(n + 2 * quiet);
        fill({1, 1, 1});
        HPDF_Page_Rectangle(page_, x, y, size, size);
        HPDF_Page_Fill(page_);
        fill({0, 0, 0});
        for (int row = 0; row < n; ++row) {
            for (int col = 0; col < n;) {
                if (!(code->data[row * n + col] & 1)) {
                    ++col;
                    continue;
                }
                int run = col;
                while (run < n && (code->data[row * n + run] & 1)) ++run;
                // PDF y grows upwards; QR rows go down from the top.
                HPDF_Page_Rectangle(page_, x + static_cast<float>(quiet + col) * module,
                                    y + size - static_cast<float>(quiet + row + 1) * module,
                                    static_cast<float>(run - col) * module, module);
                col = run;
            }
        }
        HPDF_Page_Fill(page_);
    }

    // A large diagonal stamp across the page (for revoked certificates).
    void stamp(HPDF_Doc pdf, HPDF_Font font, const std::string& text, Rgb colour) {
        // Translucent, so the certificate stays readable underneath.
        HPDF_Page_GSave(page_);
        HPDF_ExtGState translucent = HPDF_CreateExtGState(pdf);
        HPDF_ExtGState_SetAlphaFill(translucent, 0.35f);
        HPDF_Page_SetExtGState(page_, translucent);
        fill(colour);
        HPDF_Page_BeginText(page_);
        HPDF_Page_SetFontAndSize(page_, font, 110);
        const float c = 0.866f, s = 0.5f;  // 30 degrees
        float w = HPDF_Page_TextWidth(page_, text.c_str());
        HPDF_Page_SetTextMatrix(page_, c, s, -s, c, width_ / 2 - w / 2 * c, height_ / 2 - w / 2 * s - 20);
        HPDF_Page_ShowText(page_, text.c_str());
        HPDF_Page_EndText(page_);
        HPDF_Page_GRestore(page_);
    }

private:
    HPDF_Page page_;
    float width_ = 0, height_ = 0;
};

HPDF_Font loadFont(HPDF_Doc pdf, const std::string& file) {
    std::string path = std::string(kFontDir) + file;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw CertError(CertError::Kind::Pdf, "font " + path + " is missing (install the fonts-dejavu-core package)");
    const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
    if (!name) throw CertError(CertError::Kind::Pdf, "cannot load font " + path);
    return HPDF_GetFont(pdf, name, "UTF-8");
}

}  // namespace

void exportCertificatePdf(const CertificateRecord& record, const std::filesystem::path& path, const OrgSettings& settings) {
    PdfErrors errors;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc(HPDF_New(onPdfError, &errors), &HPDF_Free);
    if (!doc) throw CertError(CertError::Kind::Pdf, "cannot start a PDF document");
    HPDF_Doc pdf = doc.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, (record.policy_title + " — " + record.trainee_name).c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, settings.company_name.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "Frontline");

    HPDF_Font regular = loadFont(pdf, "DejaVuSans.ttf");
    HPDF_Font bold = loadFont(pdf, "DejaVuSans-Bold.ttf");
    HPDF_Font serif = loadFont(pdf, "DejaVuSerif-Bold.ttf");

    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_LANDSCAPE);
    CertificatePage p(page);
    const float w = p.width(), h = p.height(), cx = w / 2;

    // Frame: a navy border with a thin gold rule inside it.
    p.rect(18, 18, w - 36, h - 36, kNavy, 6);
    p.rect(30, 30, w - 60, h - 60, kGold, 1.2f);

    p.centred(bold, 18, kNavy, cx, h - 88, settings.company_name);
    p.centred(serif, 34, kInk, cx, h - 140, "Certificate of Competence");
    p.line(cx - 60, h - 156, cx + 60, h - 156, kGold, 2);
    p.centred(regular, 13, kMuted, cx, h - 190, "This certifies that");
    p.centred(serif, 38, kNavy, cx, h - 240, record.trainee_name, w - 200);
    p.centred(regular, 13, kMuted, cx, h - 276, "has met every requirement of");
    p.centred(bold, 22, kInk, cx, h - 310, record.policy_title, w - 200);
    p.centred(regular, 12, kMuted, cx, h - 334,
              "on the Standard Operating Procedure for inbound calls and chats, version " + record.sop_version);

    // Details on the left, QR code on the right.
    const float base_y = 150;
    const float label_x = 70, value_x = 200;
    auto row = [&](float y, const std::string& label, const std::string& value, HPDF_Font font, float size) {
        p.left(regular, 10, kMuted, label_x, y, label);
        p.left(font, size, kInk, value_x, y, value);
    };
    row(base_y, "Issued", humanDate(record.issued_at), bold, 12);
    row(base_y - 22, "Valid until", humanDate(record.expires_at), bold, 12);
    row(base_y - 44, "Verification code", record.verification_code, bold, 16);
    row(base_y - 66, "Certificate ID", record.id, regular, 10);
    std::string fingerprint;
    try {
        auto payload = assertionPayload(record);
        auto key = certs_detail::keyFromUrn(payload["verification"].value("creator", std::string()));
        if (key) fingerprint = keyFingerprint(*key);
    } catch (const CertError&) {
        // An unsigned record still prints; it simply has no fingerprint line.
    }
    if (!fingerprint.empty()) row(base_y - 86, "Issuer key", fingerprint, regular, 8);

    const float qr_size = 124;
    const float qr_x = w - 70 - qr_size, qr_y = 56;
    p.qr(qrPayload(record, settings), qr_x, qr_y, qr_size);
    const auto caption = qrCaption(settings);
    p.centred(regular, 8, kMuted, qr_x + qr_size / 2, qr_y - 10, caption[0], qr_size + 40);
    p.centred(regular, 8, kMuted, qr_x + qr_size / 2, qr_y - 20, caption[1], qr_size + 40);

    // Signature line for the training manager.
    p.line(cx - 40, 110, cx + 150, 110, kInk, 0.6f);
    p.centred(regular, 9, kMuted, cx + 55, 96, "Training manager");

    if (!record.revoked_at.empty()) {
        p.stamp(pdf, bold, "REVOKED", kRed);
        const std::string notice = "Revoked on " + humanDate(record.revoked_at) + ": " + record.revoke_reason;
        const float notice_width = qr_x - label_x - 20;
        p.centred(bold, 11, kRed, label_x + notice_width / 2, 44, notice, notice_width);
    }

    if (errors.code != HPDF_OK)
        throw CertError(CertError::Kind::Pdf, "PDF generation failed (libharu error 0x" + [&] {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(errors.code));
            return std::string(buf);
        }() + ", detail " + std::to_string(errors.detail) + ")");
    // Write next to the target and rename, so a failed export never leaves half a PDF behind.
    std::filesystem::path temp = path;
    temp += ".partial";
    if (HPDF_SaveToFile(pdf, temp.c_str()) != HPDF_OK) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        throw CertError(CertError::Kind::Io, "cannot write " + path.string());
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) throw CertError(CertError::Kind::Io, "cannot write " + path.string() + ": " + ec.message());
}

}  // namespace frontline
