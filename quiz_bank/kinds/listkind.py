"""Lists: several items, each credited on its own; a full answer names the required number."""

from __future__ import annotations

import random
import re

from briefing_data.models import Briefing, FactBase, ListAnswer
from quiz_bank.answer import TypedAnswer
from quiz_bank.kinds.common import (
    Blank,
    GradeContext,
    Swap,
    fact_rng,
    find_span,
    no_answer,
    verdict,
)
from quiz_bank.kinds.wordkey import WordKey, build_key, match_form, matches_wrong, split_joined
from quiz_bank.lexicon import foreign_country
from quiz_bank.normalize import tokens
from quiz_bank.verdict import Verdict
from quiz_bank.wordmatch import is_hard

# Where one part of an answer ends, in the text as typed (any script).
_RAW_PARTS = re.compile(r"[,;/|\n()\[\]]|\s(?:and|or|и|или|et|und|y|e|та|і)\s|[、，；和及]")


class ListKind:
    def __init__(self, fact: FactBase) -> None:
        self.fact = fact
        assert isinstance(fact.answer, ListAnswer)
        self.answer: ListAnswer = fact.answer

    def key(self, briefing: Briefing | None) -> WordKey:
        a = self.answer
        groups = [group for item in a.items for group in item.synonyms]
        items = [(i.key, i.answer, [i.answer, *i.variants]) for i in a.items]
        return build_key(self.fact, briefing, groups, [], items, list(a.wrong))

    # -- grading ---------------------------------------------------------------------------

    def grade(self, typed: TypedAnswer, ctx: GradeContext, key: WordKey | None = None) -> Verdict:
        key = key or self.key(ctx.briefing)
        a = self.answer
        needed = min(ctx.required or a.needed, len(a.items))
        chunks = [split_joined(chunk, key) for chunk in typed.content_chunks(key.synonyms)]
        flat = [w for chunk in chunks for w in chunk]
        owner = [ci for ci, chunk in enumerate(chunks) for _ in chunk]
        if not flat:
            return no_answer(a.display(), [i.key for i in a.items])
        used: set[int] = set()
        order = [k for k, _, _ in key.items]
        names = {k: answer for k, answer, _ in key.items}
        matched: list[str] = []
        slipped: list[str] = []

        def credit(item_key: str, slips: list[tuple[str, str]]) -> None:
            if item_key not in matched:
                matched.append(item_key)
                if slips:
                    slipped.append(names[item_key])

        # Each part on its own first, so one part's words do not complete another's item;
        # then parts that share the last part's head noun ("logistical and medical
        # assistance"); then whatever is left, across parts.
        for ci in range(len(chunks)):
            spots = [i for i in range(len(flat)) if owner[i] == ci]
            for item_key, slips in _match_in(flat, spots, used, key):
                credit(item_key, slips)
        head = len(flat) - 1
        for ci in range(len(chunks) - 1):
            spots = [i for i in range(len(flat)) if owner[i] == ci]
            if spots and not used.intersection(spots) and owner[head] != ci:
                found = _match_in(flat, [*spots, head], used - {head}, key, keep={head})
                for item_key, slips in found:
                    credit(item_key, slips)
        if len({owner[i] for i in range(len(flat)) if i not in used}) > 1:
            for item_key, slips in _match_in(flat, list(range(len(flat))), used, key):
                credit(item_key, slips)
        if key.item_countries and not typed.raw.isascii():
            # Countries named in another language or script (Сирия, 伊朗): pycountry's names.
            for part in _RAW_PARTS.split(typed.raw):
                code = foreign_country(part)
                item = next((k for k, c in key.item_countries.items() if c == code), None)
                if item is not None:
                    credit(item, [])
                    said = tokens(part)
                    for ci, chunk in enumerate(chunks):  # its words name an item: not wrong
                        if chunk == said:
                            used.update(i for i in range(len(flat)) if owner[i] == ci)
        matched.sort(key=order.index)
        wrong = self._unexplained(chunks, flat, owner, used, key)
        missed = [k for k in order if k not in matched]
        correct = len(matched) >= needed and not wrong
        score = min(1.0, len(matched) / needed)
        if score == 1.0 and wrong:
            # Every item named but something wrong added: not full marks.
            score = needed / (needed + len(wrong))
        return verdict(
            correct=correct,
            score=round(score, 4),
            matched=matched,
            missed=missed,
            wrong=wrong,
            feedback=self._feedback(matched, missed, wrong, needed, slipped if correct else []),
            exact=correct and not slipped,
        )

    def _unexplained(
        self,
        chunks: list[list[str]],
        flat: list[str],
        owner: list[int],
        used: set[int],
        key: WordKey,
    ) -> list[str]:
        """Parts of the answer that name no item: known wrong answers or other things."""
        hit_chunks = {owner[i] for i in used}
        wrong: list[str] = []
        for ci in range(len(chunks)):
            left = [w for i, w in enumerate(flat) if owner[i] == ci and i not in used]
            if not left:
                continue
            known = matches_wrong(left, key)
            if known:
                wrong.append(known)
                continue
            strange = [w for w in left if w not in key.neutral]
            if not strange:
                continue
            if ci in hit_chunks and not any(is_hard(w) or w in key.others for w in strange):
                continue  # descriptive words beside an item: "S-400 Triumf air defence"
            wrong.append(" ".join(strange))
        return wrong

    def _feedback(
        self, matched: list[str], missed: list[str], wrong: list[str], needed: int, slips: list[str]
    ) -> str:
        names = {i.key: i.answer for i in self.answer.items}
        total = len(self.answer.items)
        if needed < total:
            head = f"You named {len(matched)} (at least {needed} of {total} needed)"
        else:
            head = f"You named {len(matched)} of {total}"
        if missed and len(matched) < total:
            head += "; missing: " + ", ".join(names[k] for k in missed)
        feedback = head + "."
        if wrong:
            what = " and ".join(wrong[:3])
            feedback += f" {what} {'is' if len(wrong) == 1 else 'are'} not one of them."
        if slips:
            feedback += " Accepted (spelled " + ", ".join(slips) + ")."
        return feedback

    # -- what the answer is --------------------------------------------------------------------

    def spellings(self) -> list[str]:
        return [s for item in self.answer.items for s in [item.answer, *item.variants]]

    def item_spellings(self, item_key: str) -> list[str]:
        item = next(i for i in self.answer.items if i.key == item_key)
        return [item.answer, *item.variants]

    def accepted(self, required: int | None = None) -> list[str]:
        """The items a full answer names, joined (the first `required` of them)."""
        a = self.answer
        return [", ".join(item.answer for item in a.items[: required or a.needed])]

    def typed_form(self, forms: list[str]) -> str:
        return forms[0]

    def entity_names(self) -> list[str]:
        return [*self.spellings(), *self.answer.wrong]

    def typed_names(self) -> tuple[str | None, list[str]]:
        return self.answer.type, [item.answer for item in self.answer.items]

    # -- question forms ----------------------------------------------------------------------

    def _wrong_items(self, briefing: Briefing) -> list[str]:
        from quiz_bank.distractors import is_right

        return [w for w in self.answer.wrong if not is_right(self.fact, w, briefing)]

    def distractor_candidates(self, briefing: Briefing) -> list[str]:
        wrong = list(self.answer.wrong)
        fact_rng(self.fact.id, "distractors").shuffle(wrong)
        from quiz_bank.kinds.text import same_type_values

        return wrong + same_type_values(briefing, self.fact, self.answer.type)

    def mcq(self, briefing: Briefing, rng: random.Random) -> tuple[str, list[str], str]:
        right = rng.choice(self.answer.items).answer
        wrong = self._wrong_items(briefing)
        rng.shuffle(wrong)
        return right, wrong[:3], f"{self.fact.question} Which of these is one of them?"

    def swaps(self, briefing: Briefing, statement: str) -> list[Swap]:
        wrong = self._wrong_items(briefing)
        if not wrong:
            return []
        swap = fact_rng(self.fact.id, "tf").choice(wrong)
        out = []
        for item in self.answer.items:
            where = find_span(statement, [item.answer, *item.variants])
            if where:
                out.append(Swap(statement[where[0] : where[1]], swap, where))
        return out

    def blank(self, evidence: str) -> Blank | None:
        for item in self.answer.items:
            where = find_span(evidence, [item.answer, *item.variants])
            if where:
                return Blank(where, item.answer, item.key)
        return None

    def hint_items(self, level: int, leave_out: str | None = None) -> str | None:
        """How many, and one more item each time (None when spent); never `leave_out`."""
        items = [i for i in self.answer.items if i.key != leave_out]
        if level > len(items) - (0 if leave_out else 1):
            return None
        shown = ", ".join(item.answer for item in items[:level])
        total = len(self.answer.items)
        return f"{total} in all. {'One of them is' if level == 1 else 'Some are'}: {shown}."

    def count_hint(self) -> str:
        return f"{len(self.answer.items)} in all."

    def hint(self) -> str:
        return self.hint_items(1) or self.count_hint()


def _match_in(
    flat: list[str],
    spots: list[int],
    used: set[int],
    key: WordKey,
    keep: set[int] | None = None,
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Items named by the typed words at `spots` (positions in `flat`), longest forms first so
    "fighter jets" is not eaten by a shorter form of another item. Words matched are added to
    `used`, except those in `keep` (a head noun shared by several parts)."""
    words = [flat[i] for i in spots]
    taken = {j for j, i in enumerate(spots) if i in used}
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for item_key, form in key.item_forms:
        while (found := match_form(words, taken, form, key)) is not None:
            if keep is not None and not any(spots[j] in keep for j in found[0]):
                break  # the shared head must be part of what is matched
            taken.update(found[0])
            used.update(spots[j] for j in found[0] if spots[j] not in (keep or set()))
            out.append((item_key, found[1]))
            if keep is not None:
                break
    return out
