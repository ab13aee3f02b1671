// The characters the window's atlas must hold beyond its text ranges (see fonts.hpp): the
// content's, the translations', and the trainees' names.
#include <cstdint>
#include "frontline/i18n.hpp"
#include "frontline/ui/app.hpp"
#include "frontline/ui/fonts.hpp"

namespace frontline::ui {

namespace {

// A GNU .mo file: a header of 32-bit words in the writer's byte order, then (length, offset)
// pairs for the original and the translated messages.
class MoFile {
public:
    explicit MoFile(std::string bytes) : bytes_(std::move(bytes)) {
        const std::uint32_t magic = word(0);
        swapped_ = magic == 0xDE120495u;
        valid_ = bytes_.size() >= 20 && (magic == 0x950412DEu || swapped_);
    }

    // Every translated message, one after another (a truncated file yields what it holds).
    std::string translations() const {
        std::string out;
        if (!valid_) return out;
        const std::uint32_t count = word(8), table = word(16);
        for (std::uint32_t i = 0; i < count; ++i) {
            const std::uint64_t entry = table + std::uint64_t{8} * i;
            if (entry + 8 > bytes_.size()) break;
            const std::uint64_t length = word(entry), offset = word(entry + 4);
            if (offset + length <= bytes_.size()) out.append(bytes_, offset, length).push_back('\n');
        }
        return out;
    }

private:
    std::uint32_t word(std::uint64_t at) const {
        if (at + 4 > bytes_.size()) return 0;
        std::uint32_t w = 0;
        for (int k = 0; k < 4; ++k) {
            const auto byte = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes_[at + static_cast<std::uint64_t>(swapped_ ? 3 - k : k)]));
            w |= byte << (8 * k);
        }
        return w;
    }

    std::string bytes_;
    bool swapped_ = false, valid_ = false;
};

}  // namespace

std::vector<char32_t> catalogCodepoints(const std::filesystem::path& locale_dir) {
    std::vector<char32_t> all;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(locale_dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".mo") continue;
        all = mergedCodepoints(all, textCodepoints(MoFile(fileBytes(it->path())).translations()));
    }
    return all;
}

std::vector<char32_t> atlasCodepoints(const AppState& app) {
    std::vector<char32_t> all = mergedCodepoints(contentCodepoints(app.content.paths.root), catalogCodepoints(i18n::localeDirectory()));
    std::string names = app.trainee ? app.trainee->name : std::string();
    try {
        if (app.store)
            for (const Trainee& t : app.store->trainees()) names += t.name + "\n" + t.team + "\n";
    } catch (const StoreError&) {
        // A database that cannot list its trainees now costs only their rarer letters ("?"); the
        // screens that need the list report the error themselves.
    }
    return mergedCodepoints(all, textCodepoints(names));
}

}  // namespace frontline::ui
