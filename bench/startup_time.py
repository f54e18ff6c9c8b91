"""Time from launching CapNum Desktop to its first window on screen (target: under 3 s).

The app is started with ``CAPNUM_STARTUP_PROBE=quit``: the start-up probe
(resources/installer/pyi_rth_startup_probe.py, a runtime hook of the frozen app) prints
``CAPNUM_FIRST_WINDOW <epoch>`` when the first top-level window is exposed, then exits. The time is
measured from just before the process is spawned.

    python bench/startup_time.py                                  # frozen app in dist/CapNum
    python bench/startup_time.py --source                         # from the source tree
    python bench/startup_time.py --platform xvfb                  # a real X server (Xvfb) instead of offscreen

Only the standard library is used, so that it can time the frozen app from any Python.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "resources" / "installer" / "pyi_rth_startup_probe.py"
MARK = "CAPNUM_FIRST_WINDOW"


def source_command(extra: list[str]) -> list[str]:
    """Run the app from the source tree with the same probe the frozen app has as a runtime hook."""
    code = (
        "import runpy, sys; "
        f"runpy.run_path({str(PROBE)!r}); "
        "from capnum_desktop.app import main; "
        f"sys.exit(main({extra!r}))"
    )
    return [sys.executable, "-c", code]


def time_once(command: list[str], env: dict[str, str], timeout: float) -> float:
    """Seconds from spawn to the first exposed window; raises if the app never shows one."""
    start = time.time()
    proc = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise RuntimeError(f"no window after {timeout:.0f} s") from None
    for line in err.splitlines():
        if line.startswith(MARK):
            return float(line.split()[1]) - start
    raise RuntimeError(f"the app exited ({proc.returncode}) without showing a window:\n{err[-2000:]}")


def start_xvfb() -> tuple[subprocess.Popen, str]:
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return server, display


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frozen", default=str(ROOT / "dist" / "CapNum" / "capnum-desktop"),
                        help="path of the frozen GUI program")
    parser.add_argument("--source", action="store_true", help="time the app from the source tree instead")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", choices=["offscreen", "xvfb"], default="offscreen")
    parser.add_argument("--demo", action="store_true", help="open the demo file at start-up")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args(argv)

    extra = ["--demo"] if args.demo else []
    if args.source:
        command, label = source_command(extra), "source tree"
    else:
        if not Path(args.frozen).is_file():
            print(f"{args.frozen} is absent: build it first (bash bench/frozen_smoke.sh --build-only)")
            return 1
        command, label = [args.frozen, *extra], args.frozen

    env = dict(os.environ, CAPNUM_STARTUP_PROBE="quit")
    server = None
    if args.platform == "xvfb":
        server, display = start_xvfb()
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"

    times = []
    try:
        with tempfile.TemporaryDirectory() as home:
            env["CAPNUM_HOME"] = home
            for _ in range(args.runs):
                times.append(time_once(command, env, args.timeout))
    except RuntimeError as exc:
        print(f"ÉCHEC : {exc}")
        return 1
    finally:
        if server:
            server.terminate()
            server.wait()

    first, rest = times[0], times[1:] or times
    print(f"time to first window ({label}, {args.platform}{', demo' if args.demo else ''}): "
          f"first run {first:.2f} s, then median {statistics.median(rest):.2f} s "
          f"(min {min(rest):.2f}, max {max(rest):.2f}, {len(times)} runs); target < 3 s")
    return 0 if statistics.median(times) < 3.0 else 1


if __name__ == "__main__":
    sys.exit(main())
