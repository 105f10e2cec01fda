"""
An article's publication transitions: to review, published (now or on schedule), withdrawn.

The admin's bulk actions call these, and so will the desk, an API or a task: each rule is written here once.
Each function reads the article again under a row lock, inside one transaction, so that a transition never
writes over an edit saved since the caller read the article; it moves the edit `version` on (an editor whose
form was opened before is told), records the change in the history as made `by` the person, and says what
happened. Whether that person may make the transition is the caller's question (`core.roles.can_publish`).
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

from core import media

from . import prepublication
from .models import Article

# What a transition writes: copied back onto the caller's instance, so that it shows the article as saved.
TRANSITION_FIELDS = ("status", "publish_at", "first_published_at", "updated_at", "version")


class Outcome(models.TextChoices):
    SENT_TO_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    WITHDRAWN = "withdrawn", _("Withdrawn")
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
        if not current.available_languages():
            return Transition(article, Outcome.REFUSED, _("It has no headline and body in any language."))
        if problems := prepublication.blocking_problems(current):
            return Transition(article, Outcome.REFUSED, blocked(problems))
        current.status = Article.Status.PUBLISHED
        return _saved(article, current, Outcome.SCHEDULED if current.is_scheduled() else Outcome.PUBLISHED)


def schedule_article(*, article: Article, publish_at: datetime, by: AbstractBaseUser | None) -> Transition:
    """
    Publish an article from a moment still to come; an article already scheduled moves to the new moment.
    An article readers can see now stays as it is: withdraw it first.
    """
    if publish_at <= timezone.now():
        raise ValueError(f"A schedule needs a moment still to come, not {publish_at:%Y-%m-%d %H:%M %Z}.")
    with _transition(article, by) as current:
        if current.is_published():
            return Transition(article, Outcome.UNCHANGED, _("Readers can already see it: withdraw it first."))
        if not current.available_languages():
            return Transition(article, Outcome.REFUSED, _("It has no headline and body in any language."))
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


def _saved(article: Article, current: Article, outcome: Outcome) -> Transition:
    current.version += 1
    current.save()
    reversion.set_comment(str(outcome.label))
    for name in TRANSITION_FIELDS:
        setattr(article, name, getattr(current, name))
    return Transition(article, outcome)
