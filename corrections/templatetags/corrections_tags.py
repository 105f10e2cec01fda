"""The article page's notes (corrections at the end, updates under the headline) and its "Updated" time."""

from dataclasses import dataclass
from datetime import datetime

from django import template
from django.utils import translation
from django.utils.translation import pgettext

from core import dates
from core.roles import language_name

from ..models import ArticleNote

register = template.Library()


@dataclass
class ShownNote:
    """A note as a page in a language shows it: its own translation, or the text as written, marked so."""

    note: ArticleNote
    text: str
    language: str
    untranslated: bool
    url: str = ""

    @property
    def language_name(self) -> str:
        return language_name(self.language)


def notes_of(article) -> list[ArticleNote]:
    """Return the article's notes, newest first, from its page's prefetch (none for an article never saved)."""
    if article is None or article.pk is None:
        return []
    return sorted(article.notes.all(), key=lambda note: (note.noted_at, note.pk), reverse=True)


@register.inclusion_tag("corrections/includes/_article_notes.html", takes_context=True)
def article_notes(context, article, place: str) -> dict:
    """Show the article's updates and editors' notes ("top"), or its corrections and clarifications ("end")."""
    language = translation.get_language()
    shown = []
    for note in notes_of(article):
        if note.is_at_the_end() != (place == "end"):
            continue
        text, written_in = note.shown_in(language)
        shown.append(ShownNote(note, text, written_in, written_in != language))
    return {"notes": shown, "place": place}


@register.filter
def updated_time(article) -> datetime | None:
    """Return when the article was last changed for readers: after a note, or an edit past the grace of publication."""
    if article is None:
        return None
    if notes_of(article) or article.updated_after_publication():
        return article.updated_at
    return None


@register.filter
def local_datetime(value: datetime | None) -> str:
    """Return "5 December 2026, 14:02" in English and the Jalali «۱۴ آذر ۱۴۰۵، ساعت ۱۴:۰۲» in Persian."""
    return dates.format_date(value, pgettext("the date and time of a note (Django date format)", "j F Y, H:i"))
