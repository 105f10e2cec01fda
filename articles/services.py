"""
An article's publication transitions: to review, published (now or on schedule), withdrawn, taken down
and restored.

The admin's bulk actions call these, and so will the desk, an API or a task: each rule is written here once.
Each function reads the article again under a row lock, inside one transaction, so that a transition never
writes over an edit saved since the caller read the article; it moves the edit `version` on (an editor whose
form was opened before is told), records the change in the history as made `by` the person, and says what
happened. Whether that person may make the transition is the caller's question (`core.roles.can_publish`).

An embargo (`Article.embargo_until`) is one rule, `embargo_refusal`: these transitions refuse to pass it, and
the admin's form asks it before a save, so that no path publishes an embargoed article early.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import dates, media
from core.languages import LANGUAGE_CODES

from . import prepublication
from .models import Article
from .withheld import release_images, withhold_images

# What a transition writes: copied back onto the caller's instance, so that it shows the article as saved.
TRANSITION_FIELDS = ("status", "publish_at", "first_published_at", "updated_at", "version")
# What a takedown or a restore writes besides.
TAKEDOWN_FIELDS = ("takedown_reason", "takedown_notice", "taken_down_at", "taken_down_by", "image_renditions")
# The longest reason and notice a takedown keeps (a form says so before the service refuses).
TAKEDOWN_TEXT_LIMIT = 5000
# Only a restore brings a taken-down article back (its images with it), never publishing or scheduling.
TAKEN_DOWN_NOT_PUBLISHED = _("It is taken down: restore it to publish it again.")


class Outcome(models.TextChoices):
    SENT_TO_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    TAKEN_DOWN = "taken_down", _("Taken down")
    RESTORED = "restored", _("Restored")
    UNCHANGED = "unchanged", _("Left as it was")
    REFUSED = "refused", _("Refused")


@dataclass(frozen=True)
class Transition:
    """What a transition did to an article, and why when it did nothing."""

    article: Article
    outcome: Outcome
    reason: str = ""

    @property
    def done(self) -> bool:
        return self.outcome not in (Outcome.UNCHANGED, Outcome.REFUSED)


def embargo_refusal(article: Article, *, publish_at: datetime | None = None) -> str:
    """
    Return why the article may not be published as it stands, or from `publish_at`, under its embargo (in the
    active language), or "" when it may: no publication, at once or scheduled, comes before the embargo.
    """
    embargo = article.embargo_until
    if embargo is None or (article.status != Article.Status.PUBLISHED and publish_at is None):
        return ""  # an embargo holds publication back, nothing else
    if (publish_at or article.publish_at or timezone.now()) < embargo:
        return gettext(
            "It is under embargo until %(embargo)s and cannot be published before then: choose a publication "
            "time at or after it."
        ) % {"embargo": dates.display(embargo)}
    return ""


def past_embargo(embargo: datetime | None, *, was: datetime | None) -> str:
    """
    Return why an embargo newly set or moved cannot be saved (it has already passed), or "" when it can. One
    that was stored and has since passed holds nothing back, and stays as a record.
    """
    if embargo is None or embargo > timezone.now():
        return ""
    if was is not None and embargo.replace(microsecond=0) == was.replace(microsecond=0):
        return ""  # as stored (the admin's inputs carry whole seconds)
    return gettext("An embargo must end in the future: %(moment)s has already passed.") % {
        "moment": dates.display(embargo)
    }


def send_to_review(*, article: Article, by: AbstractBaseUser | None) -> Transition:
    """Send a draft to the editors for review."""
    with _transition(article, by) as current:
        if current.status != Article.Status.DRAFT:
            return Transition(article, Outcome.UNCHANGED, _("Only a draft can be sent to review."))
        current.status = Article.Status.IN_REVIEW
        return _saved(article, current, Outcome.SENT_TO_REVIEW)


def publish_article(*, article: Article, by: AbstractBaseUser | None) -> Transition:
    """
    Publish an article written in at least one language: at once, or from its `publish_at` when that is
    still to come (then it is scheduled).
    """
    with _transition(article, by) as current:
        if current.status == Article.Status.PUBLISHED:
            return Transition(article, Outcome.UNCHANGED, _("It is already published or scheduled."))
        if current.status == Article.Status.TAKEN_DOWN:
            return Transition(article, Outcome.UNCHANGED, TAKEN_DOWN_NOT_PUBLISHED)
        if not current.available_languages():
            return Transition(article, Outcome.REFUSED, _("It has no headline and body in any language."))
        if problems := prepublication.blocking_problems(current):
            return Transition(article, Outcome.REFUSED, blocked(problems))
        current.status = Article.Status.PUBLISHED
        if reason := embargo_refusal(current, publish_at=current.publish_at or timezone.now()):
            return Transition(article, Outcome.REFUSED, reason)
        return _saved(article, current, Outcome.SCHEDULED if current.is_scheduled() else Outcome.PUBLISHED)


def schedule_article(*, article: Article, publish_at: datetime, by: AbstractBaseUser | None) -> Transition:
    """
    Publish an article from a moment still to come; an article already scheduled moves to the new moment.
    An article readers can see now stays as it is: withdraw it first.
    """
    if publish_at <= timezone.now():
        raise ValueError(f"A schedule needs a moment still to come, not {publish_at:%Y-%m-%d %H:%M %Z}.")
    with _transition(article, by) as current:
        if current.status == Article.Status.TAKEN_DOWN:
            return Transition(article, Outcome.UNCHANGED, TAKEN_DOWN_NOT_PUBLISHED)
        if current.is_published():
            return Transition(article, Outcome.UNCHANGED, _("Readers can already see it: withdraw it first."))
        if not current.available_languages():
            return Transition(article, Outcome.REFUSED, _("It has no headline and body in any language."))
        if reason := embargo_refusal(current, publish_at=publish_at):
            return Transition(article, Outcome.REFUSED, reason)
        if problems := prepublication.blocking_problems(current):
            return Transition(article, Outcome.REFUSED, blocked(problems))
        if current.first_published_at and current.first_published_at > timezone.now():
            current.first_published_at = None  # a moment it was once scheduled for, never reached
        current.status = Article.Status.PUBLISHED
        current.publish_at = publish_at
        return _saved(article, current, Outcome.SCHEDULED)


def withdraw_article(*, article: Article, by: AbstractBaseUser | None) -> Transition:
    """Take a published (or scheduled) article away from readers; its address answers 404 again."""
    with _transition(article, by) as current:
        if current.status != Article.Status.PUBLISHED:
            return Transition(article, Outcome.UNCHANGED, _("Only a published or scheduled article can be withdrawn."))
        current.status = Article.Status.WITHDRAWN
        return _saved(article, current, Outcome.WITHDRAWN)


def take_down_article(
    *, article: Article, by: AbstractBaseUser | None, reason: str, legal_notice: str | dict[str, str] = ""
) -> Transition:
    """
    Take an article away from readers in every language at once, for a reason kept in the history (the
    revision's comment): its addresses answer 410 Gone with a short notice, or with the legal notice given
    (one text for every language, or {language: text}); it leaves every list, feed, sitemap and search at
    once (it is no longer published), every page showing it is made stale (the save's signals: the page cache
    and the edge), and its images leave public media (articles/withheld.py).
    """
    reason = (reason or "").strip()
    if not reason:
        return Transition(article, Outcome.REFUSED, _("Give the reason for the takedown: it is kept in the history."))
    notices = _notices(legal_notice)
    if len(reason) > TAKEDOWN_TEXT_LIMIT or any(len(text) > TAKEDOWN_TEXT_LIMIT for text in notices.values()):
        return Transition(article, Outcome.REFUSED, _("The reason and each notice may be at most 5,000 characters."))
    with _transition(article, by) as current:
        if current.status == Article.Status.TAKEN_DOWN:
            return Transition(article, Outcome.UNCHANGED, _("It is already taken down: nothing was changed."))
        if current.status != Article.Status.PUBLISHED:
            return Transition(article, Outcome.UNCHANGED, _("Only a published or scheduled article can be taken down."))
        withhold_images(current)
        current.status = Article.Status.TAKEN_DOWN
        current.takedown_reason = reason
        current.takedown_notice = notices
        current.taken_down_at = timezone.now()
        current.taken_down_by = by if by is not None and by.pk else None
        transition = _saved(
            article, current, Outcome.TAKEN_DOWN, comment=_("Taken down: %(reason)s") % {"reason": reason}
        )
        _copy_back(article, current, TAKEDOWN_FIELDS)
        return transition


def restore_article(*, article: Article, by: AbstractBaseUser | None) -> Transition:
    """
    Give a taken-down article back to readers as it was published (at its first publication time), with its
    images: the upload returns to public media and the worker makes its renditions again. The reason it was
    taken down stays in the history; the notice goes.
    """
    with _transition(article, by) as current:
        if current.status != Article.Status.TAKEN_DOWN:
            return Transition(article, Outcome.UNCHANGED, _("Only a taken-down article can be restored."))
        if not current.available_languages():
            return Transition(article, Outcome.REFUSED, _("It has no headline and body in any language."))
        release_images(current)
        current.status = Article.Status.PUBLISHED
        current.publish_at = current.publish_at or current.first_published_at
        current.takedown_reason = ""
        current.takedown_notice = {}
        current.taken_down_at = None
        current.taken_down_by = None
        transition = _saved(article, current, Outcome.RESTORED)
        _copy_back(article, current, TAKEDOWN_FIELDS)
        return transition


def _notices(legal_notice: str | dict[str, str]) -> dict[str, str]:
    """Return the legal notice per language, without empty ones."""
    if isinstance(legal_notice, str):
        legal_notice = dict.fromkeys(LANGUAGE_CODES, legal_notice)
    return {
        code: text.strip() for code, text in legal_notice.items() if code in LANGUAGE_CODES and text and text.strip()
    }


def blocked(problems: list[str]) -> str:
    """Say which of the pre-publish checks (articles.prepublication) block publishing."""
    return gettext("Blocked by the pre-publish checks: %(problems)s") % {"problems": gettext("; ").join(problems)}


@contextmanager
def _transition(article: Article, by: AbstractBaseUser | None) -> Iterator[Article]:
    """Open the transaction and the history's revision; lock and read the article as it is now."""
    # media.atomic: a save may write the image's renditions, which a rollback must take away again.
    with media.atomic(), reversion.create_revision():
        if by is not None:
            reversion.set_user(by)
        yield Article.objects.select_for_update().get(pk=article.pk)


def _saved(article: Article, current: Article, outcome: Outcome, *, comment: str = "") -> Transition:
    current.version += 1
    current.save()
    reversion.set_comment(str(comment or outcome.label))
    _copy_back(article, current, TRANSITION_FIELDS)
    return Transition(article, outcome)


def _copy_back(article: Article, current: Article, names) -> None:
    for name in names:
        setattr(article, name, getattr(current, name))
