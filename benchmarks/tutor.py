"""Tutor figures: dev and held-out accuracy side by side, with and without the embeddings,
on the built-in briefing (as written, and with every fact's `asks` removed, as an imported
briefing has none) and on imported articles; then latency per question.

    python benchmarks/tutor.py [--import-cmd "briefing import"]

Built-in cases {"question", "expect": [fact ids]} are scored as `../shared/eval/score.py ask`
does: right when the first fact is one expected, or when the tutor declines where nothing is
expected. Article cases {"question", "gold": index or null} are scored on the article imported
by the project's own `briefing import`: right when the first cited fact's evidence holds at
least half of the gold evidence's words (as ../shared/eval/gen_score.py does), or, for a null
gold, when the tutor declines. The held-out sets in benchmarks/heldout/ were written blind and
frozen before they were first run (their README says how); nothing was tuned on them.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from briefing_data.loader import builtin_briefing, load_briefing
from briefing_data.models import Briefing
from quiz_bank.retrieval import FactIndex
from quiz_bank.tutor import Tutor

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
HELDOUT = ROOT / "benchmarks" / "heldout"
DEV = [EVAL / "ask_dev.jsonl", ROOT / "tests" / "data" / "tutor_questions.jsonl"]
ARTICLES = ["china-plague-cases", "devsecops-survey-2024"]
# Dev: every article's gold questions, asked of its imported briefing.
DEV_ARTICLES = [
    "china-plague-cases",
    "devsecops-survey-2024",
    "houston-car-sales",
    "south-korea-impeachment",
]

Answer = Callable[[str], tuple[list[str], str | None]]


def cases_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def without_asks(briefing: Briefing) -> Briefing:
    data = briefing.model_dump()
    for card in data["cards"]:
        for fact in card["facts"]:
            fact["asks"] = []
    return Briefing.model_validate(data)


def asker(briefing: Briefing, meaning: bool) -> Answer:
    index = FactIndex(briefing, meaning=meaning)

    def ask(question: str) -> tuple[list[str], str | None]:
        reply = Tutor(briefing, index=index).answer(question)
        return (reply.facts, reply.evidence) if reply.kind == "answer" else ([], None)

    return ask


def score_expect(cases: list[dict[str, object]], ask: Answer) -> tuple[int, int, int, int]:
    """(right, cases, out-of-scope declined, out-of-scope cases)."""
    right = declined = outside = 0
    for case in cases:
        facts, _ = ask(str(case["question"]))
        expect = case["expect"]
        assert isinstance(expect, list)
        good = (bool(facts) and facts[0] in expect) if expect else not facts
        right += good
        if not expect:
            outside += 1
            declined += good
    return right, len(cases), declined, outside


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return set(re.findall(r"[a-z0-9]+", folded.replace("’", "'")))


def score_gold(
    cases: list[dict[str, object]], gold: list[dict[str, str]], ask: Answer
) -> tuple[int, int, int, int]:
    right = declined = outside = 0
    for case in cases:
        facts, evidence = ask(str(case["question"]))
        index = case["gold"]
        if index is None:
            outside += 1
            good = not facts
            declined += good
        else:
            want = _words(gold[int(str(index))]["evidence"])
            good = bool(facts) and len(want & _words(evidence or "")) >= len(want) / 2
        right += good
    return right, len(cases), declined, outside


def covered(briefing: Briefing, gold: list[dict[str, str]]) -> set[int]:
    """Gold facts whose evidence some fact of the imported briefing carries (gen_score.py's
    subset): the others the tutor cannot cite, whatever it does."""
    out = set()
    for i, g in enumerate(gold):
        want = _words(g["evidence"])
        if any(len(want & _words(f.evidence)) >= len(want) / 2 for f in briefing.facts()):
            out.add(i)
    return out


def imported(article: str, import_cmd: str) -> Briefing | None:
    """The article imported by `import_cmd`, or None when the command cannot do it."""
    source = EVAL / "articles" / f"{article}.txt"
    folder = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    text = source.read_text(encoding="utf-8")
    if text.startswith("# source:"):
        text = text.split("\n", 1)[1]
    (folder / source.name).write_text(text, encoding="utf-8")
    out = folder / "b.yaml"
    cmd = [*shlex.split(import_cmd), str(folder / source.name), "-o", str(out)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    except OSError:
        return None
    if done.returncode != 0 or not out.exists():
        return None
    return load_briefing(out)


def fmt(result: tuple[int, int, int, int] | None) -> str:
    if result is None:
        return "-"
    right, n, declined, outside = result
    return f"{right}/{n} {right / n:.0%} (out of scope {declined}/{outside})"


def synthetic(briefing: Briefing, times: int) -> Briefing:
    data = briefing.model_dump()
    cards = []
    for n in range(times):
        for card in data["cards"]:
            facts = [{**f, "id": f"{f['id']}-{n}"} for f in card["facts"]]
            cards.append({**card, "id": f"{card['id']}-{n}", "facts": facts})
    return Briefing.model_validate({**data, "cards": cards})


def latency(briefing: Briefing, questions: list[str]) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    index = FactIndex(briefing)
    for q in questions:  # warm caches (embeddings, typo corrections) as a running tutor has them
        Tutor(briefing, index=index).answer(q)
    build = time.perf_counter() - t0
    times = []
    for _ in range(3):
        for q in questions:
            t0 = time.perf_counter()
            Tutor(briefing, index=index).answer(q)
            times.append(time.perf_counter() - t0)
    times.sort()
    return build, statistics.mean(times) * 1000, times[int(len(times) * 0.99) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--import-cmd", default=f"{sys.executable} -m tui_app import")
    args = parser.parse_args()
    builtin = builtin_briefing()
    briefings = {"built-in": builtin, "built-in, no asks": without_asks(builtin)}
    print(f"{'set':<44}{'words + embeddings':>34}{'words only':>34}")
    questions: list[str] = []
    for label, briefing in briefings.items():
        askers = (asker(briefing, True), asker(briefing, False))
        for kind, path in [*(("dev", p) for p in DEV), ("held-out", HELDOUT / "ask_builtin.jsonl")]:
            if not path.exists():
                continue
            cases = cases_of(path)
            questions += [str(c["question"]) for c in cases]
            row = [fmt(score_expect(cases, a)) for a in askers]
            print(f"{kind + ' ' + path.name + ', ' + label:<44}{row[0]:>34}{row[1]:>34}")
    for article in DEV_ARTICLES:
        gold = [json.loads(x) for x in (EVAL / "articles" / f"{article}.gold.jsonl").open()]
        briefing = imported(article, args.import_cmd)
        if briefing is None:
            print(f"{article}: not scored (no `briefing import` here)")
            continue
        cases = [{"question": g["question"], "gold": i} for i, g in enumerate(gold)]
        row = [fmt(score_gold(cases, gold, asker(briefing, m))) for m in (True, False)]
        print(f"{'dev gold questions ' + article + ', imported':<44}{row[0]:>34}{row[1]:>34}")
        path = HELDOUT / f"ask_{article}.jsonl"
        if article not in ARTICLES or not path.exists():
            continue
        cases = cases_of(path)
        row = [fmt(score_gold(cases, gold, asker(briefing, m))) for m in (True, False)]
        print(f"{'held-out ' + path.name + ', imported':<44}{row[0]:>34}{row[1]:>34}")
        carried = covered(briefing, gold)
        kept = [c for c in cases if c["gold"] is None or int(str(c["gold"])) in carried]
        row = [fmt(score_gold(kept, gold, asker(briefing, m))) for m in (True, False)]
        label = f"  of which gold carried by the import ({len(carried)}/{len(gold)} facts)"
        print(f"{label:<44}{row[0]:>34}{row[1]:>34}")
    questions = list(dict.fromkeys(questions))
    build, mean, p99 = latency(builtin, questions)
    print(
        f"latency, built-in briefing ({len(builtin.facts())} facts): "
        f"mean {mean:.2f} ms, p99 {p99:.2f} ms per question"
    )
    big = synthetic(builtin, 100)
    build, mean, p99 = latency(big, questions)
    print(
        f"latency, synthetic briefing ({len(big.facts())} facts, index + warm-up {build:.1f} s): "
        f"mean {mean:.2f} ms, p99 {p99:.2f} ms per question"
    )


if __name__ == "__main__":
    main()
