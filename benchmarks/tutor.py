"""Tutor figures: accuracy against a plain BM25 baseline, and latency per question.

    python benchmarks/tutor.py [CASES.jsonl]

Accuracy is scored as `../shared/eval/score.py ask` does: right when the first fact is one
expected, or when the tutor declines where nothing is expected. Latency is measured on the
built-in briefing and on a synthetic briefing 100 times larger (its facts copied with new ids).
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from briefing_data.loader import builtin_briefing
from briefing_data.models import Briefing
from quiz_bank.normalize import tokens
from quiz_bank.retrieval import FactIndex
from quiz_bank.tutor import Tutor

ROOT = Path(__file__).resolve().parents[1]
CASE_FILES = [
    ROOT.parent / "shared" / "eval" / "ask_dev.jsonl",
    ROOT / "tests" / "data" / "tutor_questions.jsonl",
]


class PlainBM25:
    """BM25 over the evidence sentences only; declines when no word matches."""

    def __init__(self, briefing: Briefing) -> None:
        self.ids = [f.id for f in briefing.facts()]
        self.docs = [Counter(tokens(f.evidence)) for f in briefing.facts()]
        n = len(self.docs)
        df = Counter(t for d in self.docs for t in d)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.avg = sum(sum(d.values()) for d in self.docs) / n

    def ask(self, question: str) -> list[str]:
        q = tokens(question)
        scored = []
        for fid, doc in zip(self.ids, self.docs, strict=True):
            length = sum(doc.values())
            s = sum(
                self.idf[t] * doc[t] * 2.2 / (doc[t] + 1.2 * (0.25 + 0.75 * length / self.avg))
                for t in q
                if t in doc
            )
            if s > 0:
                scored.append((s, fid))
        scored.sort(reverse=True)
        return [fid for _, fid in scored[:3]]


def score(cases: list[dict[str, object]], answer) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    right = 0
    for case in cases:
        facts = answer(case["question"])
        expect = case["expect"]
        right += (bool(facts) and facts[0] in expect) if expect else not facts
    return right, len(cases)


def synthetic(briefing: Briefing, times: int) -> Briefing:
    data = briefing.model_dump()
    cards = []
    for n in range(times):
        for card in data["cards"]:
            facts = [{**f, "id": f"{f['id']}-{n}"} for f in card["facts"]]
            cards.append({**card, "id": f"{card['id']}-{n}", "facts": facts})
    return Briefing.model_validate({**data, "cards": cards})


def latency(index: FactIndex, briefing: Briefing, questions: list[str]) -> tuple[float, float]:
    tutor = Tutor(briefing, index=index)
    for q in questions:  # warm caches as a running tutor has them
        tutor.answer(q)
    times = []
    for _ in range(5):
        for q in questions:
            t0 = time.perf_counter()
            Tutor(briefing, index=index).answer(q)
            times.append(time.perf_counter() - t0)
    times.sort()
    return statistics.mean(times) * 1000, times[int(len(times) * 0.99) - 1] * 1000


def main() -> None:
    files = [Path(p) for p in sys.argv[1:]] or CASE_FILES
    briefing = builtin_briefing()
    index = FactIndex(briefing)
    baseline = PlainBM25(briefing)

    def ours(question: str) -> list[str]:
        reply = Tutor(briefing, index=index).answer(question)
        return reply.facts if reply.kind == "answer" else []

    print(f"{'cases':<28}{'tutor':>14}{'plain BM25':>14}")
    questions: list[str] = []
    for path in files:
        if not path.exists():
            continue
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        questions += [str(c["question"]) for c in cases]
        a, n = score(cases, ours)
        b, _ = score(cases, baseline.ask)
        print(f"{path.name:<28}{a:>5}/{n} {a / n:>6.1%}{b:>5}/{n} {b / n:>6.1%}")
    mean, p99 = latency(index, briefing, questions)
    print(
        f"latency, built-in briefing ({len(briefing.facts())} facts): "
        f"mean {mean:.2f} ms, p99 {p99:.2f} ms"
    )
    big = synthetic(briefing, 100)
    t0 = time.perf_counter()
    big_index = FactIndex(big)
    build = time.perf_counter() - t0
    mean, p99 = latency(big_index, big, questions)
    print(
        f"latency, synthetic briefing ({len(big.facts())} facts, index built in {build:.1f} s): "
        f"mean {mean:.2f} ms, p99 {p99:.2f} ms"
    )


if __name__ == "__main__":
    main()
