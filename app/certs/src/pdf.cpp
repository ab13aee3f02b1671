// The printable certificate: landscape A4 drawn with cairo. Text is laid out by pango, which picks
// fonts through fontconfig: DejaVu first, then any installed font that has the glyph, so a Chinese
// or Japanese name prints (WenQuanYi or Noto CJK) instead of boxes. cairo embeds font subsets with
// real ToUnicode maps (the text extracts cleanly) and structure tags make it a tagged PDF; the QR
// code from libqrencode is drawn as filled rectangles and is also a link to the check page.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <array>
#include <cmath>
#include <fstream>
#include <memory>
#include "crypto.hpp"
#include "frontline/certs.hpp"
#include "frontline/i18n.hpp"

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
    if (page.empty()) return {tr("Scan for the verification code"), tr("or check the badge file: frontline verify")};
    const auto scheme_end = page.find("://");
    const std::string shown = page.substr(scheme_end + 3, page.find_first_of("?{") - scheme_end - 3);  // host and path
    return {tr("Scan to check this certificate"), shown};
}

// A4 landscape in PDF points.
constexpr double kPageWidth = 841.89;
constexpr double kPageHeight = 595.28;

struct Rgb {
    double r, g, b;
};
constexpr Rgb kNavy{0.12, 0.31, 0.47};
constexpr Rgb kGold{0.85, 0.66, 0.22};
constexpr Rgb kInk{0.13, 0.13, 0.15};
constexpr Rgb kMuted{0.40, 0.42, 0.46};
constexpr Rgb kRed{0.75, 0.10, 0.10};

// A font as fontconfig is asked for it; glyphs the family lacks come from a fallback font.
struct Face {
    const char* family;
    PangoWeight weight;
};
constexpr Face kRegular{"DejaVu Sans", PANGO_WEIGHT_NORMAL};
constexpr Face kBold{"DejaVu Sans", PANGO_WEIGHT_BOLD};
constexpr Face kSerif{"DejaVu Serif", PANGO_WEIGHT_BOLD};

// "1 December 2026" in the language in effect; a stored value that is no timestamp prints as it is.
std::string humanDate(const std::string& iso) { return parseUtc(iso) ? i18n::longDate(iso) : iso; }

// Text from the database may be anything: pango needs valid UTF-8 (bad bytes become U+FFFD).
std::string validUtf8(const std::string& text) {
    std::unique_ptr<gchar, decltype(&g_free)> fixed(g_utf8_make_valid(text.c_str(), static_cast<gssize>(text.size())), &g_free);
    return fixed.get();
}

