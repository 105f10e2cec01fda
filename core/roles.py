"""
The newsroom's roles, as Django groups, and what each may do.

Group names are part of the data (load_demo and the roles migration use them); code asks the
questions below instead of comparing group names itself.
"""

from django.conf import settings

EDITOR = "Editor"
AUTHOR = "Author"
TRANSLATOR_GROUPS = {"fa": "Translator (fa)", "en": "Translator (en)"}


def _group_names(user) -> set[str]:
    if not hasattr(user, "_newsroom_groups"):
        user._newsroom_groups = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
    return user._newsroom_groups


def is_editor(user) -> bool:
    """Return whether the user may do everything editorial, publishing included."""
    return user.is_active and (user.is_superuser or user.has_perm("articles.publish_article"))


def is_author(user) -> bool:
    return not is_editor(user) and AUTHOR in _group_names(user)


def translator_language(user) -> str | None:
    """Return the language a translator (who is neither editor nor author) translates into, if any."""
    if is_editor(user) or is_author(user):
        return None
    names = _group_names(user)
    for language, group in TRANSLATOR_GROUPS.items():
        if group in names:
            return language
    return None


def can_publish(user) -> bool:
    return is_editor(user)


def language_name(language: str) -> str:
    return str(dict(settings.LANGUAGES).get(language, language))
