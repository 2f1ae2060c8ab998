"""A corpus of hostile inputs for every entry point, built on the spot in a folder.

Used by tests/unit/test_fuzz_entry_points.py and benchmarks/hostile.py. `build_corpus` writes
the files (deep YAML and TOML, huge numbers, FIFOs, symbolic-link loops, huge CSV fields...)
and returns the cases; `run_cases` runs them all in one child process with bounded memory;
`problems` says what is wrong with one result (nothing, for a clean one).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MINI = Path(__file__).parent / "data" / "mini"
DRIVER = Path(__file__).parent / "hostile_driver.py"
MEMORY_LIMIT = 1024**3  # RLIMIT_AS of the child: 1 GiB
NINES = "9" * 309
ARABIC_INDIC = "\u0669" * 2000


@dataclass
class Case:
    name: str
    argv: list[str]
    stdin: bytes = b""
    # A refused input must exit 2; others may succeed (0) or be refused (2).
    refused: bool = False
    # An answer that only tries to fool the grader: full credit for it is a failure.
    fools: bool = False


def _mini_text() -> str:
    return (MINI / "mini.yaml").read_text(encoding="utf-8")


def _replace(old: str, new: str) -> str:
    text = _mini_text()
    assert old in text, old
    return text.replace(old, new, 1)


def _briefing_files(folder: Path) -> dict[str, Path]:
    """Hostile briefing files (all beside a good article), by name."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_bytes((MINI / "article.txt").read_bytes())
    texts: dict[str, str | bytes] = {
        "deep flow": "id: x\ntitle: t\ncards: " + "[" * 5000 + "]" * 5000 + "\n",
        "deep block": "id: x\ncards:\n" + "".join(" " * i + "-\n" for i in range(1500)),
        "deep mapping": "".join(" " * i + f"k{i}:\n" for i in range(1500)),
        "100,000-digit integer": _replace("value: 20\n", "value: " + "9" * 100_000 + "\n"),
        "nan": _replace("value: 20\n", "value: .nan\n"),
        "inf": _replace("value: 20\n", "value: -.inf\n"),
        "1e400": _replace("value: 20\n", "value: 1.0e+400\n"),
        "figure 1e300": _replace("value: 20\n", "value: 1.0e+300\n"),
        "309-digit wrong answer": _replace("wrong_units: [km]", f"wrong: ['{NINES}']"),
        "duplicate key": _replace("id: island", "id: island\n        id: island"),
        "duplicate top key": _replace("title: The lighthouse", "title: a\ntitle: The lighthouse"),
        "source escapes": _replace("file: article.txt", "file: ../../../../../../etc/passwd"),
        "source absolute": _replace("file: article.txt", "file: /etc/passwd"),
        "source NUL": _replace("file: article.txt", 'file: "article.txt\\0"'),
        "source dev zero": _replace("file: article.txt", "file: zero-link.txt"),
        "source fifo": _replace("file: article.txt", "file: article.fifo"),
        "source directory": _replace("file: article.txt", "file: ."),
        "source loop": _replace("file: article.txt", "file: loop-a.txt"),
        "80k question": _replace("question: On which", "question: " + "x" * 80_000 + " On"),
        "50,000 variants": _replace(
            "canonical: Sark", "canonical: Sark\n          variants: [" + "v, " * 50_000 + "v]"
        ),
        "billion laughs": "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
            for p, c in zip("abcdefg", "bcdefgh", strict=True)
        ),
        "escape sequence": _replace("title: The lighthouse on Sark", 'title: "\\e]0;pwned\\a"'),
        "year zero": _replace("cards:\n", "covers: 0000-01-01\ncards:\n"),
        "complex key": _replace("cards:\n", "? [a, b]\n: 1\ncards:\n"),
        "python tag": "!!python/object/apply:os.system ['echo hi']\n",
        "not a mapping": "- just\n- a list\n",
        "empty": "",
        "bad utf-8": b"id: x\ntitle: \xff\xfe\n",
        "binary": bytes(range(256)) * 8,
        "tab indent": "id: x\n\ttitle: y\n",
        "huge": "# " + "x" * (3 * 1024 * 1024) + "\n",
        "many facts": _replace(
            "    facts:\n",
            "    facts:\n"
            + "".join(
                f"      - {{id: f{i}, kind: text, question: q, statement: s, "
                f"evidence: Sark, answer: {{canonical: Sark}}}}\n"
                for i in range(1200)
            ),
        ),
    }
    paths: dict[str, Path] = {}
    for i, (name, text) in enumerate(texts.items()):
        path = folder / f"briefing-{i:02d}.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        paths[name] = path
    os.mkfifo(folder / "article.fifo")
    (folder / "zero-link.txt").symlink_to("/dev/zero")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    os.mkfifo(folder / "briefing.fifo")
    paths["fifo"] = folder / "briefing.fifo"
    (folder / "link-loop.yaml").symlink_to(folder / "link-loop.yaml")
    paths["symlink loop"] = folder / "link-loop.yaml"
    paths["directory"] = folder
    if Path("/dev/zero").exists():
        paths["/dev/zero"] = Path("/dev/zero")
    return paths


