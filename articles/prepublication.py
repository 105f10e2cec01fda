"""
The hook through which an app above articles checks an article before it is published.

Articles knows no check: an app (prepublish/) registers a checker from its own AppConfig.ready(), and the
publication transitions (services.py) and the admin's change form ask it. So every way to publish, the admin's
form, its bulk action, the desk or a task, is refused by the same checks with the same reasons.
"""

from collections.abc import Iterable
from typing import Protocol

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from .models import Article, Tag


class Checker(Protocol):
    def blocking_problems(self, article: Article, *, tags: Iterable[Tag] | None = None) -> list[str]:
        """Return what blocks publishing the article, as sentences (none: it may be published)."""

    def panel(self, article: Article) -> SafeString:
        """Return the checks as the change form shows them, in the active language."""


_checkers: list[Checker] = []


def register(checker: Checker) -> None:
    if checker not in _checkers:
        _checkers.append(checker)


def blocking_problems(article: Article, *, tags: Iterable[Tag] | None = None) -> list[str]:
    """Return what blocks publishing the article; `tags` as the form holds them (else the stored ones)."""
    return [problem for checker in _checkers for problem in checker.blocking_problems(article, tags=tags)]


def panel(article: Article) -> SafeString:
    return format_html_join("", "{}", ((checker.panel(article),) for checker in _checkers)) or mark_safe("")
