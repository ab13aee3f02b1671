// frontline: with a subcommand (play, validate, history, quiz, verify…) it is a terminal tool;
// without one it opens the desktop trainer.
#include <iostream>
#include <string>
#include <vector>
#include <unistd.h>
#include "cli.hpp"
#include "gui.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && (frontline::cli::isCommand(args[0]) || args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
        frontline::cli::Io io{std::cin, std::cout, std::cerr, static_cast<bool>(isatty(0))};
        return frontline::cli::run(args, io);
    }
    return frontline::runGui(argc, argv);
}
