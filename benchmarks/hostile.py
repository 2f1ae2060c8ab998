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


def _big_bank(folder: Path) -> Path:
    """A briefing at the schema's limit of 1,000 facts (5 cards of 200), made-up words."""
    import random

    import yaml

    rng = random.Random(1)
    words = [f"w{i}x" for i in range(3000)]

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n))

    article = " ".join(sentence(60) + "." for _ in range(200))
    (folder / "big.txt").write_text(article, encoding="utf-8")
    quote = article[:100].rsplit(" ", 1)[0]
    cards = []
    for c in range(5):
        facts = []
        for f in range(200):
            answer: dict[str, object]
            if f % 3 == 0:
                answer = {"canonical": sentence(2), "variants": [sentence(2) for _ in range(8)]}
                kind = "text"
            elif f % 3 == 1:
                items = [{"key": f"k{i}", "answer": sentence(2)} for i in range(6)]
                answer, kind = {"items": items}, "list"
            else:
                answer, kind = {"value": 1234, "unit": "km"}, "quantity"
            facts.append(
                {"id": f"f{c}-{f}", "kind": kind, "question": sentence(10),
                 "statement": sentence(10), "evidence": quote, "answer": answer}
            )  # fmt: skip
        cards.append({"id": f"c{c}", "title": "t", "summary": sentence(20), "facts": facts})
    data = {"id": "big", "title": "Big", "source": {"file": "big.txt", "title": "t"}}
    path = folder / "big.yaml"
    path.write_text(yaml.safe_dump({**data, "cards": cards}, width=10**9), encoding="utf-8")
    return path


def _time_big_bank(folder: Path) -> None:
    from briefing_data.loader import load_briefing
    from quiz_bank.exports import export_text
    from quiz_bank.marking import grade_question
    from quiz_bank.questions import find_question

    path = _big_bank(folder)
    started = time.perf_counter()
    briefing = load_briefing(path)
    loaded = time.perf_counter()
    export_text(briefing, "json")
    exported = time.perf_counter()
    for fact in briefing.facts():
        grade_question(briefing, find_question(briefing, fact.id), "w1x w2x w3x")
    graded = time.perf_counter()
    size = path.stat().st_size
    print(
        f"a briefing of 1,000 facts ({size:,} bytes): load {loaded - started:.1f} s, "
        f"export json {exported - loaded:.1f} s, "
        f"grade one answer per fact {graded - exported:.1f} s"
    )


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
    if not args.python:
        with tempfile.TemporaryDirectory() as tmp:
            _time_big_bank(Path(tmp))


if __name__ == "__main__":
    main()
