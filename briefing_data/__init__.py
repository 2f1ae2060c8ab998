"""The content of a briefing: the article, the curated cards and facts, and loading them."""

from briefing_data.loader import BriefingError, builtin_briefing, load_briefing
from briefing_data.models import Briefing, Card, FactBase

__all__ = ["Briefing", "BriefingError", "Card", "FactBase", "builtin_briefing", "load_briefing"]
