"""The briefing tutor: answers questions from the briefing at the level asked, declines when it
is silent (naming what it does say nearby), follows a conversation, and quizzes in chat."""

from quiz_bank.tutor.conversation import Tutor
from quiz_bank.tutor.examples import examples
from quiz_bank.tutor.reply import Reply, ReplyKind

__all__ = ["Reply", "ReplyKind", "Tutor", "examples"]
