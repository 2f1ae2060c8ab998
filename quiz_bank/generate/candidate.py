"""A candidate fact: an answer span in a sentence, its kind, its answer key and its worth."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_data.models import AnswerKey, FactKind
from quiz_bank.generate.sections import Sentence

# Words that never start or end an answer span.
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with as and or but nor so yet than that this these
    those which who whom whose what when where why how is are was were be been being has have
    had do does did will would can could should may might must shall it its he she they them
    their his her our we you your i me my not no also just only about into over under after
    before during while since until if then there here such like per via up down out off
    around between among through across against toward towards said says say according""".split()
)
TextType = str  # one of the TextAnswer.type values


@dataclass
class Candidate:
    """One possible fact; `spans` are the answer's (start, end) in the sentence, one per item."""

    sentence: Sentence
    kind: FactKind
    spans: list[tuple[int, int]]
    answer: AnswerKey
    score: float
    role: str
    text_type: TextType = "concept"
    # Other ways of writing the answer (or each item) that the article itself gives.
    variants: list[list[str]] = field(default_factory=list)
    # Bullet lists: the later bullets that the evidence runs on to.
    run: list[Sentence] = field(default_factory=list)
    # Bullet lists: the sentence that introduces them, shown in the question.
    context: str = ""

    @property
    def answer_words(self) -> str:
        s = self.sentence.text
        return " ".join(s[a:b] for a, b in self.spans)

    def overlaps(self, other: Candidate) -> bool:
        if other.sentence.index != self.sentence.index:
            return False
        return any(a < d and c < b for a, b in self.spans for c, d in other.spans)


def words_before(text: str, at: int, n: int) -> list[str]:
    return re.findall(r"[\w'’-]+", text[:at])[-n:]


def words_after(text: str, at: int, n: int) -> list[str]:
    return re.findall(r"[\w'’-]+", text[at:])[:n]
