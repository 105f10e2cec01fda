"""
Who may share an article's preview, and the two things done to a link: made, and revoked.

The admin calls these, and so would the desk or an API: each rule is written here once. Editors share any
article; an author shares their own (bylined) articles and revokes the links they made; translators share
nothing. The links are the newsroom's record of who was shown what, so they are revoked, never deleted.
"""

from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import get_language, gettext

from articles.models import Article
from core import dates
from core.roles import is_author, is_editor, language_name
from core.text import localise_digits

from .models import PreviewLink

DEFAULT_LIFETIME = timedelta(days=3)
# An embargoed article's partners may need a week or two; a month is long enough for any preview.
LONGEST_LIFETIME = timedelta(days=30)


def may_share(user: AbstractBaseUser, article: Article | None = None) -> bool:
    """Return whether the user may make preview links (of this article, when one is given)."""
    if not (user.is_active and user.is_staff and user.has_perm("previews.add_previewlink")):
        return False
    if is_editor(user):
        return True
    if not is_author(user):
        return False
    profile = getattr(user, "author_profile", None)
    return article is None or (profile is not None and article.bylines.filter(author=profile).exists())


def may_revoke(user: AbstractBaseUser, link: PreviewLink | None = None) -> bool:
    """Return whether the user may revoke preview links (this one, when one is given)."""
    if not (user.is_active and user.is_staff and user.has_perm("previews.change_previewlink")):
        return False
    if is_editor(user):
        return True
    return is_author(user) and (link is None or link.created_by_id == user.pk)


def link_problems(*, article: Article, language: str, expires_at: datetime | None) -> dict[str, str]:
    """Return what keeps a link from being made, per field, in the active language ({} when nothing does)."""
    problems = {}
    if not article.is_available_in(language):
        problems["language"] = gettext("The article has no headline and body in %(language)s yet.") % {
            "language": language_name(language)
        }
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        problems["expires_at"] = gettext("Choose a moment still to come.")
    elif expires_at is not None and expires_at > now + LONGEST_LIFETIME:
        problems["expires_at"] = gettext(
            "A preview link may last %(days)s days at most: choose %(latest)s or earlier."
        ) % {
            "days": localise_digits(LONGEST_LIFETIME.days, get_language()),
            "latest": dates.display(now + LONGEST_LIFETIME),
        }
    return problems


def create_preview_link(
    *, article: Article, language: str, expires_at: datetime, note: str = "", by: AbstractBaseUser
) -> PreviewLink:
    """Make a preview link; refuse (PermissionDenied, ValidationError) what the person or the input may not."""
    if not may_share(by, article):
        raise PermissionDenied
    if problems := link_problems(article=article, language=language, expires_at=expires_at):
        raise ValidationError(problems)
    return PreviewLink.objects.create(
        article=article, language=language, expires_at=expires_at, note=note, created_by=by
    )


def revoke_preview_link(*, link: PreviewLink, by: AbstractBaseUser) -> bool:
    """Stop a link working now; return whether it was working until then (a revoked link stays revoked)."""
    if not may_revoke(by, link):
        raise PermissionDenied
    updated = PreviewLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    link.refresh_from_db(fields=["revoked_at", "revoked_by"])
    return bool(updated)
