// frontline: with a subcommand (play, validate, history, quiz, verify…) it is a terminal tool;
// without one it opens the desktop trainer.
#include <exception>
#include <iostream>
#include <string>
#include <vector>
#include <unistd.h>
#include "cli.hpp"
#include "frontline/i18n.hpp"
#include "gui.hpp"

int main(int argc, char** argv) {
    frontline::i18n::init();  // the user's locale and language, before any message is shown
    std::vector<std::string> args(argv + 1, argv + argc);
    if (frontline::cli::isTerminalInvocation(args)) {
        frontline::cli::Io io{std::cin, std::cout, std::cerr, static_cast<bool>(isatty(0))};
        return frontline::cli::run(args, io);  // catches everything itself
    }
    // The window's last resort: one line and exit 1 rather than an abort and a core dump.
    try {
        return frontline::runGui(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "frontline: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "frontline: " << frontline::tr("the trainer stopped on an unexpected error") << "\n";
    }
    return 1;
}
