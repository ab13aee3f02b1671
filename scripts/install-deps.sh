#!/usr/bin/env bash
# Installs the Debian packages Frontline needs to build, run and test.
# Idempotent: only missing packages are installed. Uses sudo when not root.
set -euo pipefail

PACKAGES=(
  # build
  g++ cmake make pkg-config
  # translations: msgfmt/msgcat compile po/ (build), xgettext/msgmerge check it (i18n.catalogs_complete)
  gettext
  # fuzzing (make fuzz): clang with libFuzzer and the sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # libraries
  libimgui-dev libglfw3-dev libgl-dev libstb-dev libsqlite3-dev nlohmann-json3-dev libcurl4-openssl-dev
  doctest-dev libsodium-dev libssl-dev libcairo2-dev libpango1.0-dev libqrencode-dev libvalijson-dev libasound2-dev libpq-dev
  libzstd-dev libglib2.0-dev libfontconfig-dev  # glib: search folding; fontconfig: the window's fonts
  # the team database: the tests start a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh)
  postgresql
  # runtime files: fonts (text + icons; WenQuanYi gives the certificate PDF Chinese and Japanese names)
  fonts-dejavu-core fonts-noto-core fonts-font-awesome fonts-symbola fonts-wqy-microhei
  # real-window tests, screenshots, PDF checks and the end-to-end scripts
  xvfb xauth xdotool libgl1-mesa-dri imagemagick poppler-utils sqlite3 python3 strace
  # the certificate PDF's QR code read back as a phone would (test_certs)
  zbar-tools
  # icons rendered from the SVG (build), the Debian package and its checks (make package, e2e.package)
  librsvg2-bin dpkg-dev fakeroot file binutils lintian desktop-file-utils appstream man-db x11-utils
  # independent credential and xAPI checks (e2e.credentials_jose and e2e.xapi_conformance install the npm
  # packages jose and @learninglocker/xapi-validation with them)
  nodejs
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

# Debian's npm, unless a nodejs build that bundles npm (NodeSource) already provides the command.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "frontline: installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
