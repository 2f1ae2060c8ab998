"""Hostile inputs: how many were tried on every entry point, and how many were handled cleanly.

    python benchmarks/hostile.py [--python OTHER_PYTHON]

Builds the corpus of tests/hostile_corpus.py in a temporary folder (deep and odd YAML/TOML,
huge numbers, FIFOs, devices, symbolic-link loops, huge CSV fields, undecodable and
unsplittable lines, strings that try to fool the grader) and runs every case through
`briefing` in one child process limited to 1 GiB. Clean means: exit 0 or 2, exactly one line
on stderr for 2, no traceback, no hang, and a refused file's bytes unchanged. With --python,
the cases run under another environment's `briefing` (another checkout's .venv) to compare.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="Run the cases with this interpreter instead.")
    parser.add_argument("--hang", type=float, default=10.0, help="Hang guard per case, seconds.")
    args = parser.parse_args()
    if args.python:
        sys.executable = args.python  # run_cases starts the child with sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = hostile_corpus.build_corpus(folder)
        before = hostile_corpus.snapshot(folder)
        started = time.perf_counter()
        results = {str(r["name"]): r for r in hostile_corpus.run_cases(cases, folder, args.hang)}
        seconds = time.perf_counter() - started
        after = hostile_corpus.snapshot(folder)
    failures: Counter[str] = Counter()
    clean = 0
    for case in cases:
        found = hostile_corpus.problems(case, results[case.name])
        if found:
            kind = case.name.split(":")[0].split(" #")[0]
            failures[f"{kind}: {found[0][:90]}"] += 1
        else:
            clean += 1
    changed = [path for path, digest in before.items() if after.get(path) != digest]
    print(
        f"hostile inputs tried: {len(cases)}; handled cleanly: {clean} ({clean / len(cases):.1%})"
    )
    print(f"input files whose bytes changed: {len(changed)} of {len(before)}")
    print(f"wall time for all cases in one child process: {seconds:.1f} s")
    for what, count in failures.most_common(25):
        print(f"  {count:>3} x {' '.join(what.split())}")
    version = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    print(f"(python {version} at {sys.executable})")


if __name__ == "__main__":
    main()
