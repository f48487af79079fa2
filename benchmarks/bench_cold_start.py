"""Cold start benchmark (issue 19: first window ≤ 3 s), offscreen.

Runs ``python -m casefile --paint-and-quit`` (the start screen, then a demo case given on the
command line) in fresh processes and prints the first-paint times the window reports, next to
a baseline measured in the same run: a bare Qt window (QApplication + an empty QMainWindow)
painting in a fresh process of the same interpreter — the floor no deferral can go below.
The ratio says how much Casefile adds to that floor. Run a frozen build's own figure with
``packaging/smoke.sh``.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_cold_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from casefile.ui.app import since_start
app = QApplication([])
win = QMainWindow()
win.resize(1400, 860)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first paint: {since_start():.2f} s after start", flush=True)
            QTimer.singleShot(0, watched.close)
        return False
probe = Probe()
win.installEventFilter(probe)
win.show()
app.exec()
"""


def first_paint(cmd: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True,
                         timeout=120).stdout
    line = next(x for x in out.splitlines() if x.startswith("first paint:"))
    return float(line.split()[2])


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": tmp,
               "XDG_DATA_HOME": tmp, "CASEFILE_LOG_DIR": tmp}
        case = Path(tmp) / "demo.casefile"
        subprocess.run([sys.executable, "-m", "casefile", "demo", str(case)], env=env,
                       check=True, capture_output=True, timeout=120)
        runs = {
            "bare Qt window (baseline)": [sys.executable, "-c", BARE],
            "start screen": [sys.executable, "-m", "casefile", "--paint-and-quit"],
            "demo case": [sys.executable, "-m", "casefile", "--paint-and-quit", str(case)],
        }
        medians: dict[str, float] = {}
        for name, cmd in runs.items():
            times = [first_paint(cmd, env) for _ in range(args.runs)]
            medians[name] = statistics.median(times)
            print(f"{name:28s} median {medians[name]:.2f} s  (min {min(times):.2f}, "
                  f"max {max(times):.2f}, {args.runs} runs)")
        base = medians["bare Qt window (baseline)"]
        for name in ("start screen", "demo case"):
            print(f"{name:28s} {medians[name] / base:.1f}× the bare window; target ≤ 3 s: "
                  f"{'met' if medians[name] <= 3.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
