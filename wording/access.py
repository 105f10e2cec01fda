"""Who may change which language's wording: editors every language's, a translator their own, no one else."""

from django.core.exceptions import PermissionDenied

from core.roles import is_editor, translator_language

from .catalogue import catalogue_languages


def editable_languages(user) -> list[str]:
    """Return the languages whose interface wording the user may see, change and revert."""
    if not (user.is_active and user.is_staff):
        return []
    languages = catalogue_languages()
    if is_editor(user):
        return languages
    own = translator_language(user)
    return [own] if own in languages else []


def require(user, language: str) -> None:
    if language not in editable_languages(user):
        raise PermissionDenied
