"""
Adding and amending an article's notes: the newsroom's rules, written once for the admin, the tests and any API.

A note goes only on an article readers can see now; its text is never changed silently: an amendment names its
reason, which the history keeps with the text it replaced. Each write moves the article's `updated_at` on, so that
its page's "Updated" line, its JSON-LD `dateModified`, its feed entry's <updated> and its sitemap entry follow.
Whether the person may write notes is the caller's question (`core.roles.can_publish`).
"""

from datetime import timedelta

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from core.languages import LANGUAGE_CODES
from core.text import localise_digits

from .models import ArticleNote, Kind

# A note's time may run a little ahead of the server's clock (the editor's), never further.
CLOCK_SKEW = timedelta(minutes=5)
MAX_TEXT = 2000


def refusal(article: Article) -> str:
    """Return why the article may not carry a new note, or "" when it may."""
    if not article.is_published():
        return gettext(
            "Notes go only on a published article, which readers can see now: this one is not published "
            "(or only scheduled). Nothing was saved."
        )
    return ""


def check_note(note: ArticleNote, *, article: Article) -> None:
    """Raise a ValidationError (by field) for a note that may not be saved on the article as it is."""
    if reason := refusal(article):
        raise ValidationError(reason, code="unpublished")
    errors = {}
    if note.kind not in Kind.values:
        errors["kind"] = _("Choose the kind of note.")
    if note.language not in LANGUAGE_CODES:
        errors["language"] = _("Choose the language the note is written in.")
    noted_at = note.noted_at or timezone.now()
    for code in LANGUAGE_CODES:
        text = getattr(note, f"text_{code}", None) or ""
        if code == note.language and not text.strip():
            errors[f"text_{code}"] = _("Write the note in the language you chose.")
        elif len(text) > MAX_TEXT:
            errors[f"text_{code}"] = _("A note may be at most %(count)s characters long.") % {
                "count": localise_digits(MAX_TEXT, get_language())
            }
    if noted_at > timezone.now() + CLOCK_SKEW:
        errors["noted_at"] = _("A note's time cannot be in the future.")
    published = article.first_published_at or article.publish_at
    if published and noted_at < published:
        errors["noted_at"] = _("A note's time cannot be before the article was published.")
    if errors:
        raise ValidationError(errors)


def add_note(*, note: ArticleNote, by: AbstractBaseUser | None) -> ArticleNote:
    """
    Save a new note (its article, kind, language, text in that language and time set) on a published article;
    raise ValidationError, with nothing saved, when it is refused.
    """
    if note.pk is not None:
        raise ValueError("add_note() adds a new note; amend a saved one with amend_note().")
    note.noted_at = note.noted_at or timezone.now()
    with transaction.atomic(), reversion.create_revision():
        # Locked, so that a withdrawal committed meanwhile is seen: a note never lands on an unpublished article.
        current = Article.objects.select_for_update().without_search_index().get(pk=note.article_id)
        check_note(note, article=current)
        note.created_by = by
        note.save()
        _article_changed(current)
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment(gettext("%(kind)s added.") % {"kind": note.get_kind_display()})
    return note


def amend_note(*, note: ArticleNote, reason: str, by: AbstractBaseUser | None) -> ArticleNote:
    """
    Save the changes made to a note (its kind or text, in either language), with the reason for them; the history
    keeps the note as it was. Raise ValidationError (nothing saved) without a reason or when refused.
    """
    if not (reason or "").strip():
        raise ValidationError({"amendment": _("Say why the note is amended: readers may have read it already.")})
    with transaction.atomic(), reversion.create_revision():
        current = Article.objects.select_for_update().without_search_index().get(pk=note.article_id)
        check_note(note, article=current)
        note.amended_at = timezone.now()
        note.version += 1
        note.save()
        _article_changed(current)
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment(amendment_comment(note, reason))
    return note


def amendment_comment(note: ArticleNote, reason: str) -> str:
    return gettext("%(kind)s amended: %(reason)s") % {"kind": note.get_kind_display(), "reason": reason.strip()}


def _article_changed(article: Article) -> None:
    # update(): the article's own save would re-derive and re-index it, and bump its edit version under an editor
    # who has its form open. Its pages are made stale by the note's own save (ArticleNote.page_cache_stale_tags).
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
