# `make package`: a Debian package built by CPack from the build tree (no recompiling).
# Depends is computed from the binary by dpkg-shlibdeps (runtime libraries only: no compiler, no
# -dev package, no test tool), plus the fonts the window prefers (it asks fontconfig, which finds them).
# The organisation that builds the package answers for it: configure with
# -DFRONTLINE_PACKAGE_MAINTAINER="IT service desk <it-desk@your.org>".
set(FRONTLINE_PACKAGE_MAINTAINER "Frontline maintainers <frontline@example.org>" CACHE STRING
    "Maintainer field of the Debian package and its changelog")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME frontline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Frontline developers")
set(CPACK_PACKAGE_CONTACT ${FRONTLINE_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# The synopsis, then the extended description (CPack indents it; an empty line separates paragraphs).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "contact-center training and certification simulator
A simulated agent desk where a phone rings or a chat pops up and a scripted
customer talks; the trainee chooses what to say and uses the desk (CRM record,
knowledge base, hold, transfer, wrap-up). Every choice is scored against the
organisation's Standard Operating Procedure like a QA scorecard.

Knowledge checks and practical scenarios earn certificates with an expiry and
a signature anyone can verify offline. A command line plays scenarios
scripted, checks content and reports certification status.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core | fonts-dejavu-core, fonts-font-awesome")
# A certificate PDF for a trainee named in Chinese or Japanese needs a CJK font (fontconfig finds it).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/frontline/frontline")
include(CPack)
