"""
The pre-publish checks: what an article is checked for, per language, before it is published.

Each check reads the article (as stored, or as its form holds it) in one language and says what is wrong, or
nothing. Whether a failure blocks publication or only warns is the editors' choice (`CheckSetting`, with the
defaults below). The article service asks `blocking_problems()` before every publication, and the change form
shows `panel()` (registered in articles.prepublication from this app's AppConfig.ready()).

Checked languages: those the article is written in (headline and body), which publishing shows to readers;
a draft written in no language yet is checked in those it has begun, else in every language, so that the
panel says what is missing.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.links import ResolvedLinks, resolve_addresses
from articles.links import body_links as find_body_links
from articles.models import Article, Tag
from core import translated
from core.languages import LANGUAGE_CODES, direction, other_languages
from core.models import is_written
from core.roles import language_name
from core.text import localise_digits

from .models import CheckSetting, Severity

# Search results show about this many characters of a headline before cutting it short.
HEADLINE_MAX = 110
# A standfirst is a sentence or two: cards and search snippets show about this much.
STANDFIRST_MAX = 300

PASSED = "passed"

_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'\salt="([^"]*)"')


@dataclass
class Subject:
    """What the checks read of an article: its text, its tags, and its links resolved once for all languages."""

    article: Article
    tags: list[Tag]
    links: dict[str, ResolvedLinks]


@dataclass(frozen=True)
class Check:
    name: str
    label: str
    default: str
    run: Callable[[Subject, str], str]  # the problem in a language, "" when it passes


@dataclass(frozen=True)
class Result:
    check: Check
    language: str
    problem: str
    severity: str

    @property
    def status(self) -> str:
        return self.severity if self.problem else PASSED

    @property
    def status_label(self) -> str:
        return {
            PASSED: gettext("Passed"),
            Severity.BLOCKING: gettext("Blocking"),
            Severity.WARNING: gettext("Warning"),
        }[self.status]


def _text(article: Article, name: str, language: str) -> str:
    return (getattr(article, f"{name}_{language}", None) or "").strip()


def _number(value: int) -> str:
    return localise_digits(value, get_language())


def headline(subject: Subject, language: str) -> str:
    return "" if _text(subject.article, "headline", language) else gettext("There is no headline.")


def headline_length(subject: Subject, language: str) -> str:
    length = len(_text(subject.article, "headline", language))
    if length <= HEADLINE_MAX:
        return ""
    return gettext(
        "The headline is %(length)s characters long; search results show about %(limit)s, so shorten it."
    ) % {"length": _number(length), "limit": _number(HEADLINE_MAX)}


def standfirst(subject: Subject, language: str) -> str:
    return "" if _text(subject.article, "standfirst", language) else gettext("There is no standfirst.")


def standfirst_length(subject: Subject, language: str) -> str:
    length = len(_text(subject.article, "standfirst", language))
    if length <= STANDFIRST_MAX:
        return ""
    return gettext("The standfirst is %(length)s characters long; keep it within %(limit)s.") % {
        "length": _number(length),
        "limit": _number(STANDFIRST_MAX),
    }


def image_alt(subject: Subject, language: str) -> str:
    if not subject.article.image or _text(subject.article, "image_alt", language):
        return ""
    return gettext("The featured image has no alt text describing it.")


def body_images_alt(subject: Subject, language: str) -> str:
    body = getattr(subject.article, f"body_{language}", None) or ""
    # The sanitiser gives an image without alt an empty one (decorative); a news picture needs a description.
    missing = sum(1 for tag in _IMG.findall(body) if not (m := _ALT.search(tag)) or not m.group(1).strip())
    if not missing:
        return ""
    return ngettext(
        "%(count)s image in the body has no alt text describing it.",
        "%(count)s images in the body have no alt text describing them.",
        missing,
    ) % {"count": _number(missing)}


def filing(subject: Subject, language: str) -> str:
    problems = []
    if subject.article.section_id is None:
        problems.append(gettext("No section is chosen."))
    if not subject.tags:
        problems.append(gettext("No tag is chosen."))
    return " ".join(problems)


def other_language(subject: Subject, language: str) -> str:
    problems = []
    for other in other_languages(language):
        name = language_name(other)
        # The desk knows whether a translation is outdated (core.translated's provider); without it, written is all.
        provider = translated.state_provider()
        if not is_written(subject.article, other):
            problems.append(gettext("The %(language)s version is not written yet.") % {"language": name})
        elif provider is not None and translated.state_of(subject.article, other) == provider.OUTDATED:
            problems.append(
                gettext("The %(language)s version is outdated: its source changed since it was translated.")
                % {"language": name}
            )
    return " ".join(problems)


def unpublished_links(subject: Subject, language: str) -> str:
    resolved = subject.links[language]
    hidden = []
    for link in resolved.links:
        article = resolved.article_for(link)
        if article is None:
            hidden.append(gettext("%(address)s (no such article)") % {"address": link.href})
        elif not article.is_published():
            hidden.append(gettext("“%(headline)s” (%(address)s)") % {"headline": article, "address": link.href})
    if not hidden:
        return ""
    return gettext("The body links to articles readers cannot see: %(links)s.") % {
        "links": gettext(", ").join(dict.fromkeys(hidden))
    }


CHECKS = [
    Check("headline", _("Headline present"), Severity.BLOCKING, headline),
    Check("headline_length", _("Headline length"), Severity.WARNING, headline_length),
    Check("standfirst", _("Standfirst present"), Severity.BLOCKING, standfirst),
    Check("standfirst_length", _("Standfirst length"), Severity.WARNING, standfirst_length),
    Check("image_alt", _("Alt text on the featured image"), Severity.BLOCKING, image_alt),
    Check("body_images_alt", _("Alt text on the body's images"), Severity.BLOCKING, body_images_alt),
    Check("filing", _("A section and at least one tag"), Severity.WARNING, filing),
    Check("other_language", _("The other language's version"), Severity.WARNING, other_language),
    Check("unpublished_links", _("Links to our own articles"), Severity.BLOCKING, unpublished_links),
]


def check_named(name: str) -> Check | None:
    return next((check for check in CHECKS if check.name == name), None)


def severities() -> dict[str, str]:
    """Return each check's severity: the editors' setting, else the default (one query)."""
    chosen = dict(CheckSetting.objects.values_list("check_name", "severity"))
    return {check.name: chosen.get(check.name, check.default) for check in CHECKS}


def checked_languages(article: Article) -> list[str]:
    """Return the languages to check: those it is written in, else those begun, else all."""
    written = [language for language in LANGUAGE_CODES if is_written(article, language)]
    begun = [
        language
        for language in LANGUAGE_CODES
        if any(_text(article, name, language) for name in ("headline", "standfirst", "body"))
    ]
    return written or begun or list(LANGUAGE_CODES)


def run_checks(article: Article, *, tags: Iterable[Tag] | None = None) -> dict[str, list[Result]]:
    """Return, per checked language, every check's result; `tags` as a form holds them (else the stored ones)."""
    languages = checked_languages(article)
    if tags is None:
        tags = article.tags.all() if article.pk else []
    body_links = {language: find_body_links(getattr(article, f"body_{language}", None)) for language in languages}
    articles = resolve_addresses(link.address for links in body_links.values() for link in links)
    subject = Subject(
        article,
        list(tags),
        {language: ResolvedLinks(links, articles) for language, links in body_links.items()},
    )
    chosen = severities()
    return {
        language: [Result(check, language, check.run(subject, language), chosen[check.name]) for check in CHECKS]
        for language in languages
    }


# The articles app's hook (articles.prepublication.Checker) -----------------------------------------------------


def blocking_problems(article: Article, *, tags: Iterable[Tag] | None = None) -> list[str]:
    """Return the failures that block publication, each named with its language and check."""
    return [
        gettext("%(language)s, %(check)s: %(problem)s")
        % {"language": language_name(language), "check": result.check.label, "problem": result.problem}
        for language, results in run_checks(article, tags=tags).items()
        for result in results
        if result.status == Severity.BLOCKING
    ]


def panel(article: Article) -> SafeString:
    """Return the checks as the change form shows them, per language, in the active (admin) language."""
    results = run_checks(article)
    languages = [
        {"code": language, "name": language_name(language), "direction": direction(language), "results": items}
        for language, items in results.items()
    ]
    blocking = any(result.status == Severity.BLOCKING for items in results.values() for result in items)
    return render_to_string("prepublish/panel.html", {"languages": languages, "blocking": blocking})
