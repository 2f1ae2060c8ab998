"""Grading figures, side by side: dev, own dev, held-out built-in, held-out imported; throughput.

    python benchmarks/grading.py [--import-cmd CMD] [--shared DIR] [--baselines]

- dev: the shared dev cases (`shared/eval/grading_dev.jsonl`) on the built-in briefing;
- own dev: `tests/data/grading_dev_own.jsonl`, written for tuning;
- held-out built-in: `benchmarks/heldout/grading_builtin.jsonl` (frozen; measured, never tuned);
- own dev imported: `tests/data/grading_dev_own_<article>.jsonl`, answers written for tuning;
- held-out imported: `benchmarks/heldout/grading_<article>.jsonl`; both name a gold fact
  (`gold`: line index into `shared/eval/articles/<article>.gold.jsonl`). The article is imported
  with `CMD import` (default: this project's `briefing`); each gold fact is mapped to the
  generated fact whose evidence covers at least half of the gold evidence's words (the most
  covering one), and the answer is graded against that fact's recall question. Answers whose gold
  fact has no generated fact are counted as "not covered", apart from the agreement.
- throughput: answers/s graded in-process (warm caches) and through `briefing grade --jsonl`
  (one process, start-up included), per wall-clock second and per CPU second (the machine may
  be shared, which slows the wall clock but not the CPU time).

Agreement: a one-answer case agrees when `correct` equals `expect`; a list case when the number
of distinct items credited equals `expect`. A false accept is a one-answer case marked wrong
that the grader calls correct. `--show` prints the disagreeing lines of the dev sets only.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shlex
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing_data.loader import builtin_briefing, load_briefing
from briefing_data.models import Briefing
from quiz_bank.marking import grade_question
from quiz_bank.normalize import tokens
from quiz_bank.questions import find_question

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OWN_DEV = ROOT / "tests" / "data" / "grading_dev_own.jsonl"
HELDOUT = ROOT / "benchmarks" / "heldout"
# (label, article, answers): own dev answers to tune on, held-out answers only to measure.
IMPORTED = [
    (
        "own dev imported (south-korea-impeachment)",
        "south-korea-impeachment",
        ROOT / "tests" / "data" / "grading_dev_own_south-korea-impeachment.jsonl",
    ),
    (
        "own dev imported (devsecops-survey-2024)",
        "devsecops-survey-2024",
        ROOT / "tests" / "data" / "grading_dev_own_devsecops-survey-2024.jsonl",
    ),
    (
        "held-out imported (china-plague-cases)",
        "china-plague-cases",
        HELDOUT / "grading_china-plague-cases.jsonl",
    ),
]


@dataclass
class Score:
    agree: int = 0
    total: int = 0
    false_accepts: int = 0
    not_covered: int = 0

    def cell(self) -> str:
        if not self.total:
            return "n/a"
        return f"{self.agree}/{self.total} {self.agree / self.total:.1%} FA {self.false_accepts}"


def read_cases(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def agrees(expect: object, correct: bool, matched: list[str]) -> tuple[bool, bool]:
    """(agrees, false accept) for one case."""
    got: object = correct if isinstance(expect, bool) else len(set(matched))
    return got == expect, isinstance(expect, bool) and correct and not expect


def score_cases(
    briefing: Briefing, cases: list[tuple[str, str, object]], show: str | None = None
) -> Score:
    out = Score()
    for qid, answer, expect in cases:
        v = grade_question(briefing, find_question(briefing, qid), answer)
        ok, fa = agrees(expect, v.correct, v.matched)
        out.total += 1
        out.agree += ok
        out.false_accepts += fa
        if show and not ok:
            print(f"  [{show}] FAIL {qid}: {answer!r} expected {expect} ({v.feedback})")
    return out


# -- an imported article ---------------------------------------------------------------------

_TR = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKC", text or "").translate(_TR).casefold()
    return set(re.findall(r"[a-z0-9]+", folded))


def cover(gold: str, got: str) -> float:
    g = _words(gold)
    return len(g & _words(got)) / max(len(g), 1)


def import_article(import_cmd: str, article: Path, out_dir: Path) -> Path:
    target = out_dir / "b.yaml"
    proc = subprocess.run(
        [*shlex.split(import_cmd), "import", str(article), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"import failed: {proc.stderr.strip()[-300:]}")
    return target


def _words_list(text: str) -> set[str]:
    return _words(text)


def asks_for(briefing: Briefing, fact_id: str, gold: dict[str, object]) -> bool:
    """Whether the generated fact asks for the gold answer: their answers share >= 60% of
    words (as `gen_score.py` counts a fact recovered), or name the same figure. The grader
    is not asked, so the mapping is the same whichever grader is measured."""
    items = gold.get("items")
    answer = (
        ", ".join(map(str, items)) if gold.get("kind") == "list" and items else str(gold["answer"])
    )
    mine = briefing.fact(fact_id).answer_text
    ga, fa = _words(answer), _words(mine)
    if ga and fa and len(ga & fa) / max(len(ga), len(fa)) >= 0.6:
        return True
    figures = {t for t in tokens(answer) if t.replace(".", "").isdigit()}
    return bool(figures) and figures == {t for t in tokens(mine) if t.replace(".", "").isdigit()}


def map_gold(briefing: Briefing, gold: list[dict[str, object]]) -> dict[int, str | None]:
    """Gold line -> the generated fact that asks for it, or None (not covered).

    The candidates are the three generated facts whose evidence covers most of the gold
    evidence (at least half of its words); the first of them that asks for the gold answer is
    taken, much as `shared/eval/gen_score.py` counts a gold fact recovered. A sentence often carries
    several facts, so the best-covering evidence alone may belong to another question.
    """
    out: dict[int, str | None] = {}
    facts = briefing.facts()
    for index, g in enumerate(gold):
        ranked = sorted(facts, key=lambda f: -cover(str(g["evidence"]), f.evidence))
        near = [f for f in ranked[:3] if cover(str(g["evidence"]), f.evidence) >= 0.5]
        out[index] = next((f.id for f in near if asks_for(briefing, f.id, g)), None)
    return out


def imported_cases(
    briefing: Briefing, article: str, shared: Path, path: Path
) -> tuple[list[tuple[str, str, object]], int]:
    gold_path = shared / "eval" / "articles" / f"{article}.gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
    mapping = map_gold(briefing, gold)
    cases: list[tuple[str, str, object]] = []
    not_covered = 0
    for case in read_cases(path):
        fact_id = mapping.get(int(str(case["gold"])))
        if fact_id is None:
            not_covered += 1
        else:
            cases.append((fact_id, str(case["answer"]), case["expect"]))
    return cases, not_covered


# -- throughput ------------------------------------------------------------------------------


def in_process_rate(
    briefing: Briefing, cases: list[tuple[str, str, object]]
) -> tuple[float, float]:
    """(answers per wall second, answers per CPU second) graded in-process, caches warm."""
    pairs = [(find_question(briefing, q), a) for q, a, _ in cases]
    for question, typed in pairs:  # warm the per-fact caches, as a running app has them
        grade_question(briefing, question, typed)
    rounds = max(1, 20_000 // max(len(pairs), 1))
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for question, typed in pairs:
            grade_question(briefing, question, typed)
    done = rounds * len(pairs)
    return done / (time.perf_counter() - wall), done / (time.process_time() - cpu)


def cli_rate(cases: list[tuple[str, str, object]], copies: int = 50) -> tuple[float, float]:
    """(answers per wall second, per CPU second) through one `grade --jsonl` process."""
    lines = [json.dumps({"question": q, "answer": a}) for q, a, _ in cases] * copies
    feed = "\n".join(lines) + "\n"
    cmd = [sys.executable, "-c", "from tui_app.cli import main; main()", "grade", "--jsonl"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, input=feed, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or len(proc.stdout.splitlines()) != len(lines):
        raise RuntimeError(f"grade --jsonl failed: {proc.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return len(lines) / elapsed, len(lines) / max(cpu, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import-cmd", default="briefing", help="command whose `import` to use")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder")
    parser.add_argument("--show", action="store_true", help="print dev disagreements")
    args = parser.parse_args()
    builtin = builtin_briefing()

    def plain(path: Path) -> list[tuple[str, str, object]]:
        return [(str(c["question"]), str(c["answer"]), c["expect"]) for c in read_cases(path)]

    columns: dict[str, Callable[[], Score]] = {
        "dev": lambda: score_cases(
            builtin, plain(args.shared / "eval" / "grading_dev.jsonl"), "dev" if args.show else None
        ),
        "own dev": lambda: score_cases(builtin, plain(OWN_DEV), "own" if args.show else None),
        "held-out built-in": lambda: score_cases(builtin, plain(HELDOUT / "grading_builtin.jsonl")),
    }
    figures: dict[str, Score] = {}
    for name, run in columns.items():
        try:
            figures[name] = run()
        except FileNotFoundError as err:
            print(f"{name}: skipped ({err})")
    for name, article, answers in IMPORTED:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                source = args.shared / "eval" / "articles" / f"{article}.txt"
                imported = load_briefing(import_article(args.import_cmd, source, Path(tmp)))
                cases, not_covered = imported_cases(imported, article, args.shared, answers)
            except (OSError, RuntimeError) as err:
                print(f"{name}: skipped ({err})")
                continue
            show = "own-imported" if args.show and "own" in name else None
            figures[name] = score_cases(imported, cases, show)
            figures[name].not_covered = not_covered
    print(f"{'set':<42}{'agreement':>26}")
    for name, score in figures.items():
        extra = f"  ({score.not_covered} answers not covered)" if score.not_covered else ""
        print(f"{name:<42}{score.cell():>26}{extra}")
    speed_cases = plain(HELDOUT / "grading_builtin.jsonl")
    # Wall-clock rates depend on what else the machine runs; CPU-time rates do not.
    wall, cpu = in_process_rate(builtin, speed_cases)
    print(f"throughput in-process: {wall:,.0f} answers/s wall, {cpu:,.0f} answers/s CPU")
    wall, cpu = cli_rate(speed_cases)
    print(
        f"throughput grade --jsonl: {wall:,.0f} answers/s wall, {cpu:,.0f} answers/s CPU "
        "(one process, start-up included)"
    )


if __name__ == "__main__":
    main()