// cairo tag attributes quote strings with '…'; a quote or backslash inside is escaped.
std::string tagString(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

using Layout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

// Drawing in the page's own terms. y is measured up from the bottom edge, as on a printed page
// (and as the layout below was designed); text is placed by its baseline.
class CertificatePage {
public:
    explicit CertificatePage(cairo_t* cr) : cr_(cr) {}
    double width() const { return kPageWidth; }
    double height() const { return kPageHeight; }

    // Draws `text` centred on x, shrinking the size until it fits in max_width.
    void centred(Face face, double size, Rgb colour, double x, double y, const std::string& text, double max_width = 0) {
        if (max_width <= 0) max_width = kPageWidth - 120;
        Layout layout = textLayout(face, size, text);
        while (size > 8 && widthOf(layout) > max_width) layout = textLayout(face, size -= 1, text);
        show(layout, colour, x - widthOf(layout) / 2, y);
    }

    void left(Face face, double size, Rgb colour, double x, double y, const std::string& text) {
        show(textLayout(face, size, text), colour, x, y);
    }

    void rect(double x, double y, double w, double h, Rgb colour, double line_width) {
        cairo_rectangle(cr_, x, kPageHeight - y - h, w, h);
        strokeWith(colour, line_width);
    }

    void line(double x1, double y1, double x2, double y2, Rgb colour, double line_width) {
        cairo_move_to(cr_, x1, kPageHeight - y1);
        cairo_line_to(cr_, x2, kPageHeight - y2);
        strokeWith(colour, line_width);
    }

    // QR modules as filled rectangles (runs of dark modules merged per row), with a quiet zone.
    void qr(const std::string& payload, double x, double y, double size) {
        std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
            QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
        if (!code) throw CertError(CertError::Kind::Pdf, "cannot encode the QR code");
        const int n = code->width;
        const int quiet = 4;
        const double module = size / (n + 2 * quiet);
        const double top = kPageHeight - y - size;
        cairo_set_source_rgb(cr_, 1, 1, 1);
        cairo_rectangle(cr_, x, top, size, size);
        cairo_fill(cr_);
        for (int row = 0; row < n; ++row) {
            for (int col = 0; col < n;) {
                if (!(code->data[row * n + col] & 1)) {
                    ++col;
                    continue;
                }
                int run = col;
                while (run < n && (code->data[row * n + run] & 1)) ++run;
                cairo_rectangle(cr_, x + (quiet + col) * module, top + (quiet + row) * module, (run - col) * module, module);
                col = run;
            }
        }
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_fill(cr_);
    }

    // A clickable area (a PDF link annotation) over a rectangle of the page.
    void link(const std::string& uri, double x, double y, double w, double h) {
        const std::string attributes = "rect=[" + std::to_string(x) + " " + std::to_string(kPageHeight - y - h) + " " +
                                       std::to_string(w) + " " + std::to_string(h) + "] uri=" + tagString(uri);
        cairo_tag_begin(cr_, CAIRO_TAG_LINK, attributes.c_str());
        cairo_tag_end(cr_, CAIRO_TAG_LINK);
    }

    // A large translucent diagonal stamp across the page (for revoked certificates).
    void stamp(const std::string& text, Rgb colour) {
        Layout layout = textLayout(kBold, 110, text);
        cairo_save(cr_);
        cairo_translate(cr_, kPageWidth / 2, kPageHeight / 2 + 20);
        cairo_rotate(cr_, -M_PI / 6);  // 30 degrees, rising to the right
        cairo_set_source_rgba(cr_, colour.r, colour.g, colour.b, 0.35);
        cairo_move_to(cr_, -widthOf(layout) / 2, -baselineOf(layout));
        pango_cairo_show_layout(cr_, layout.get());
        cairo_restore(cr_);
    }

    // Wraps what `draw` puts on the page in a structure element ("H1", "P"…) of the tagged PDF.
    template <typename Draw>
    void tagged(const char* element, Draw&& draw) {
        cairo_tag_begin(cr_, element, "");
        draw();
        cairo_tag_end(cr_, element);
    }

private:
    Layout textLayout(Face face, double size, const std::string& text) {
        Layout layout(pango_cairo_create_layout(cr_), &g_object_unref);
        std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> font(pango_font_description_new(),
                                                                                          &pango_font_description_free);
        pango_font_description_set_family(font.get(), face.family);
        pango_font_description_set_weight(font.get(), face.weight);
        // Absolute size: in the surface's units, PDF points (a plain size would be scaled to 96 dpi).
        pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
        pango_layout_set_font_description(layout.get(), font.get());
        const std::string valid = validUtf8(text);
        pango_layout_set_text(layout.get(), valid.c_str(), static_cast<int>(valid.size()));
        return layout;
    }
    static double widthOf(const Layout& layout) {
        PangoRectangle logical;
        pango_layout_get_extents(layout.get(), nullptr, &logical);
        return static_cast<double>(logical.width) / PANGO_SCALE;
    }
    static double baselineOf(const Layout& layout) { return static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE; }

    void show(const Layout& layout, Rgb colour, double x, double baseline_y) {
        cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
        cairo_move_to(cr_, x, kPageHeight - baseline_y - baselineOf(layout));
        pango_cairo_show_layout(cr_, layout.get());
    }
    void strokeWith(Rgb colour, double line_width) {
        cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
        cairo_set_line_width(cr_, line_width);
        cairo_stroke(cr_);
    }

    cairo_t* cr_;
};

// The fingerprint of the key that signed the record, or "" for an unsigned record.
std::string signerFingerprint(const CertificateRecord& record) {
    try {
        auto payload = assertionPayload(record);
        auto key = certs_detail::keyFromUrn(payload["verification"].value("creator", std::string()));
        return key ? keyFingerprint(*key) : std::string();
    } catch (const CertError&) {
        return {};  // an unsigned record still prints; it simply has no fingerprint line
    }
}

void drawHeading(CertificatePage& p, const CertificateRecord& record, const OrgSettings& settings) {
    const double w = p.width(), h = p.height(), cx = w / 2;
    // Frame: a navy border with a thin gold rule inside it.
    p.rect(18, 18, w - 36, h - 36, kNavy, 6);
    p.rect(30, 30, w - 60, h - 60, kGold, 1.2);
    p.tagged("P", [&] { p.centred(kBold, 18, kNavy, cx, h - 88, settings.company_name); });
    p.tagged("H1", [&] { p.centred(kSerif, 34, kInk, cx, h - 140, tr("Certificate of Competence")); });
    p.line(cx - 60, h - 156, cx + 60, h - 156, kGold, 2);
    p.tagged("P", [&] {
        p.centred(kRegular, 13, kMuted, cx, h - 190, tr("This certifies that"));
        p.centred(kSerif, 38, kNavy, cx, h - 240, record.trainee_name, w - 200);
        p.centred(kRegular, 13, kMuted, cx, h - 276, tr("has met every requirement of"));
        p.centred(kBold, 22, kInk, cx, h - 310, record.policy_title, w - 200);
        p.centred(kRegular, 12, kMuted, cx, h - 334,
                  fmt(tr("on the Standard Operating Procedure for inbound calls and chats, version {0}"), record.sop_version));
    });
}

// Details on the left, the signature line in the middle.
void drawDetails(CertificatePage& p, const CertificateRecord& record) {
    const double base_y = 150, label_x = 70, value_x = 200;
    auto row = [&](double y, const std::string& label, const std::string& value, Face face, double size) {
        p.tagged("P", [&] {
            p.left(kRegular, 10, kMuted, label_x, y, label);
            p.left(face, size, kInk, value_x, y, value);
        });
    };
    row(base_y, tr("Issued"), humanDate(record.issued_at), kBold, 12);
    row(base_y - 22, tr("Valid until"), humanDate(record.expires_at), kBold, 12);
    row(base_y - 44, tr("Verification code"), record.verification_code, kBold, 16);
    row(base_y - 66, tr("Certificate ID"), record.id, kRegular, 10);
    if (const std::string fingerprint = signerFingerprint(record); !fingerprint.empty())
        row(base_y - 86, tr("Issuer key"), fingerprint, kRegular, 8);

    const double cx = p.width() / 2;
    p.line(cx - 40, 110, cx + 150, 110, kInk, 0.6);
    p.tagged("P", [&] { p.centred(kRegular, 9, kMuted, cx + 55, 96, trc("certificate signature line", "Training manager")); });
}

constexpr double kQrSize = 124;
constexpr double kQrBottom = 56;
double qrLeft() { return kPageWidth - 70 - kQrSize; }

void drawQrCode(CertificatePage& p, const CertificateRecord& record, const OrgSettings& settings) {
    const double x = qrLeft();
    const std::string payload = qrPayload(record, settings);
    p.tagged("Figure", [&] { p.qr(payload, x, kQrBottom, kQrSize); });
    if (!settings.certificate_verify_url.empty()) p.link(payload, x, kQrBottom, kQrSize, kQrSize);
    const auto caption = qrCaption(settings);
    p.tagged("P", [&] {
        p.centred(kRegular, 8, kMuted, x + kQrSize / 2, kQrBottom - 10, caption[0], kQrSize + 40);
        p.centred(kRegular, 8, kMuted, x + kQrSize / 2, kQrBottom - 20, caption[1], kQrSize + 40);
    });
}

void drawRevocation(CertificatePage& p, const CertificateRecord& record) {
    if (record.revoked_at.empty()) return;
    p.stamp(tr("REVOKED"), kRed);
    const double label_x = 70, notice_width = qrLeft() - label_x - 20;
    p.tagged("P", [&] {
        p.centred(kBold, 11, kRed, label_x + notice_width / 2, 44,
                  fmt(tr("Revoked on {0}: {1}"), humanDate(record.revoked_at), record.revoke_reason), notice_width);
    });
}

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The whole document in memory; CertError(Pdf) when cairo reports a problem.
std::string renderCertificatePdf(const CertificateRecord& record, const OrgSettings& settings) {
    std::string bytes;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_pdf_surface_create_for_stream(appendToString, &bytes, kPageWidth, kPageHeight), &cairo_surface_destroy);
    const auto meta = [&](cairo_pdf_metadata_t key, const std::string& value) {
        cairo_pdf_surface_set_metadata(surface.get(), key, validUtf8(value).c_str());
    };
    meta(CAIRO_PDF_METADATA_TITLE, record.policy_title + " — " + record.trainee_name);
    meta(CAIRO_PDF_METADATA_AUTHOR, settings.company_name);
    meta(CAIRO_PDF_METADATA_CREATOR, "Frontline");
    {
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
        CertificatePage page(cr.get());
        page.tagged("Document", [&] {
            drawHeading(page, record, settings);
            drawDetails(page, record);
            drawQrCode(page, record, settings);
            drawRevocation(page, record);
        });
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw CertError(CertError::Kind::Pdf, std::string("PDF drawing failed: ") + cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw CertError(CertError::Kind::Pdf,
                        std::string("PDF generation failed: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
    return bytes;
}

}  // namespace

void exportCertificatePdf(const CertificateRecord& record, const std::filesystem::path& path, const OrgSettings& settings) {
    const std::string bytes = renderCertificatePdf(record, settings);
    // Write next to the target and rename, so a failed export never leaves half a PDF behind.
    std::filesystem::path temp = path;
    temp += ".partial";
    std::error_code ec;
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out || !out.flush()) {
            out.close();
            std::filesystem::remove(temp, ec);
            throw CertError(CertError::Kind::Io, "cannot write " + path.string());
        }
    }
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw CertError(CertError::Kind::Io, "cannot write " + path.string() + ": " + ec.message());
    }
}

}  // namespace frontline
