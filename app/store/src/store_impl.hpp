#pragma once
// What a Store holds, shared by the store's source files (open / attempts / records).
#include <functional>
#include <string>
#include <nlohmann/json.hpp>
#include "sqlite.hpp"

namespace frontline {

struct Store::Impl {
    sql::Connection db;
    std::function<void(int)> step_row_hook;  // tests only: see setStepRowHookForTesting
};

// Text typed by trainees may hold invalid UTF-8; replacing it beats failing to save their work.
inline std::string toJsonText(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace frontline
