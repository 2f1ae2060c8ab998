"""How well `briefing import` turns articles into briefings: recall of a teacher's facts, the
invariants, density, time and memory. Prints one line per article and a summary.

    python benchmarks/generation.py [--articles DIR] [--builtin-text PATH] [--html]

Articles: every NAME.txt with a NAME.gold.jsonl beside it in DIR (default
../shared/eval/articles), plus the built-in article's raw text (default
../shared/source/belarus-rear-base.txt) whose gold facts are the curated briefing's. The gold is
read here, in the benchmark only: the generator never sees it.

Recall follows ../shared/eval/gen_score.py: a gold fact counts when a generated fact whose
evidence holds at least half of the gold evidence's words (best three such facts) has an answer
key that accepts the gold answer (a list: at least half its items), or a canonical answer sharing
60% of its words with the gold answer.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing_data.loader import builtin_path, load_briefing  # noqa: E402
from briefing_data.models import Briefing, FactBase  # noqa: E402
from quiz_bank.grading import grade_fact  # noqa: E402
from quiz_bank.questions import question_bank  # noqa: E402

_TR = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_TR)
    return re.sub(r"\s+", " ", text).strip().casefold()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def cover(gold: str, got: str) -> float:
    g = set(words(gold))
    return len(g & set(words(got))) / max(len(g), 1)


def builtin_gold() -> list[dict[str, Any]]:
    """The curated briefing's facts as gold lines (benchmark only)."""
    out = []
    for fact in load_briefing(builtin_path()).facts():
        row: dict[str, Any] = {"kind": fact.kind, "question": fact.question}
        row["evidence"] = fact.evidence
        row["answer"] = fact.answer_text
        items = getattr(fact.answer, "items", None)
        if items:
            row["items"] = [item.answer for item in items]
        out.append(row)
    return out


def _answer_text(fact: FactBase) -> str:
    return fact.answer_text


def recall(briefing: Briefing, gold: list[dict[str, Any]]) -> tuple[int, list[str]]:
    facts = briefing.facts()
    got = 0
    misses = []
    for g in gold:
        near = sorted(((cover(g["evidence"], f.evidence), f) for f in facts), key=lambda t: -t[0])
        cands = [f for c, f in near if c >= 0.5][:3]
        answer = ", ".join(g["items"]) if g["kind"] == "list" and g.get("items") else g["answer"]
        ok = False
        for f in cands:
            v = grade_fact(f, answer, briefing=briefing)
            half = max(1, math.ceil(len(g.get("items") or []) / 2))
            if v.correct or (g.get("items") and len(set(v.matched)) >= half):
                ok = True
            else:
                ga = set(words(" ".join(g.get("items") or []) or g["answer"]))
                fa = set(words(_answer_text(f)))
                ok = bool(ga and fa and len(ga & fa) / max(len(ga), len(fa)) >= 0.6)
            if ok:
                break
        got += ok
        if not ok:
            misses.append(f"{g['kind']}: {g['answer']}")
    return got, misses


def invariants(briefing: Briefing, article: str) -> dict[str, int]:
    from quiz_bank.marking import grade_question

    art = fold(article)
    facts = briefing.facts()
    verbatim = sum(fold(f.evidence) in art for f in facts)
    spans = 0
    for f in facts:
        ev = fold(f.evidence)
        groups = f.spelling_groups()
        if getattr(f.answer, "items", None) or f.kind == "text":
            spans += all(any(fold(s) in ev for s in g) for g in groups)
        else:
            spans += 1  # figures and dates: the grader reads the evidence's own wording
    bank = question_bank(briefing)
    recalls = [q for q in bank if q.form == "recall"]
    selfok = sum(grade_question(briefing, q, q.answer).correct for q in recalls)
    wrong_right = 0
    for q in bank:
        if q.form in ("mcq", "tf"):
            for i, choice in enumerate(q.choices):
                if i != q.correct_choice and grade_question(briefing, q, choice).correct:
                    wrong_right += 1
    return {
        "facts": len(facts),
        "verbatim": verbatim,
        "spans": spans,
        "recalls": len(recalls),
        "selfgraded": selfok,
        "distractors_right": wrong_right,
    }


