"""Start-up: `trainer gui --exit-when-ready` against a bare PySide6 window, both timed from process spawn.

Reports the median wall time from spawning the process to (a) its first paint and (b) the main window
showing real data from the database, plus the app's peak resident memory. A warm-up run creates the
database and loads the bundled bank first (first start), so the timed runs are ordinary starts.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

class W(QWidget):
    done = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.done:
            self.done = True
            print(f"paint_epoch={time.time():.4f}", flush=True)
            QTimer.singleShot(0, app.quit)

app = QApplication([])
w = W()
w.resize(1280, 800)
w.show()
app.exec()
"""


def _spawn(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, float], int]:
    """(spawn epoch, stamps printed by the child, peak RSS of the child in KiB)."""
    t0 = time.time()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise RuntimeError(f"{args} failed ({status}): {out}")
    stamps = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", out)}
    return t0, stamps, usage.ru_maxrss


def run(repeats: int = 7) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE, encoding="utf-8")
        app_args = [sys.executable, "-m", "trainer", "--data-dir", str(Path(tmp) / "data"), "gui", "--exit-when-ready"]
        first_start = time.time()
        subprocess.run(app_args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        first_start_ms = (time.time() - first_start) * 1000
        bare, paint, ready, rss = [], [], [], []
        for _ in range(repeats):
            t0, stamps, _ = _spawn([sys.executable, str(bare_script)], env)
            bare.append((stamps["paint_epoch"] - t0) * 1000)
            t0, stamps, peak = _spawn(app_args, env)
            paint.append((stamps["paint_epoch"] - t0) * 1000)
            ready.append((stamps["ready_epoch"] - t0) * 1000)
            rss.append(peak)
    bare_ms, paint_ms, ready_ms = (statistics.median(x) for x in (bare, paint, ready))
    return {
        "floor_bare_window_paint_ms": round(bare_ms),
        "first_paint_ms": round(paint_ms),
        "first_paint_ratio": round(paint_ms / bare_ms, 2),
        "ready_with_data_ms": round(ready_ms),
        "first_start_with_bank_load_ms": round(first_start_ms),
        "peak_rss_mib": round(max(rss) / 1024),
        "target_first_paint_ratio": 1.5,
        "target_ready_ms": 600,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
