#pragma once
namespace frontline {
// Opens the desktop trainer window and runs until it is closed. Returns the process exit code.
int runGui(int argc, char** argv);
}
