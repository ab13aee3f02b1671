#pragma once
// A fresh directory under the system temp dir, removed with everything in it (all test binaries).
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace frontline::test {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "frontline-test") {
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace frontline::test