def run_import(article: Path, out: Path) -> tuple[float, float]:
    """Import in a cold process: (seconds, peak memory in MB)."""
    cli = [sys.executable, "-c", "from tui_app.cli import main; main()"]
    started = time.perf_counter()
    proc = subprocess.run(
        [*cli, "import", str(article), "-o", str(out)], capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"import of {article} failed: {proc.stderr.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak


def score(name: str, article: Path, gold: list[dict[str, Any]], show: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / article.name
        text = article.read_text(encoding="utf-8", errors="replace")
        if text.startswith("# source:"):
            text = text.split("\n", 1)[1]
        src.write_text(text, encoding="utf-8")
        out = Path(tmp) / "b.yaml"
        seconds, peak = run_import(src, out)
        briefing = load_briefing(out)
        got, misses = recall(briefing, gold)
        inv = invariants(briefing, text if article.suffix == ".txt" else briefing.article)
        n_words = len(briefing.article.split())
    row = {"name": name, "recall": got, "gold": len(gold), "words": n_words, "seconds": seconds}
    row.update(inv, peak_mb=peak)
    density = 1000 * inv["facts"] / max(n_words, 1)
    print(
        f"{name:32} recall {got:2}/{len(gold)} = {got / max(len(gold), 1):4.0%}  "
        f"{inv['facts']:2} facts ({density:4.1f}/1000 words)  "
        f"verbatim {inv['verbatim']}/{inv['facts']}  "
        f"span {inv['spans']}/{inv['facts']}  selfgraded {inv['selfgraded']}/{inv['recalls']}  "
        f"distractors right {inv['distractors_right']}  {seconds:.2f} s  {peak:.0f} MB"
    )
    if show:
        for miss in misses:
            print(f"    miss {miss}")
    return row


def scale(folder: Path, words: int) -> None:
    """Import one long article made of the dev texts one after another (cold process)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        return
    parts: list[str] = []
    while sum(len(t.split()) for t in parts) < words:
        parts.append(texts[len(parts) % len(texts)])
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "long.txt"
        article.write_text("\n\n".join(parts), encoding="utf-8")
        seconds, peak = run_import(article, Path(tmp) / "long.yaml")
        facts = len(load_briefing(Path(tmp) / "long.yaml").facts())
    n = sum(len(t.split()) for t in parts)
    print(f"{'scale (' + str(n) + ' words)':32} {facts} facts  {seconds:.2f} s  {peak:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=Path, default=ROOT.parent / "shared" / "eval" / "articles")
    ap.add_argument(
        "--builtin-text",
        type=Path,
        default=ROOT.parent / "shared" / "source" / "belarus-rear-base.txt",
    )
    ap.add_argument("--html", action="store_true", help="Also import each article's saved HTML.")
    ap.add_argument("--show", action="store_true", help="List the gold facts missed.")
    ap.add_argument(
        "--scale", type=int, default=0, help="Also time an article of this many words (dev texts)."
    )
    args = ap.parse_args()
    rows = []
    if args.builtin_text.exists():
        rows.append(
            score("builtin (belarus-rear-base)", args.builtin_text, builtin_gold(), args.show)
        )
    for gold_path in sorted(args.articles.glob("*.gold.jsonl")):
        name = gold_path.name.removesuffix(".gold.jsonl")
        gold = [
            json.loads(line)
            for line in gold_path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        rows.append(score(name, gold_path.with_name(name + ".txt"), gold, args.show))
        html = gold_path.with_name(name + ".html")
        if args.html and html.exists():
            rows.append(score(name + " (html)", html, gold, args.show))
    if args.scale:
        scale(args.articles, args.scale)
    if rows:
        total = sum(r["recall"] for r in rows) / max(sum(r["gold"] for r in rows), 1)
        print(
            f"all: recall {total:.0%}; slowest {max(r['seconds'] for r in rows):.2f} s; "
            f"peak memory {max(r['peak_mb'] for r in rows):.0f} MB"
        )


if __name__ == "__main__":
    main()
