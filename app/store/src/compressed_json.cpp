#include "compressed_json.hpp"
#include <algorithm>
#include <memory>
#include <zstd.h>
#include "frontline/store.hpp"

namespace frontline::records {
namespace {

// Level 9: measured on played attempts, within a few percent of level 19's size at a tenth of its
// time, so recording an attempt stays well under a millisecond of compression.
constexpr int kLevel = 9;
constexpr unsigned long long kMaxJsonBytes = 64ull << 20;  // a real attempt is ~20 KB
constexpr unsigned char kMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};  // ZSTD_MAGICNUMBER, little-endian

struct CCtxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

[[noreturn]] void damaged(std::int64_t attempt_id, const char* column, const std::string& why) {
    throw StoreError(StoreError::Kind::Corrupt, "attempt " + std::to_string(attempt_id) + ": the stored " + column +
                                                    " is damaged (" + why + ")");
}

}  // namespace

bool isCompressed(std::string_view stored) {
    return stored.size() >= sizeof kMagic && std::equal(kMagic, kMagic + sizeof kMagic,
                                                        reinterpret_cast<const unsigned char*>(stored.data()));
}

std::string compressJson(std::string_view json, std::string_view prefix) {
    std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
    if (!cctx) throw std::bad_alloc();
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, kLevel);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);  // damage reads as damage, not as other JSON
    if (!prefix.empty()) ZSTD_CCtx_refPrefix(cctx.get(), prefix.data(), prefix.size());
    std::string out(ZSTD_compressBound(json.size()), '\0');
    const std::size_t n = ZSTD_compress2(cctx.get(), out.data(), out.size(), json.data(), json.size());
    if (ZSTD_isError(n)) throw StoreError(StoreError::Kind::Io, std::string("cannot compress: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string storedJsonText(std::string_view stored, std::int64_t attempt_id, const char* column,
                           std::string_view prefix) {
    if (!isCompressed(stored)) return std::string(stored);  // written before compression
    const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        damaged(attempt_id, column, "its compressed header cannot be read");
    if (size > kMaxJsonBytes) damaged(attempt_id, column, "it claims " + std::to_string(size) + " bytes");
    std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx(ZSTD_createDCtx());
    if (!dctx) throw std::bad_alloc();
    if (!prefix.empty()) ZSTD_DCtx_refPrefix(dctx.get(), prefix.data(), prefix.size());
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), stored.data(), stored.size());
    if (ZSTD_isError(n)) damaged(attempt_id, column, std::string("it cannot be decompressed: ") + ZSTD_getErrorName(n));
    if (n != size) damaged(attempt_id, column, "it is shorter than its header says");
    return out;
}

}  // namespace frontline::records
