"""Grading figures: agreement on the dev cases against two baselines, and throughput.

    python benchmarks/grading.py [CASES.jsonl]

Prints, side by side on the dev cases: this grader, exact match after case folding, and
rapidfuzz WRatio >= 85 (agreement and false accepts each); then in-process throughput and
p99 latency per answer for this grader.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz

from briefing_data.loader import builtin_briefing
from briefing_data.models import FactBase, ListAnswer, TextAnswer
from quiz_bank.questions import find_question, grade_question

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = ROOT.parent / "shared" / "eval" / "grading_dev.jsonl"


def _accepted(fact: FactBase) -> list[str]:
    a = fact.answer
    if isinstance(a, TextAnswer):
        return a.accepted()
    return [fact.answer_text]


def _items(fact: FactBase) -> list[tuple[str, list[str]]]:
    assert isinstance(fact.answer, ListAnswer)
    return [(i.key, [i.answer, *i.variants]) for i in fact.answer.items]


def exact_baseline(fact: FactBase, typed: str) -> tuple[bool, int]:
    folded = typed.casefold().strip()
    if isinstance(fact.answer, ListAnswer):
        parts = {p.strip() for p in folded.replace(" and ", ",").split(",")}
        hits = sum(any(v.casefold() in parts for v in vs) for _, vs in _items(fact))
        return hits == len(fact.answer.items), hits
    ok = folded in {a.casefold() for a in _accepted(fact)}
    return ok, int(ok)


def wratio_baseline(fact: FactBase, typed: str) -> tuple[bool, int]:
    if isinstance(fact.answer, ListAnswer):
        hits = sum(
            any(fuzz.partial_ratio(v.casefold(), typed.casefold()) >= 85 for v in vs)
            for _, vs in _items(fact)
        )
        return hits == len(fact.answer.items), hits
    ok = any(fuzz.WRatio(typed, a) >= 85 for a in _accepted(fact))
    return ok, int(ok)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CASES
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    briefing = builtin_briefing()

    def ours(fact: FactBase, qid: str, typed: str) -> tuple[bool, int]:
        v = grade_question(briefing, find_question(briefing, qid), typed)
        return v.correct, len(set(v.matched))

    graders = {
        "briefing grader": lambda f, q, t: ours(f, q, t),
        "exact (casefold)": lambda f, q, t: exact_baseline(f, t),
        "rapidfuzz WRatio>=85": lambda f, q, t: wratio_baseline(f, t),
    }
    print(f"{len(cases)} cases from {path}")
    print(f"{'grader':<24}{'agree':>14}{'false accepts':>16}")
    for name, grader in graders.items():
        agree = false_accepts = 0
        for case in cases:
            fact = briefing.fact(find_question(briefing, case["question"]).fact)
            correct, matched = grader(fact, case["question"], case["answer"])
            expect = case["expect"]
            got = correct if isinstance(expect, bool) else matched
            agree += got == expect
            false_accepts += isinstance(expect, bool) and correct and not expect
        share = agree / len(cases)
        print(f"{name:<24}{agree:>5}/{len(cases)} {share:>6.1%}{false_accepts:>16}")

    pairs = [(find_question(briefing, c["question"]), c["answer"]) for c in cases]
    for question, typed in pairs:  # warm the per-fact caches, as a running app has them
        grade_question(briefing, question, typed)
    rounds = 40
    latencies = []
    started = time.perf_counter()
    for _ in range(rounds):
        for question, typed in pairs:
            t0 = time.perf_counter()
            grade_question(briefing, question, typed)
            latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"throughput: {len(latencies) / elapsed:,.0f} answers/s in-process "
        f"({len(latencies)} answers); median {statistics.median(latencies) * 1e6:.0f} µs, "
        f"p99 {p99 * 1e6:.0f} µs"
    )


if __name__ == "__main__":
    main()
