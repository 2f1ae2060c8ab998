"""Time to first paint and peak memory: `briefing` against a bare Textual app, in one run.

    python benchmarks/startup.py [ROUNDS]

Each app runs in a fresh child process (headless) that records the time from interpreter start
to the first screen painted, then exits; the child's peak RSS is read from the OS. The bare app
is Header, Static and Footer.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import json, resource, sys, time
started = time.perf_counter()
kind = sys.argv[1]
if kind == "briefing":
    # What `briefing` does: the app paints, then loads the briefing in a worker.
    from pathlib import Path
    import tui_app.cli  # what the console script imports first
    from tui_app.app import BriefingApp
    tmp = Path(sys.argv[2])
    app = BriefingApp(db_path=tmp / "p.db", settings_path=tmp / "s.json")
else:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Bare(App):
        def compose(self):
            yield Header()
            yield Static("Hello")
            yield Footer()

    app = Bare()

times = {}

async def pilot(p):
    times["paint"] = time.perf_counter() - started
    while kind == "briefing" and getattr(app, "briefing", None) is None:
        await p.pause(0.005)
    await p.pause()
    times["ready"] = time.perf_counter() - started
    app.exit()

app.run(headless=True, size=(100, 30), auto_pilot=pilot)
times["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(times))
"""


def measure(kind: str, tmp: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, tmp], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results: dict[str, list[dict[str, float]]] = {"bare": [], "briefing": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            for kind in results:
                results[kind].append(measure(kind, tmp))
    medians = {}
    for kind, runs in results.items():
        paint = statistics.median(r["paint"] for r in runs)
        ready = statistics.median(r["ready"] for r in runs)
        peak = max(r["peak_mib"] for r in runs)
        medians[kind] = (paint, ready)
        print(
            f"{kind:<9} first paint {paint * 1000:5.0f} ms, content shown {ready * 1000:5.0f} ms"
            f" (medians of {rounds}), peak memory {peak:5.1f} MiB"
        )
    print(
        f"ratio briefing / bare: first paint {medians['briefing'][0] / medians['bare'][0]:.2f}x,"
        f" content shown {medians['briefing'][1] / medians['bare'][1]:.2f}x"
    )


if __name__ == "__main__":
    main()
