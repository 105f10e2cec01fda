"""
Text rules shared by the newsroom's models: the body allow-list, word counts and reading time,
per-language slugs and Persian digits.
"""

import html
import math
import re

import nh3
from django.utils.text import slugify
from persiantools import digits

from .languages import LANGUAGES
from .languages import language as language_facts

ZWNJ = "\u200c"

# The one allow-list for article bodies: what the editor's widget produces and nothing else.
BODY_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
    "a", "strong", "b", "em", "i", "figure", "img", "figcaption",
}  # fmt: skip
BODY_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
}
BODY_URL_SCHEMES = {"http", "https", "mailto"}

_body_cleaner = nh3.Cleaner(
    tags=BODY_TAGS,
    attributes=BODY_ATTRIBUTES,
    url_schemes=BODY_URL_SCHEMES,
    clean_content_tags={"script", "style"},
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


# After the allow-list: what removing a script URL or an event handler can leave behind, invalid HTML.
# nh3 writes every attribute value in double quotes, with " escaped, so a value may hold ">" but not '"'.
_ATTRIBUTES = r'((?:\s+[^\s=>"]+(?:="[^"]*")?)*)'
_IMG_TAG = re.compile(rf"<img\b{_ATTRIBUTES}\s*/?>")
_ANCHOR = re.compile(rf"<a\b{_ATTRIBUTES}>(.*?)</a>", re.DOTALL)


def _complete_image(match: re.Match) -> str:
    attributes = match.group(1)
    if not re.search(r'\ssrc="[^"]', attributes):
        return ""  # an image with nothing to show
    if not re.search(r'\salt="', attributes):
        attributes += ' alt=""'  # no description was given: decorative, for screen readers
    return f"<img{attributes}>"


def _link_or_text(match: re.Match) -> str:
    return match.group(0) if re.search(r'\shref="[^"]', match.group(1)) else match.group(2)


def sanitise_body(value: str | None) -> str:
    """Return the body HTML with everything outside the allow-list removed, and what remains valid HTML."""
    if not value:
        return ""
    cleaned = _body_cleaner.clean(value)
    # A link whose address was removed is no link: keep its text. An image needs a source and an alt.
    cleaned = _ANCHOR.sub(_link_or_text, cleaned)
    return _IMG_TAG.sub(_complete_image, cleaned).strip()


# What text never keeps: the C0 and C1 control characters other than tab, newline and return, DEL, and the
# noncharacters U+FFFE and U+FFFF. HTML forbids them in a page, XML even escaped; they arrive pasted from
# PDFs and word processors.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def without_control_characters(value: str | None) -> str:
    """Return the text without control characters (a stray form feed in a headline is dropped)."""
    return _CONTROL_CHARACTERS.sub("", value or "")


def plain_text(value: str | None) -> str:
    """Return the text of an HTML fragment, tags removed and entities decoded."""
    if not value:
        return ""
    # Block-level tags become spaces so that "</p><p>" does not glue two words together.
    spaced = re.sub(r"<(?:/?(?:p|h[1-6]|li|blockquote|figcaption|br)\b[^>]*)>", " ", value)
    return html.unescape(nh3.clean(spaced, tags=set())).strip()


def count_words(text: str) -> int:
    """
    Count the words of a text in any of our languages.

    Splitting on whitespace keeps a Persian word joined with a zero-width non-joiner (کتاب‌ها) whole;
    tokens with no letter or digit in them (a dash, «, ؟) are punctuation, not words.
    """
    return sum(1 for token in text.split() if re.search(r"\w", token))


def image_seconds(count: int) -> int:
    """Time to look at the body's images: 12 s for the first, one second less each after, 3 s from the tenth."""
    return sum(max(12 - index, 3) for index in range(count))


def reading_minutes(body_html: str | None, language: str) -> int:
    """Return the whole minutes, rounded up and at least one, to read a body in a language."""
    words = count_words(plain_text(body_html))
    images = len(re.findall(r"<img\b", body_html or "", flags=re.IGNORECASE))
    seconds = words / language_facts(language).words_per_minute * 60 + image_seconds(images)
    return max(1, math.ceil(seconds / 60))


SLUG_MAX_LENGTH = 60


def slug_for(text: str, language: str) -> str:
    """
    Return a URL slug for a headline or name in its own language.

    English slugs are ASCII; Persian slugs keep Persian letters, with the zero-width non-joiner turned
    into a hyphen so that «ریاست‌جمهوری» does not become one run-together word. Long slugs are cut at a
    hyphen near SLUG_MAX_LENGTH characters (a Persian letter is six characters once percent-encoded).
    """
    text = (text or "").replace(ZWNJ, "-")
    slug = slugify(text, allow_unicode=not language_facts(language).ascii_slugs)
    if len(slug) > SLUG_MAX_LENGTH:
        cut = slug[:SLUG_MAX_LENGTH]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-")


def localise_digits(value, language: str) -> str:
    """Return the value as text with Persian digits (۰–۹) when the language is Persian."""
    text = str(value)
    return digits.en_to_fa(text) if language in LANGUAGES and LANGUAGES[language].persian_digits else text
