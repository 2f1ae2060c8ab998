"""A classroom at once: N students (processes) answering the same quiz into one database.

    python benchmarks/classroom.py [STUDENTS] [QUESTIONS]     (default 30 students, 20 questions)

Prints the attempts written, the attempts lost and the slowest single write.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from quiz_bank.classroom_load import run_classroom


def main() -> None:
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    questions = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory() as tmp:
        run = run_classroom(Path(tmp) / "class.db", students, questions)
    print(f"students at once:  {run.students}")
    print(f"attempts expected: {run.expected}")
    print(f"attempts written:  {run.written}")
    print(f"attempts lost:     {run.lost}")
    print(f"slowest write:     {run.slowest_write * 1000:.1f} ms")
    print(f"wall time:         {run.seconds:.1f} s")
    for error in run.errors:
        print(f"error: {error}")


if __name__ == "__main__":
    main()
