"""
Text rules shared by the newsroom's models: the body allow-list, word counts and reading time,
per-language slugs and Persian digits.
"""

import difflib
import html
import math
import re
import unicodedata

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


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """
    Compare two texts word by word (difflib), keeping Persian words joined with ZWNJ whole.

    Return (kind, text) pairs: kind is "equal", "insert" (only in `after`) or "delete" (only in `before`).
    """
    old, new = before.split(), after.split()
    result = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            result.append(("equal", " ".join(old[i1:i2])))
            continue
        if tag in ("replace", "delete"):
            result.append(("delete", " ".join(old[i1:i2])))
        if tag in ("replace", "insert"):
            result.append(("insert", " ".join(new[j1:j2])))
    return result


# Folding for comparing texts written by different hands: Arabic letter forms typed on an Arabic keyboard (ي, ك)
# become the Persian ones, vowel marks (harakat, superscript alef) and tatweel go, every digit (Persian,
# Arabic-Indic) becomes ASCII, and the invisible marks (ZWJ, LRM, RLM, BOM) go.
_ARABIC_MARKS = dict.fromkeys(range(0x064B, 0x0660)) | {0x0670: None}
# The one table, for `fold()` here and search's `normalise()` (search/normalise.py).
ARABIC_SCRIPT_FOLDING = str.maketrans(
    {
        "ي": "ی",  # Arabic yeh
        "ى": "ی",  # alef maksura
        "ك": "ک",  # Arabic kaf
        "ة": "ه",  # teh marbuta
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "\u0640": None,  # tatweel
        "\u200d": None,  # zero-width joiner
        "\u200e": None,  # left-to-right mark
        "\u200f": None,  # right-to-left mark
        "\ufeff": None,
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
    | _ARABIC_MARKS
)
# A zero-width non-joiner written as a space, with spaces around it, or doubled reads the same.
_JOINER_SPACING = re.compile(r"\s*\u200c[\s\u200c]*")


def fold(text: str | None) -> str:
    """
    Return the text as two hands' versions of it compare: NFKC, Arabic letter forms folded to Persian, vowel
    marks, tatweel and invisible marks dropped, digits ASCII, each ZWNJ (and any spacing around it) one space,
    whitespace collapsed, lower case. «می‌خواهند», «مي خواهند» and «می ‌خواهند» fold alike.
    """
    text = unicodedata.normalize("NFKC", text or "").translate(ARABIC_SCRIPT_FOLDING)
    return " ".join(_JOINER_SPACING.sub(" ", text).split()).lower()
