# Sourced by the end-to-end tests of `frontline verify` (each verdict has its own exit code).
# expect CODE ARGS...: runs "$BIN" ARGS, output in $WORK/out and $WORK/err; fails (the caller's
# fail) showing both unless it exits CODE. Needs the caller's BIN, WORK and fail.
expect() {
  local want="$1"; shift
  local got=0
  "$BIN" "$@" > "$WORK/out" 2> "$WORK/err" || got=$?
  [ "$got" = "$want" ] || { cat "$WORK/out" "$WORK/err" >&2; fail "frontline $* exited $got, expected $want"; }
}
