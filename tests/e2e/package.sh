#!/usr/bin/env bash
# The Debian package end to end, as the person installing it on 40 desks would meet it: built by
# CPack from this build tree (nothing is recompiled), checked with lintian, desktop-file-validate
# and appstreamcli, installed with apt, used from another folder (--version, validate, play
# --list), started through its menu entry's Exec line under Xvfb (a window with WM_CLASS
# frontline appears), removed with dpkg -r, and nothing of it left behind.
#   bash tests/e2e/package.sh BUILD/app/frontline SRC          (CTest: e2e.package, label package)
# It installs into /usr, so it runs as root only (skips with 77 otherwise, or without dpkg/apt).
set -euo pipefail
BIN=$(realpath "$1")
SRC=$(realpath "$2")
BUILD=$(cd "$(dirname "$BIN")/.." && pwd)

if [ "$(id -u)" -ne 0 ]; then echo "skip: installing a package needs root"; exit 77; fi
if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then echo "skip: no dpkg/apt-get here"; exit 77; fi
for tool in cpack dpkg-shlibdeps fakeroot lintian desktop-file-validate appstreamcli xvfb-run xdotool xprop strings file; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done

# One run at a time on this machine: two would install and remove the same files.
exec 9>/tmp/frontline-package-test.lock
flock -w 900 9 || { echo "FAIL: another package test held the lock for 15 minutes"; exit 1; }

if dpkg-query -W -f='${Status}' frontline 2>/dev/null | grep -q "ok installed"; then
  echo "FAIL: a frontline package is already installed here; this test installs and removes its own."
  echo "      Remove it first (dpkg -r frontline) if it is a leftover of an interrupted run."
  exit 1
fi

TMP=$(mktemp -d /tmp/frontline-package.XXXXXX)
chmod 755 "$TMP"  # apt reads the .deb as its _apt user
INSTALLED=0
cleanup() {
  if [ "$INSTALLED" = 1 ]; then dpkg -r frontline >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
VERSION=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD/CPackConfig.cmake")
[ -n "$VERSION" ] || fail "no CPACK_PACKAGE_VERSION in $BUILD/CPackConfig.cmake"

# ---- build the package from the build tree ----
start=$(date +%s)
cpack -G DEB -B "$TMP/pkg" --config "$BUILD/CPackConfig.cmake" >"$TMP/cpack.log" 2>&1 || { cat "$TMP/cpack.log"; fail "cpack"; }
DEB=$(ls "$TMP"/pkg/frontline_*.deb)
echo "package: $(basename "$DEB"), $(du -k "$DEB" | cut -f1) KiB, built in $(( $(date +%s) - start )) s"

# ---- what is in it ----
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
echo "Depends: $DEPENDS"
for wanted in libglfw3 libsqlite3 libsodium libcairo2 libpango-1.0-0 libqrencode libasound2 libstb libcurl4 libzstd1 fonts-font-awesome; do
  grep -q "$wanted" <<<"$DEPENDS" || fail "Depends lacks $wanted"
done
# Runtime only: no compiler, no -dev package, no test tool.
for name in $(tr ',|' '\n\n' <<<"$DEPENDS" | sed 's/(.*//; s/ //g'); do
  case "$name" in
    *-dev | g++* | gcc* | cpp* | cmake | make | clang* | xvfb | xauth | xdotool | imagemagick* | poppler-utils | strace | sqlite3 | lintian)
      fail "Depends names a build or test tool: $name" ;;
  esac
done
dpkg-deb -x "$DEB" "$TMP/root"
for f in usr/bin/frontline usr/share/frontline/content/settings.json usr/share/frontline/schema/scenario.schema.json \
         usr/share/applications/frontline.desktop usr/share/metainfo/io.github.frontline.Frontline.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/frontline.svg usr/share/icons/hicolor/48x48/apps/frontline.png \
         usr/share/man/man1/frontline.1.gz usr/share/doc/frontline/copyright usr/share/doc/frontline/changelog.gz \
         usr/share/locale/es/LC_MESSAGES/frontline.mo; do
  [ -f "$TMP/root/$f" ] || fail "the package lacks /$f"
done
[ "$(find "$TMP/root/usr/bin" -type f | wc -l)" = 1 ] || fail "the package ships more than one program: $(ls "$TMP/root/usr/bin")"
file "$TMP/root/usr/bin/frontline" | grep -q ", stripped" || fail "the binary is not stripped"
# No path of this machine's checkout or build tree remains in the binary.
if strings "$TMP/root/usr/bin/frontline" | grep -F -e "$SRC" -e "$BUILD"; then fail "build paths in the installed binary (above)"; fi

# ---- the checkers ----
lintian --fail-on error,warning --display-level ">=warning" "$DEB" >"$TMP/lintian.log" 2>&1 || { cat "$TMP/lintian.log"; fail "lintian"; }
echo "lintian: no error or warning"
desktop-file-validate "$TMP/root/usr/share/applications/frontline.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$TMP/root/usr/share/metainfo/io.github.frontline.Frontline.metainfo.xml" >"$TMP/as.log" 2>&1 \
  || { cat "$TMP/as.log"; fail "appstreamcli validate"; }
