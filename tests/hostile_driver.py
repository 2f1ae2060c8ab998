"""Run `briefing` on many hostile cases in one process, as a child with bounded memory.

    python tests/hostile_driver.py CASES.json RESULTS.jsonl

Each case is {"name", "argv", "stdin" (base64)}. Each result line, written as soon as the case
ends (so a hang still shows which case hung): {"name", "code", "stderr", "stdout_lines",
"crash"}. A code is the exit status main() gives; "crash" holds a traceback that escaped it.
"""

from __future__ import annotations

import base64
import io
import json
import sys
import traceback


def run_case(argv: list[str], stdin: bytes) -> tuple[int | str, str, str]:
    from tui_app.cli import main

    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.BytesIO()
    # Strict UTF-8 both ways, like a real pipe: writing a lone surrogate fails as it would.
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    code: int | str
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        code = "crash:" + traceback.format_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
                stream.detach()  # so that closing the wrapper does not close the buffer
            except (ValueError, OSError):
                pass
        sys.stdin, sys.stdout, sys.stderr = saved
    return (
        code,
        out.getvalue().decode("utf-8", "replace"),
        err.getvalue().decode("utf-8", "replace"),
    )


def main() -> None:
    cases_path, results_path = sys.argv[1], sys.argv[2]
    with open(cases_path, encoding="utf-8") as fh:
        cases = json.load(fh)
    with open(results_path, "w", encoding="utf-8") as results:
        for case in cases:
            code, out, err = run_case(case["argv"], base64.b64decode(case["stdin"]))
            crash = code if isinstance(code, str) else None
            result = {
                "name": case["name"],
                "code": -1 if crash else code,
                "stderr": err,
                "stdout_lines": len(out.splitlines()),
                "stdout_tail": out[-300:],
                "crash": crash,
            }
            results.write(json.dumps(result) + "\n")
            results.flush()


if __name__ == "__main__":
    main()
