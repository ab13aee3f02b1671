#pragma once
// What a Store holds, shared by the store's source files (open / attempts / records).
#include <functional>
#include <string>
#include <nlohmann/json.hpp>
#include "sqlite.hpp"

namespace frontline {

struct Store::Impl {
    sql::Connection db;
    bool read_only = false;
    int busy_timeout_ms = 5000;  // opened to browse: the file or its folder cannot be written
    std::function<void(int)> step_row_hook;  // tests only: see setStepRowHookForTesting
};

// Text typed by trainees may hold invalid UTF-8; replacing it beats failing to save their work.
inline std::string toJsonText(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace frontline