# The release notes and the manual page are of this version (they are written by hand).
grep -q "<release version=\"$VERSION\"" "$TMP/root/usr/share/metainfo/io.github.frontline.Frontline.metainfo.xml" \
  || fail "the metainfo has no <release version=\"$VERSION\"> (assets/io.github.frontline.Frontline.metainfo.xml)"
zcat "$TMP/root/usr/share/man/man1/frontline.1.gz" | grep -q "^\.TH FRONTLINE 1 .*\"Frontline $VERSION\"" \
  || fail "the manual page's .TH line does not name Frontline $VERSION (assets/frontline.1)"
# The manual page documents every command the program has.
man -l "$TMP/root/usr/share/man/man1/frontline.1.gz" 2>/dev/null >"$TMP/man.txt"
for cmd in $("$BIN" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
  grep -q "^ *$cmd\b" "$TMP/man.txt" || fail "the manual page does not document the '$cmd' command"
done

# ---- install, and use it from elsewhere, as a user would ----
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "$DEB" >"$TMP/apt.log" 2>&1 \
  || { cat "$TMP/apt.log"; fail "apt-get install"; }
INSTALLED=1
mkdir -p "$TMP/elsewhere" "$TMP/data"
user_env=(env -u FRONTLINE_CONTENT XDG_DATA_HOME="$TMP/data" HOME="$TMP/elsewhere" PATH=/usr/bin:/bin)
cd "$TMP/elsewhere"
[ "$("${user_env[@]}" frontline --version)" = "frontline $VERSION" ] || fail "frontline --version"
"${user_env[@]}" frontline validate --quiet >"$TMP/validate.log" 2>&1 || { cat "$TMP/validate.log"; fail "frontline validate (installed content)"; }
tail -2 "$TMP/validate.log"
"${user_env[@]}" frontline validate --quiet /usr/share/frontline >/dev/null 2>&1 || fail "frontline validate /usr/share/frontline"
"${user_env[@]}" frontline play --list --json >"$TMP/list.json" || fail "frontline play --list"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["scenarios"] and not d["failed"], d["failed"]' "$TMP/list.json" \
  || fail "play --list from the installed content"
"${user_env[@]}" man -w frontline >/dev/null 2>&1 || fail "man frontline does not find the page"

# ---- start it from the menu entry under Xvfb: a window with WM_CLASS frontline ----
EXEC=$(sed -n 's/^Exec=//p' /usr/share/applications/frontline.desktop | sed 's/ *%[fFuUick]//g')
[ -n "$EXEC" ] || fail "no Exec line in the desktop file"
cat >"$TMP/launch.sh" <<LAUNCH
set -u
$EXEC >"$TMP/app.log" 2>&1 &
app=\$!
found=""
for _ in \$(seq 1 150); do
  found=\$(xdotool search --class '^frontline\$' 2>/dev/null | head -1)
  [ -n "\$found" ] && break
  kill -0 \$app 2>/dev/null || break
  sleep 0.2
done
name=\$( [ -n "\$found" ] && xdotool getwindowname "\$found" )
# The icon the window manager shows: every size set with glfwSetWindowIcon (xprop draws each one).
# The class is set when the window is created, the icon just after: give the icon a moment too.
icons=""
for _ in \$(seq 1 50); do
  [ -n "\$found" ] || break
  icons=\$(xprop -id "\$found" _NET_WM_ICON 2>/dev/null | grep -o 'Icon ([0-9]* x [0-9]*)' | tr '\\n' ' ')
  [ -n "\$icons" ] && break
  sleep 0.1
done
kill \$app 2>/dev/null; wait \$app 2>/dev/null
[ -n "\$found" ] && echo "window \$found: \$name; icons: \$icons"
LAUNCH
window=$("${user_env[@]}" DISPLAY= xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x800x24" bash "$TMP/launch.sh" || true)
[ -n "$window" ] || { cat "$TMP/app.log"; fail "no window with WM_CLASS frontline appeared from '$EXEC'"; }
echo "menu entry '$EXEC' opened $window"
grep -q 'Icon (48 x 48)' <<<"$window" || fail "the window has no 48x48 icon (_NET_WM_ICON)"

# ---- remove: nothing of it is left ----
dpkg -L frontline >"$TMP/files.txt"
dpkg -r frontline >/dev/null
INSTALLED=0
status=$(dpkg-query -W -f='${db:Status-Abbrev}' frontline 2>/dev/null || true)
case "$status" in "" | un*) ;; *) fail "dpkg still knows frontline after dpkg -r: '$status'" ;; esac
while read -r path; do
  [ -d "$path" ] && continue  # shared folders (/usr/share/icons/...) stay
  [ -e "$path" ] && fail "left behind: $path"
done <"$TMP/files.txt"
for dir in /usr/share/frontline /usr/share/doc/frontline; do [ ! -e "$dir" ] || fail "left behind: $dir"; done
echo "installed, used and removed cleanly"
