#!/usr/bin/env bash
# The translation catalogs, one per part of the program (see po/README.md):
#   scripts/i18n-update.sh [PART...]          extract PART's messages into po/PART.pot and merge them
#                                             into every po/<lang>/PART.po (new ones untranslated)
#   scripts/i18n-update.sh --check [PART...]  change nothing; exit 1 when a catalog lacks a
#                                             translation, has a fuzzy one, or keeps a message the
#                                             sources no longer have
# PART is ui, cli or common (all three when none is given).
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(ui cli common)

sources_of() {
  case "$1" in
    ui) ls app/ui/src/*.cpp app/ui/include/frontline/ui/*.hpp app/platform/*.cpp ;;
    cli) ls app/cli/*.cpp app/cli/*.hpp app/main.cpp ;;
    common) ls app/i18n/src/*.cpp app/certs/src/*.cpp app/export/src/*.cpp app/store/src/*.cpp \
                scenarios/src/*.cpp scoring/src/*.cpp ;;
    *) echo "i18n-update: unknown part '$1' (ui, cli or common)" >&2; exit 2 ;;
  esac
}

extract() {  # part output.pot
  sources_of "$1" | xgettext --files-from=- --from-code=UTF-8 --language=C++ --sort-by-file --add-location=file \
    --keyword=tr --keyword=trn:1,2 --keyword=trc:1c,2 --keyword=N_ --keyword=NC_:1c,2 --add-comments=TRANSLATORS: \
    --package-name=frontline --msgid-bugs-address=unused -o "$2"
  touch "$2"  # xgettext writes nothing for a part with no marked message yet
  # xgettext's own header carries a date (the .pot would change on every run) and is needed: with
  # --omit-header it writes ASCII and drops "—" and "…". Swap it for a minimal, fixed one.
  printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' > "$2.tmp"
  awk 'body; /^$/ { body = 1 }' "$2" >> "$2.tmp" && mv "$2.tmp" "$2"

}

status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for part in "${parts[@]}"; do
  pot="$work/$part.pot"
  extract "$part" "$pot"
  [ $check -eq 0 ] && cp "$pot" "po/$part.pot"
  for dir in po/*/; do
    lang=$(basename "$dir")
    catalog="$dir$part.po"
    if [ ! -f "$catalog" ]; then
      [ $check -eq 1 ] && { echo "po/$lang: no $part.po"; status=1; }
      continue
    fi
    if [ $check -eq 0 ]; then
      msgmerge --quiet --no-fuzzy-matching --backup=none --update "$catalog" "po/$part.pot"
      continue
    fi
    # The header (plural rule) and every printf directive, as the build's msgfmt --check wants them.
    msgfmt --check -o "$work/check.mo" "$catalog" 2>"$work/msgfmt.log" || { echo "$catalog:"; grep -v warning "$work/msgfmt.log"; status=1; }
    msgmerge --quiet --no-fuzzy-matching -o "$work/merged.po" "$catalog" "$pot"
    for kind in untranslated fuzzy only-obsolete; do
      count=$(msgattrib --$kind --no-wrap "$work/merged.po" 2>/dev/null | grep -c '^#\?~\? \?msgid "[^"]' || true)
      if [ "$count" -gt 0 ]; then
        echo "$catalog: $count ${kind/only-/} message(s), e.g.:"
        msgattrib --$kind --no-wrap "$work/merged.po" | grep '^#\?~\? \?msgid "[^"]' | head -5
        status=1
      fi
    done
  done
done
exit $status
