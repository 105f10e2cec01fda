"""Saving and reverting a message's wording, and telling every app server (and the page cache) about it."""

import threading
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.caching import content_replaced

from . import catalogue, placeholders, runtime
from .models import Change, Override

# Pages rendered by another process in the moment before it reloaded (at most runtime.poll_seconds()) may
# be stored in the page cache with the old wording; a second invalidation after that moment makes them
# stale too (the page cache refuses to store a page that began before an invalidation, see
# pagecache/tokens.py).
FOLLOW_UP_MARGIN = 1.0


class ChangedMeanwhile(ValidationError):
    """The message changed since the translator opened it: nothing saved, their form shows it as it is now."""


@dataclass(frozen=True)
class Outcome:
    change: Change | None  # None: the wording was already this


def current_forms(language: str, key: str) -> list[str] | None:
    """Return a message's corrected wording, or None when the catalogue's own is in force."""
    override = Override.objects.filter(language=language, key=key).first()
    return override.forms if override else None


@transaction.atomic
def save_wording(
    *, language: str, message: catalogue.CatalogueMessage, forms: list[str], by, based_on: int | None = None
) -> Outcome:
    """
    Put a wording in force for a message, or refuse it (ValidationError, nothing saved) if it could break a page.

    `based_on` is the message's last change when the translator opened it (0: none); if someone changed it
    since, the save is refused (ChangedMeanwhile) rather than overwriting their wording unseen. A wording
    equal to the catalogue's own removes the correction.
    """
    nplurals = catalogue.load(language).nplurals
    errors = placeholders.problems(message, forms, nplurals)
    if errors:
        raise ValidationError(errors)
    if based_on is not None:
        locked_override(language, message.key)  # waits for a save of the same message to end
        if last_change(language, message.key) != based_on:
            raise ChangedMeanwhile(
                gettext(
                    "Someone changed this wording while you were editing it. Here it is now: make your change again."
                )
            )
    return _set(language=language, message=message, forms=list(forms), by=by, reverts=None)


def last_change(language: str, key: str) -> int:
    """Return the number of a message's last change (0 if it never changed here)."""
    return Change.objects.filter(language=language, key=key).order_by("-pk").values_list("pk", flat=True).first() or 0


@transaction.atomic
def revert_change(*, change: Change, by) -> Outcome:
    """Put back the wording a change replaced (the catalogue's own, or an earlier correction)."""
    message = catalogue.load(change.language).by_key.get(change.key)
    if message is None:
        raise ValidationError(gettext("This message is no longer in the catalogue: its change cannot be reverted."))
    forms = change.before
    if forms is not None:
        errors = placeholders.problems(message, forms, catalogue.load(change.language).nplurals)
        if errors:
            raise ValidationError(errors)
    return _set(language=change.language, message=message, forms=forms, by=by, reverts=change)


def locked_override(language: str, key: str) -> Override | None:
    """Return a message's correction, locked until the transaction ends (None if there is none yet)."""
    return Override.objects.select_for_update().filter(language=language, key=key).first()


def _set(*, language, message, forms, by, reverts) -> Outcome:
    if forms is not None and message.translated and tuple(forms) == message.translations:
        forms = None  # the catalogue's own wording: no correction needed
    override = locked_override(language, message.key)
    before = override.forms if override else None
    if before == forms:
        return Outcome(change=None)
    now = timezone.now()
    # Which message of which language: how an override and each change name it.
    identity = {
        "language": language,
        "context": message.context,
        "msgid": message.msgid,
        "msgid_plural": message.msgid_plural,
    }
    if forms is None:
        override.delete()
    elif override is None:
        try:
            with transaction.atomic():  # a savepoint: another translator may create the row first
                Override.objects.create(**identity, forms=forms, changed_by=by, changed_at=now)
        except IntegrityError:
            return _set(language=language, message=message, forms=forms, by=by, reverts=reverts)  # on their row
    else:
        override.forms, override.changed_by, override.changed_at = forms, by, now
        override.save()
    change = Change.objects.create(
        **identity,
        before=before,
        after=forms,
        changed_by=by,
        changed_at=now,
        reverts=reverts,
    )
    transaction.on_commit(lambda: announce(change.pk), robust=True)
    return Outcome(change=change)


def announce(version: int, *, follow_up: bool = True) -> None:
    """Tell every process that the wording changed, and make every cached page stale, now and once more later."""
    cache.set(runtime.VERSION_KEY, version, timeout=None)
    runtime.forget()
    content_replaced.send(sender=Override)
    if follow_up and runtime.poll_seconds():
        timer = threading.Timer(runtime.poll_seconds() + FOLLOW_UP_MARGIN, _follow_up, kwargs={"version": version})
        timer.daemon = True
        timer.start()


def _follow_up(version: int) -> None:
    # In case the first write found the cache down (a later change's number is left alone).
    if (cache.get(runtime.VERSION_KEY) or 0) < version:
        cache.set(runtime.VERSION_KEY, version, timeout=None)
    content_replaced.send_robust(sender=Override)
