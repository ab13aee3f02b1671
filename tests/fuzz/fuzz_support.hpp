#pragma once
// Shared by the libFuzzer harnesses: the bundled content they load against, and a per-process
// temp file that each input is written to, so every harness goes through the real file loader
// (size limit, file checks) exactly as `frontline validate` and the app do.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include "frontline/content.hpp"
#include "frontline/quiz.hpp"

namespace frontline::fuzz {

inline const ContentPaths& bundledPaths() {
    static const ContentPaths paths = [] {
        auto p = ContentPaths::at(FRONTLINE_FUZZ_CONTENT_DIR);
        setSchemaDirectory(p.schema_dir);
        return p;
    }();
    return paths;
}

// The bundled content, loaded once (structural checks only: harnesses that need the SOP or the
// scenarios must not pay for path exploration on every input).
inline const ContentLibrary& bundledContent() {
    static const ContentLibrary library = loadContent(bundledPaths(), false);
    return library;
}

inline const QuizLibrary& bundledQuizLibrary() {
    static const QuizLibrary library = loadQuizLibrary(bundledPaths().root / "questions", bundledContent().sop);
    return library;
}

inline const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("frontline-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

// Writes the input to `name` in the scratch directory and returns its path.
inline std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const char* name = "input.json") {
    auto path = scratchDir() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

inline std::string asText(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace frontline::fuzz

#ifndef FRONTLINE_FUZZ_NO_INITIALIZE
// Loads the bundled content before the first input, so its time is not charged to that input
// against -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)frontline::fuzz::bundledQuizLibrary();
    return 0;
}
#endif
