#!/usr/bin/env bash
# Build the frozen app (PyInstaller, one folder) and check that it works; print the figures.
#
#   bash bench/frozen_smoke.sh              build in a clean venv, then check and measure
#   bash bench/frozen_smoke.sh --no-build   check and measure the existing dist/CapNum
#   bash bench/frozen_smoke.sh --build-only build, print build time and size, no checks
#
# The build venv (build/venv, or $CAPNUM_BUILD_VENV) holds only the app's requirements and PyInstaller:
# pandas' hook pulls in every optional dependency it finds, so never build from a development venv.
# Checks: `capnum-desktop --self-test` offscreen, `capnum prepare` on a real file of ../shared/reference
# (skipped if absent), and the time to the first window (bench/startup_time.py).
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-all}"
VENV="${CAPNUM_BUILD_VENV:-build/venv}"
DIST="dist/CapNum"
REAL_FILE="${CAPNUM_SMOKE_FILE:-../shared/reference/real-files/transport-site-bnlc/csv_utf8.csv}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

say() { printf '%s\n' "$*"; }

if [ "$MODE" != "--no-build" ]; then
  if [ ! -x "$VENV/bin/pyinstaller" ]; then
    say "== creating the build venv $VENV (app requirements + PyInstaller only)"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
  fi
  # Always re-sync: dependencies may have been added to pyproject.toml since the venv was made.
  mkdir -p build
  "$VENV/bin/python" -m pip install --quiet -e ".[build]" > build/pip.log 2>&1 \
    || { cat build/pip.log; say "ÉCHEC : installation des dépendances"; exit 1; }
  say "== pyinstaller build.spec"
  start=$(date +%s.%N)
  "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyi build.spec \
    > build/pyinstaller.log 2>&1 || { tail -40 build/pyinstaller.log; say "ÉCHEC : la construction a échoué (build/pyinstaller.log)"; exit 1; }
  end=$(date +%s.%N)
  say "build time: $(python3 -c "print(f'{$end - $start:.0f} s')")"
fi

[ -x "$DIST/capnum-desktop" ] || { say "ÉCHEC : $DIST/capnum-desktop est absent ; lancez sans --no-build"; exit 1; }
say "folder size: $(du -sh "$DIST" | cut -f1) on disk, $(du -sh --apparent-size "$DIST" | cut -f1) apparent, $(find "$DIST" -type f | wc -l) files"
largest_parts() {
  du -s --apparent-size -k "$DIST"/_internal/* | sort -rn | head -8 \
    | awk '{ n = split($2, p, "/"); printf "%s %.0f MB; ", p[n], $1 / 1024 }'
}
say "largest parts: $(largest_parts)"
if [ "$MODE" = "--build-only" ]; then exit 0; fi

if [ "${CAPNUM_SMOKE_COMPRESS:-1}" = "1" ]; then
  archive=$(mktemp --suffix=.tar.gz)
  tar -C dist -czf "$archive" CapNum
  say "compressed (tar.gz): $(du -h "$archive" | cut -f1)"
  rm -f "$archive"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CAPNUM_HOME="$work/home"
failed=0

say "== capnum-desktop --self-test"
if "$DIST/capnum-desktop" --self-test > "$work/self-test.log" 2>&1; then
  say "ok   self-test"
else
  cat "$work/self-test.log"; say "ÉCHEC self-test"; failed=1
fi

say "== capnum --version / --help"
"$DIST/capnum" --version
"$DIST/capnum" --help > /dev/null

if [ -f "$REAL_FILE" ]; then
  say "== capnum prepare $(basename "$(dirname "$REAL_FILE")")/$(basename "$REAL_FILE")"
  set +e
  /usr/bin/time -f "prepare: %e s, peak RSS %M KB" "$DIST/capnum" prepare "$REAL_FILE" -o "$work/out" \
    > "$work/prepare.log" 2>&1
  rc=$?
  set -e
  # 0 = valid output, 1 = output written with validation errors; both mean the program worked.
  if [ "$rc" -le 1 ] && [ -f "$work/out/datapackage.json" ]; then
    tail -3 "$work/prepare.log"
    say "ok   prepare (exit $rc): $(ls "$work/out" | tr '\n' ' ')"
  else
    cat "$work/prepare.log"; say "ÉCHEC prepare (exit $rc)"; failed=1
  fi
else
  say "-- prepare skipped: $REAL_FILE is absent"
fi

say "== time to first window"
python3 bench/startup_time.py --frozen "$DIST/capnum-desktop" --runs 5 || failed=1

exit $failed
