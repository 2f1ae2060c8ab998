"""Turning any article into a draft briefing: cards, facts, answer keys (no Textual)."""

from quiz_bank.generate.draft import Draft, build_draft
from quiz_bank.generate.extract import Article, ArticleError, read_article
from quiz_bank.generate.writer import ImportResult, dump_yaml, import_article, prepare, save

__all__ = [
    "Article",
    "ArticleError",
    "Draft",
    "ImportResult",
    "build_draft",
    "dump_yaml",
    "import_article",
    "prepare",
    "read_article",
    "save",
]
