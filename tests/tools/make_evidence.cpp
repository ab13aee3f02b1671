// Records level-1 certification evidence the way a trainee makes it, for the certificate
// end-to-end tests (tests/e2e/lib/level1_evidence.sh): three scenarios played along their golden
// best path by the engine and a passed knowledge check, for one trainee of a database file.
// Usage: frontline_make_evidence DB TRAINEE_ID CONTENT_DIR
#include <iostream>
#include "../genuine_evidence.hpp"

using namespace frontline;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: frontline_make_evidence DB TRAINEE_ID CONTENT_DIR\n";
        return 2;
    }
    try {
        const ContentLibrary content = loadContent(ContentPaths::at(argv[3]));
        if (!content.sop_loaded) throw std::runtime_error(std::string("no SOP in ") + argv[3]);
        Store store = Store::open(argv[1]);
        const std::int64_t trainee = std::stoll(argv[2]);
        const std::string now = nowUtcIso();
        const OrgSettings settings = store.settings(content.default_settings);  // as the desk plays
        for (const char* scenario : {"failed-verification", "price-objection-learn", "legal-safety-compliance"})
            test::recordGenuinePass(store, content, trainee, scenario, now, now, &settings);
        test::recordGenuineExam(store, content, trainee, "inbound-l1-exam", 0, now);
    } catch (const std::exception& e) {
        std::cerr << "frontline_make_evidence: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