def _toml_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    head = 'title = "t"\nbriefing = "mini-lighthouse"\n'
    texts: dict[str, str | bytes] = {
        "deep": head + "questions = " + "[" * 5000 + "]" * 5000 + "\n",
        "deep tables": head + "questions = ['island']\nx = " + "{a = " * 3000 + "1" + "}" * 3000,
        "100,000-digit integer": head + "questions = ['island']\nseed = " + "9" * 100_000,
        "big integer": head + "questions = ['island']\nseed = " + "9" * 400,
        "nan": head + "questions = ['island']\nseed = nan",
        "inf": head + "questions = ['island']\ntime_per_question = inf",
        "duplicate key": head + "questions = ['island']\nquestions = ['island']",
        "control key": head + 'questions = ["island"]\n"\\u001b[2J" = 1',
        "huge list": head + "questions = [" + "'island'," * 50_000 + "]",
        "long title": 'title = "' + "t" * 100_000 + '"\nbriefing = "x"\nquestions = ["a"]',
        "bad utf-8": head.encode() + b"questions = ['\xff']",
        "binary": bytes(range(256)) * 4,
        "huge": "# " + "x" * (2 * 1024 * 1024),
        "date out of range": head + "questions = ['island']\nwhen = 0000-01-01",
    }
    paths = {}
    for i, (name, text) in enumerate(texts.items()):
        path = folder / f"quiz-{i:02d}.toml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        paths[name] = path
    os.mkfifo(folder / "quiz.fifo.toml")
    paths["fifo"] = folder / "quiz.fifo.toml"
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    paths["symlink loop"] = folder / "loop.toml"
    paths["directory"] = folder
    if Path("/dev/zero").exists():
        (folder / "zero.toml").symlink_to("/dev/zero")
        paths["/dev/zero"] = folder / "zero.toml"
    return paths


def _csv_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    head = "student,question,answer\n"
    texts: dict[str, str | bytes] = {
        "huge field": head + f'ann,island,"{"x" * 200_000}"\nbob,island,Sark\n',
        "huge unquoted field": head + "ann,island," + "y" * 300_000 + "\nbob,island,Sark\n",
        "huge student": head + "z" * 150_000 + ",island,Sark\n",
        "309 digits": head + f"ann,built-year,{NINES}\nbob,lamp-range,{ARABIC_INDIC}\n",
        "unterminated quote": head + 'ann,island,"Sark\nbob,island,Sark\n',
        "NUL bytes": head + "ann,island,Sa\x00rk\n",
        "no header": "just one line\n",
        "bad utf-8": head.encode() + b"ann,island,\xed\xa0\x80\n",
        "binary": bytes(range(256)) * 4,
        "many columns": head + "ann,island,Sark," + ",".join(["x"] * 10_000) + "\n",
        "BOM": "\ufeff" + head + "ann,island,Sark\n",
        "tf fooled": head + "ann,island/tf-1,╞Y\nbob,island/tf-1,maybe yes\n",
        "formula": head + 'ann,island,=HYPERLINK("x")\n',
    }
    paths = {}
    for i, (name, text) in enumerate(texts.items()):
        path = folder / f"answers-{i:02d}.csv"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        paths[name] = path
    os.mkfifo(folder / "answers.fifo.csv")
    paths["fifo"] = folder / "answers.fifo.csv"
    (folder / "loop.csv").symlink_to(folder / "loop.csv")
    paths["symlink loop"] = folder / "loop.csv"
    (folder / "dir.csv").mkdir()
    paths["directory"] = folder / "dir.csv"
    if Path("/dev/zero").exists():
        (folder / "zero.csv").symlink_to("/dev/zero")
        paths["/dev/zero"] = folder / "zero.csv"
    return paths


