// Where the installed data is (data_dir.hpp): in the i18n library because the catalogs are found
// beside it, and the content library, which links this one, needs it too.
#include "frontline/data_dir.hpp"

namespace frontline {

std::filesystem::path bundledDataDirectory() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    auto bin = ec ? std::filesystem::current_path(ec) : exe.parent_path();
    return (bin / ".." / "share" / "frontline").lexically_normal();
}

}  // namespace frontline
