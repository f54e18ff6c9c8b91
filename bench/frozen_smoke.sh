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
  # Linux build host: icupkg trims Qt's ICU data (resources/installer/trim_icu.py), nm/readelf/strip and
  # patchelf edit the libraries, and Qt's xcb plugin libraries must be there to be bundled (PyInstaller
  # only copies what it finds; without libxcb-icccm/keysyms the app would not open a window on a desktop
  # that lacks them). Installed here when missing, as .ci/run does for Qt's run-time libraries.
  BUILD_DEBS="icu-devtools binutils libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
    libxcb-xkb1 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0"
  if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    # shellcheck disable=SC2086
    missing=$(for deb in $BUILD_DEBS; do dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || echo "$deb"; done)
    if [ -n "$missing" ]; then
      say "== installing build packages (apt): $(echo $missing)"
      # shellcheck disable=SC2086
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    fi
  fi
  # A venv made for other requirements is made again: pip never removes a package that was dropped
  # from pyproject.toml, and PyInstaller would bundle it.
  stamp="$(sha256sum pyproject.toml | cut -c1-16)"
  if [ -d "$VENV" ] && [ "$(cat "$VENV/.capnum-pyproject" 2>/dev/null)" != "$stamp" ]; then
    say "== pyproject.toml changed: making the build venv again"
    rm -rf "$VENV"
  fi
  if [ ! -x "$VENV/bin/pyinstaller" ]; then
    say "== creating the build venv $VENV (app requirements + PyInstaller only)"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
  fi
  # Always re-sync: dependencies may have been added to pyproject.toml since the venv was made.
  mkdir -p build
  "$VENV/bin/python" -m pip install --quiet -e ".[build]" > build/pip.log 2>&1 \
    || { cat build/pip.log; say "ÉCHEC : installation des dépendances"; exit 1; }
  echo "$stamp" > "$VENV/.capnum-pyproject"
  say "== pyinstaller build.spec"
  start=$(date +%s.%N)
  "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyi build.spec \
    > build/pyinstaller.log 2>&1 || { tail -40 build/pyinstaller.log; say "ÉCHEC : la construction a échoué (build/pyinstaller.log)"; exit 1; }
  grep -E '^ICU data' build/pyinstaller.log || true
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