HOSTILE_ANSWERS = [
    NINES,
    ARABIC_INDIC,
    "1" + "0" * 1999,
    "one " + "hundred " * 240,
    "9" * 5000,
    "\ud800",
    "a\u2028b\u2029c\x85d",
    "╞Y",
    "maybe yes",
    "at main against down Sark missiles drones large-scale",
    "[@click=app.quit]",
    "\x1b[2J\x1b]0;pwned\x07",
    "x" * 100_000,
    "2003-13-45 31/31/9999 0000-00-00",
    "S-" * 1000,
    "not " * 500,
    "",
    " ",
]


# Answers that hold a right answer's letters or words but do not give it.
FOOLING = ("╞Y", "maybe yes", "at main against down Sark missiles drones large-scale")


def _jsonl(answers: list[str], qids: list[str]) -> bytes:
    lines = [
        json.dumps({"question": qid, "answer": answer}).encode()
        for answer in answers
        for qid in qids
    ]
    lines += [
        b"\xff\xfe",
        b'{"question": "island", "answer": "\xed\xa0\x80"}',
        b"[" * 100_000,
        b'{"question": 1' + b"0" * 5000 + b"}",
        b'{"question": "island", "answer": NaN}',
        b'{"question": "island", "answer": 1e999}',
        b"z" * 1_100_000,
        b"null",
        json.dumps({"question": "\ud800", "answer": "x"}).encode(),
        json.dumps({"question": "island", "answer": "Sark"}).encode(),
    ]
    return b"\n".join(lines) + b"\n"


