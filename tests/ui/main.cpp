#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <cstdlib>

int main(int argc, char** argv) {
    // Exports go to the Documents folder: never the developer's own. A test that wants one sets
    // XDG_DOCUMENTS_DIR to a folder of its own; otherwise exports land beside the test database.
    setenv("XDG_DOCUMENTS_DIR", "/nonexistent/frontline-ui-tests", 1);
    // Likewise the organisation's signing key: none, unless a test makes one in a folder of its own.
    setenv("FRONTLINE_ISSUER_DIR", "/nonexistent/frontline-ui-tests-issuer", 1);
    doctest::Context context(argc, argv);
    return context.run();
}
