#!/usr/bin/env bash
# Smoke test of the frozen build: run the built folder as a user would, with a clean
# environment (env -i: no venv, no Python on PATH, a fresh HOME) and, where the kernel lets us,
# no network. Every step must succeed; prints each step's time, the cold start and the total.
#
#   packaging/smoke.sh [FOLDER]      (default: build/dist/casefile, from packaging/build.sh)
#   CASEFILE_SMOKE_SHOTS=DIR: keep the screening dialog's picture (screening.png) there
#
# Needs: pdffonts (poppler-utils) to see the CJK font embedded in the PDF, iconv.
set -euo pipefail
export LC_ALL=C.UTF-8  # so that ${#name} counts characters (the step names are in 3 scripts)
cd "$(dirname "$0")/.."
APP=$(cd "${1:-build/dist/casefile}" && pwd)
[ -x "$APP/casefile" ] && [ -x "$APP/casefile-gui" ] || { echo "smoke: no build in $APP"; exit 1; }
WORK=$(mktemp -d /tmp/casefile-smoke.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home"
START=$(date +%s.%N)

# no network: a new network namespace with no interface but lo, when we may make one
NONET=()
if unshare -rn true 2>/dev/null; then NONET=(unshare -rn); fi

clean() {  # run a command of the built folder in a clean environment
  env -i HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    ${NONET[@]+"${NONET[@]}"} "$@"
}
pad() { local n=$(( 34 - ${#1} )); printf '%s%*s' "$1" $(( n > 0 ? n : 0 )) ''; }
elapsed() { python_free_sub "$1" "$(date +%s.%N)"; }
python_free_sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
step() {  # step NAME EXPECTED-TEXT COMMAND...: runs it, checks output, prints the time
  step_exit 0 "$@"
}
step_exit() {  # step_exit STATUS NAME EXPECTED-TEXT COMMAND...: as step, exiting with STATUS
  local status=$1 name=$2 want=$3; shift 3
  local t0 out rc=0
  t0=$(date +%s.%N)
  out=$(cd "$WORK" && clean "$@" 2>&1) || rc=$?
  if [ "$rc" != "$status" ]; then
    printf 'smoke: FAIL %s (exit status %s, not %s)\n%s\n' "$name" "$rc" "$status" "$out"
    exit 1
  fi
  if [ -n "$want" ] && ! grep -q -- "$want" <<<"$out"; then
    printf 'smoke: FAIL %s: %q not in its output:\n%s\n' "$name" "$want" "$out"; exit 1
  fi
  printf 'smoke: ok   %s %6s s   %s\n' "$(pad "$name")" "$(elapsed "$t0")" \
    "$(head -n 1 <<<"$out" | cut -c1-70)"
  LAST=$out
}

# the licences the build wrote: the list the About dialog shows, and the Qt notice
for f in LICENSES/README.txt LICENSES/Qt/NOTICE.txt LICENSES/Qt/LGPL-3.0.txt \
         _internal/casefile/resources/licenses.txt; do
  [ -s "$APP/$f" ] || { echo "smoke: FAIL $f is missing"; exit 1; }
done
grep -q "PySide6" "$APP/_internal/casefile/resources/licenses.txt" ||
  { echo "smoke: FAIL the licence list does not name PySide6"; exit 1; }
echo "smoke: $APP (network: ${NONET[*]:-not cut off: no user namespaces here})"
# nothing from the developer's environment reaches the app: no PATH (so no python on it),
# no venv, no PYTHON* variables
leaked=$(clean /usr/bin/env | grep -E '^(PATH|VIRTUAL_ENV|PYTHON[A-Z]*|LD_LIBRARY_PATH)=' || true)
[ -z "$leaked" ] || { echo "smoke: FAIL the clean environment has $leaked"; exit 1; }

window() {  # window NAME ARGS...: open the main window offscreen, paint, quit
  local name=$1; shift
  local t0 out bad
  t0=$(date +%s.%N)
  if ! out=$(cd "$WORK" && clean "$APP/casefile-gui" --paint-and-quit "$@" 2>&1); then
    echo "smoke: FAIL $name: $out"; exit 1
  fi
  grep -q "first paint:" <<<"$out" || { echo "smoke: FAIL $name: no first paint: $out"; exit 1; }
  bad=$(grep -v -e "first paint" -e "propagateSizeHints" <<<"$out" || true)
  [ -z "$bad" ] || { echo "smoke: FAIL $name said: $bad"; exit 1; }
  PAINT=$(grep -o "first paint: [0-9.]* s" <<<"$out" | awk '{print $3}')
  printf 'smoke: ok   %s %6s s   %s\n' "$(pad "$name")" "$(elapsed "$t0")" "$(grep 'first paint' <<<"$out")"
}

# cold: the page cache holds none of the folder (when we may drop it), nothing ran before
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null && echo "smoke: page cache dropped" || true
window "main window, cold (start screen)"
COLD=$PAINT
step "--version" "casefile " "$APP/casefile" --version
VERSION_LINE=$LAST
step "demo" "demo" "$APP/casefile" demo demo.casefile
step "check" "" "$APP/casefile" check demo.casefile
step "info" "" "$APP/casefile" info demo.casefile
# 北方 ("north"), two characters inside 中国北方工业集团有限公司, NORINCO's Chinese name
step "search Chinese: 北方" "China North Industries" "$APP/casefile" search demo.casefile "北方"
step "export-pdf" "" "$APP/casefile" export-pdf demo.casefile -o dossier.pdf
[ -s "$WORK/dossier.pdf" ] || { echo "smoke: FAIL no dossier.pdf"; exit 1; }
fonts=$(pdffonts "$WORK/dossier.pdf")
grep -i "DroidSansFallback" <<<"$fonts" | grep -q " yes " ||
  { echo "smoke: FAIL the CJK font is not embedded:"; echo "$fonts"; exit 1; }
echo "smoke: ok   pdffonts: CJK font embedded      $(grep -i -m1 DroidSansFallback <<<"$fonts" | awk '{print $1}')"

printf '%s\n' "Отправитель/Экспортер;Получатель;Дата;Описание товаров;Вес брутто (кг);Страна происхождения;Страна назначения" \
  "NORINCO;АО «Техкрим»;05.06.2022;Ружья охотничьи;1 234,5;КИТАЙ;РОССИЯ" \
  "NORINCO;ООО «Восток»;12.07.2022;Запасные части;500;КИТАЙ;РОССИЯ" |
  iconv -f UTF-8 -t CP1251 > "$WORK/declarations.csv"
step "new case" "" "$APP/casefile" new imported.casefile --title "Smoke"
step "import cp1251 CSV" "" "$APP/casefile" import imported.casefile declarations.csv --accept-missing
step "search Cyrillic: Техкрим" "Техкрим" "$APP/casefile" search imported.casefile "Техкрим"
step "check after import" "" "$APP/casefile" check imported.casefile
# a file large enough that the content digests are made by the digest worker process
# (casefile.store.digest_sums, spawned: in a frozen build it must start from the app itself)
awk 'BEGIN { print "Date,Shipper,Consignee,Goods,Weight,Origin,Destination";
             for (i = 0; i < 12000; i++)
               printf "2022-%02d-%02d,Maker %d Ltd,Buyer %d LLC,parts lot %d,%d,CN,RU\n",
                      i % 12 + 1, i % 28 + 1, i % 700, i % 900, i, i + 1 }' > "$WORK/bulk.csv"
step "new case for a 12,000-row import" "" "$APP/casefile" new bulk.casefile --title "Bulk"
step "import 12,000 rows (digest worker)" "" env CASEFILE_DIGEST_WORKER_REQUIRED=1 "$APP/casefile" import bulk.casefile bulk.csv
step "check after the bulk import" "" "$APP/casefile" check bulk.casefile

# screening (rigour; PyICU over the folder's trimmed ICU data, packaging/icu_data.py): a
# watchlist in OpenSanctions' entities.ftm.json format whose NORINCO entry has only the pinyin
# of its Chinese name, so that the demo case's 中国北方工业集团有限公司 is found only through
# ICU's Han-Latin transliteration; Tekhkrim through rigour's own (Техкрим)
entity() {  # entity ID SCHEMA NAME [ALIAS]: one line of entities.ftm.json
  printf '{"id": "%s", "schema": "%s", "caption": "%s", "properties": {"name": ["%s"]%s}, "datasets": ["smoke"], "referents": [], "first_seen": "2024-01-01T00:00:00", "last_seen": "2024-06-01T00:00:00", "last_change": "2024-05-01T10:00:00", "target": true}\n' \
    "$1" "$2" "$3" "$3" ", \"topics\": [\"sanction\"]${4:+, \"alias\": [\"$4\"]}"
}
{ entity NK-norinco Company "Zhongguo Beifang Gongye Jituan Youxian Gongsi"
  entity NK-tekhkrim Company "OOO TEKHKRIM" "ООО «Техкрим»"
  entity NK-smith Person "John Smith"; } > "$WORK/smoke-list.ftm.json"
step "watchlist import" "smoke: 3 added" "$APP/casefile" watchlist import smoke-list.ftm.json --name smoke
# exit status 3: flagged hits wait for a decision; two scoring processes spawned from the app
step_exit 3 "screen (2 worker processes)" "Screened 12 parties against smoke" \
  "$APP/casefile" screen demo.casefile --workers 2
for want in "China North Industries Group Corporation Limited  ~  Zhongguo Beifang" \
            "pinyin/romanised form of 中国北方工业集团有限公司" "Tekhkrim  ~  OOO TEKHKRIM"; do
  grep -q -- "$want" <<<"$LAST" || { printf 'smoke: FAIL screen: %q not in:\n%s\n' "$want" "$LAST"; exit 1; }
done
# the screening dialog in the frozen GUI, driven by smoke_screening.py: the app runs no script
# it is given, but its multiprocessing bootstrap (--multiprocessing-fork) runs the main module
# a spawned worker's preparation names; the preparation, a protocol-0 pickle of
# {"init_main_from_path": PATH}, comes on descriptor 3
cp packaging/smoke_screening.py "$WORK/"
printf '(dp0\nVinit_main_from_path\np1\nV%s\np2\ns.' "$WORK/smoke_screening.py" > "$WORK/prep.pickle"
step "screening dialog on the demo case" "smoke_screening: ok" /bin/sh -c \
  'exec "$0" --multiprocessing-fork pipe_handle=3 3<prep.pickle' "$APP/casefile-gui"
grep "smoke_screening: [0-9]" <<<"$LAST" | sed 's/^smoke_screening:/smoke:        /'
[ -s "$WORK/screening.png" ] || { echo "smoke: FAIL the dialog was not saved to screening.png"; exit 1; }
if [ -n "${CASEFILE_SMOKE_SHOTS:-}" ]; then cp "$WORK/screening.png" "$CASEFILE_SMOKE_SHOTS/"; fi

window "main window on the demo case" open demo.casefile

# the unpacked folder's desktop registration, for a user without administrator rights
t0=$(date +%s.%N)
env -i HOME="$WORK/home" PATH=/usr/bin:/bin "$APP/install-desktop.sh" >/dev/null
for f in applications/org.casefile.Casefile.desktop mime/packages/casefile.xml \
         icons/hicolor/256x256/apps/casefile.png; do
  [ -e "$WORK/home/.local/share/$f" ] || { echo "smoke: FAIL install-desktop.sh left out $f"; exit 1; }
done
grep -q "^Exec=$APP/casefile-gui %f" "$WORK/home/.local/share/applications/org.casefile.Casefile.desktop" ||
  { echo "smoke: FAIL the installed desktop entry does not start $APP/casefile-gui"; exit 1; }
printf 'smoke: ok   %s %6s s\n' "$(pad "install-desktop.sh (user menu, MIME)")" "$(elapsed "$t0")"

# the .deb (when built beside the folder): what it installs, and its casefile runs
DEB=$(ls "$APP"/../../pkg/casefile_*.deb 2>/dev/null | head -n 1 || true)
if [ -n "$DEB" ]; then
  t0=$(date +%s.%N)
  dpkg-deb -x "$DEB" "$WORK/deb"
  for f in usr/share/applications/org.casefile.Casefile.desktop \
           usr/share/mime/packages/casefile.xml usr/share/metainfo/org.casefile.Casefile.metainfo.xml \
           usr/share/icons/hicolor/48x48/apps/casefile.png usr/share/icons/hicolor/scalable/apps/casefile.svg \
           opt/casefile/LICENSES/Qt/NOTICE.txt usr/share/doc/casefile/copyright; do
    [ -e "$WORK/deb/$f" ] || { echo "smoke: FAIL the .deb lacks /$f"; exit 1; }
  done
  [ "$(readlink "$WORK/deb/usr/bin/casefile")" = /opt/casefile/casefile ] ||
    { echo "smoke: FAIL /usr/bin/casefile in the .deb is not a link to /opt/casefile/casefile"; exit 1; }
  v=$(clean "$WORK/deb/opt/casefile/casefile" --version)
  [ "$v" = "$VERSION_LINE" ] || { echo "smoke: FAIL the .deb's casefile says $v"; exit 1; }
  printf 'smoke: ok   %s %6s s   %s\n' "$(pad ".deb contents, its casefile runs")" "$(elapsed "$t0")" "$(basename "$DEB")"
fi

total=$(elapsed "$START")
echo "target: cold start to first paint    ${COLD} s  (<= 3 s) $(awk -v p="$COLD" 'BEGIN{print (p <= 3 ? "ok" : "OVER")}')"
echo "target: smoke suite                  ${total} s  (<= 300 s) $(awk -v t="$total" 'BEGIN{print (t <= 300 ? "ok" : "OVER")}')"
echo "smoke: passed"