def build_corpus(folder: Path) -> list[Case]:
    """Write every hostile file under `folder` and return the cases that use them."""
    cases: list[Case] = []
    mini = folder / "mini"
    mini.mkdir(parents=True)
    for name in ("mini.yaml", "article.txt"):
        (mini / name).write_bytes((MINI / name).read_bytes())
    good = str(mini / "mini.yaml")
    # Every hostile briefing file is invalid: each must be refused.
    for name, path in _briefing_files(folder / "briefings").items():
        for command in (["cards"], ["export", "--format", "json"]):
            argv = ["--briefing", str(path), *command]
            cases.append(Case(f"briefing {name}: {command[0]}", argv, refused=True))
    for name, path in _toml_files(folder / "toml").items():
        argv = ["--briefing", good, "--db", str(folder / f"db-toml-{len(cases)}.db")]
        cases.append(
            Case(f"toml {name}", [*argv, "quiz", "--plain", "--from", str(path)], refused=True)
        )
    for name, path in _csv_files(folder / "csv").items():
        argv = ["--briefing", good, "grade", str(path), "-o", str(folder / f"out-{len(cases)}.csv")]
        cases.append(Case(f"csv {name}", argv))
    qids = ["island", "built-year", "lamp-range", "keepers", "island/tf-1", "island/mcq"]
    for qid in qids:
        for i, answer in enumerate(HOSTILE_ANSWERS):
            if answer.strip() and "\ud800" not in answer:
                argv = ["--briefing", good, "grade", qid, answer]
                cases.append(Case(f"grade {qid} #{i}", argv, fools=answer in FOOLING))
    cases.append(
        Case(
            "grade --jsonl", ["--briefing", good, "grade", "--jsonl"], _jsonl(HOSTILE_ANSWERS, qids)
        )
    )
    typed = "\n".join(a for a in HOSTILE_ANSWERS if a and "\n" not in a)
    stdin = typed.encode("utf-8", "surrogatepass") + b"\n\xff\xfe\n" + b"q" * 1_100_000 + b"\n"
    for seed in range(3):
        db = str(folder / f"db-quiz-{seed}.db")
        argv = ["--briefing", good, "--db", db, "quiz", "--plain", "--seed", str(seed)]
        cases.append(Case(f"quiz --plain seed {seed}", [*argv, "--count", "9"], stdin))
        cases.append(
            Case(f"stats after quiz {seed}", ["--briefing", good, "--db", db, "stats", "--json"])
        )
        cases.append(
            Case(f"results after quiz {seed}", ["--db", db, "--briefing", good, "results"])
        )
    ask_lines = _jsonl(HOSTILE_ANSWERS, ["x"]).replace(b'"question": "x", "answer"', b'"question"')
    cases.append(Case("ask --jsonl", ["--briefing", good, "ask", "--jsonl"], ask_lines))
    cases.append(Case("ask huge", ["--briefing", good, "ask", "x" * 100_000]))
    return cases


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every regular input file under `folder` (outputs and databases left out)."""
    out: dict[str, str] = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if path.is_symlink() or not path.is_file() or name.startswith(("out-", "db-")):
                continue
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _limit_memory() -> None:  # runs in the child, before it starts
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cases(cases: list[Case], folder: Path, hang_guard: float) -> list[dict[str, object]]:
    """Run every case in a child process with 1 GiB of address space.

    A case that gives no result within `hang_guard` seconds is reported as hung (the child is
    killed and a new one goes on with the next case); a child that dies marks its case the
    same way. The guard only stops a hang: a clean case takes well under a second.
    """
    results: list[dict[str, object]] = []
    remaining = list(cases)
    while remaining:
        done, failure = _run_child(remaining, folder, hang_guard, len(results))
        results += done
        remaining = remaining[len(done) :]
        if remaining and failure:
            results.append(
                {"name": remaining[0].name, "code": None, "stderr": "", "crash": failure}
            )
            remaining = remaining[1:]
    return results


def _run_child(
    cases: list[Case], folder: Path, hang_guard: float, batch: int
) -> tuple[list[dict[str, object]], str | None]:
    cases_path = folder / f"out-cases-{batch}.json"
    results_path = folder / f"out-results-{batch}.jsonl"
    payload = [
        {"name": c.name, "argv": c.argv, "stdin": base64.b64encode(c.stdin).decode()} for c in cases
    ]
    cases_path.write_text(json.dumps(payload), encoding="utf-8")
    env = {**os.environ, "BRIEFING_DB": str(folder / "db-default.db"), "PYTHONUTF8": "1"}
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, str(DRIVER), str(cases_path), str(results_path)],
            preexec_fn=_limit_memory,
            env=env,
            cwd=folder,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        failure = None
        seen, last_change = 0, time.monotonic()
        while child.poll() is None:
            time.sleep(0.05)
            count = _count_lines(results_path)
            if count != seen:
                seen, last_change = count, time.monotonic()
            elif time.monotonic() - last_change > hang_guard:
                child.kill()
                child.wait()
                failure = f"hung (no result in {hang_guard:.0f} s)"
        errors.seek(0)
        tail = errors.read().decode("utf-8", "replace")[-1000:]
    lines = results_path.read_text(encoding="utf-8").splitlines() if results_path.exists() else []
    done = [json.loads(line) for line in lines]
    if failure is None and len(done) < len(cases):
        failure = f"the child died (exit {child.returncode}): {tail}"
    return done, failure


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def problems(case: Case, result: dict[str, object]) -> list[str]:
    """What is wrong with one result: a crash, a hang, a bad exit code, a noisy error."""
    out: list[str] = []
    code, stderr = result["code"], str(result["stderr"])
    if result.get("crash"):
        out.append(f"crashed: {str(result['crash'])[-600:]}")
        return out
    if code not in (0, 2) or (case.refused and code != 2):
        out.append(f"exit {code}")
    if code == 2 and (stderr.count("\n") != 1 or not stderr.endswith("\n")):
        out.append(f"{stderr.count(chr(10))} lines on stderr for exit 2: {stderr[:300]!r}")
    if "Traceback" in stderr:
        out.append(f"traceback on stderr: {stderr[-300:]!r}")
    if "\x1b" in stderr:
        out.append("an escape character reached stderr")
    if case.fools and "✓ Right" in str(result.get("stdout_tail", "")):
        out.append("a string that only fools the grader got full credit")
    return out
