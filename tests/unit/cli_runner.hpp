#pragma once
// Runs the command line in-process, as `frontline ARGS` would, capturing what it prints.
#include <sstream>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "cli.hpp"

namespace frontline::test {

struct CliRun {
    int code = 0;
    std::string out, err;
    nlohmann::json json() const { return nlohmann::json::parse(out); }  // throws unless stdout is exactly one document
};

// `input` is what the user types; `interactive` makes it a terminal (prompts instead of refusals).
inline CliRun runCli(const std::vector<std::string>& argv, const std::string& input = {}, bool interactive = false) {
    std::istringstream in(input);
    std::ostringstream out, err;
    cli::Io io{in, out, err, interactive};
    CliRun r;
    r.code = cli::run(argv, io);
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace frontline::test
