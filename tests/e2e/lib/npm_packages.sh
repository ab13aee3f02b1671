# Sourced by the end-to-end tests that check Frontline's output with independent npm libraries
# (jose, jsonld, the xAPI validator). `npm_packages CACHE NAME@VERSION…` installs the packages once into
# CACHE (a folder of the build tree) with Debian's node and npm. Needs the caller's WORK and fail.
# Exits 77 (ctest: skipped) only when npm cannot reach its registry; an install that fails while the
# registry answers fails the test.
npm_packages() {
  local cache="$1"; shift
  command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are missing (scripts/install-deps.sh installs them)"
  local missing=0 spec name
  for spec in "$@"; do
    name="${spec%@*}"  # jose@5 -> jose, @scope/pkg@3 -> @scope/pkg
    [ -f "$cache/node_modules/$name/package.json" ] || missing=1
  done
  [ "$missing" = 1 ] || return 0
  if ! npm ping > "$WORK/ping.txt" 2>&1; then
    echo "SKIP: npm cannot reach its registry:"; cat "$WORK/ping.txt"; exit 77
  fi
  mkdir -p "$cache"
  (cd "$cache" && npm install --no-audit --no-fund --no-save --prefix "$cache" "$@" > "$WORK/npm.txt" 2>&1) \
    || { cat "$WORK/npm.txt" >&2; fail "npm install $* failed although the registry answers"; }
}
