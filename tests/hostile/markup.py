"""
Reading a rendered page the way an attacker hopes a browser will: what could run, load or redirect.

`findings(html, nonce)` returns every problem a page carries, by kind: a <script> that is neither ours
(a /static/ file, or carrying this response's CSP nonce) nor a known JSON data block, an on* attribute, a
javascript:/data:/vbscript: URL (read as a browser reads it: tabs and newlines removed, entities decoded,
any case), a tag that has no business in our pages (iframe, object, svg, math, base, meta refresh…),
and a form that is not one of ours. `page_text(html)` is what a reader sees, to prove a payload is shown
as the literal text the editor typed.
"""

import re
from collections import defaultdict
from html.parser import HTMLParser

from core.text import BODY_ATTRIBUTES, BODY_TAGS, BODY_URL_SCHEMES

DANGEROUS_SCHEMES = {"javascript", "data", "vbscript", "livescript", "mocha"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "codebase",
    "cite", "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "icon", "srcdoc", "srcset", "imagesrcset",
}  # fmt: skip
# Elements none of our templates produce anywhere, so one on a page came from someone's text.
FOREIGN_TAGS = {
    "iframe", "object", "embed", "frame", "frameset", "applet", "base", "portal", "math", "svg", "template",
    "isindex", "marquee", "xmp", "plaintext", "video", "audio", "foreignobject", "animate", "set", "use",
    "mglyph", "maction", "details",
}  # fmt: skip


def is_admin_furniture(tag: str, values: dict) -> bool:
    """Return whether an element is the Django admin's own: its theme icons and list filters."""
    if tag == "svg":
        classes = values.get("class") or ""
        return classes == "base-svgs" or (values.get("aria-hidden") == "true" and classes.startswith("theme-icon-"))
    if tag == "use":
        return (values.get("xlink:href") or values.get("href") or "").startswith("#icon-")
    if tag == "details":
        return "data-filter-title" in values
    return False


# Elements that belong in <head> only.
HEAD_ONLY_TAGS = {"meta", "link", "style", "base", "title"}
# JSON data blocks (not executed) that our templates and the admin write, by id.
OUR_JSON_SCRIPT_IDS = {
    "translation-states", "django-admin-popup-response-constants", "django-admin-prepopulated-fields-constants",
    "django-admin-form-add-constants",
}  # fmt: skip
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# Our forms, by id or class: the header and page search, the admin's own forms and the desk's.
OUR_FORM_MARKERS = {"search-form", "changelist-search", "changelist-form", "logout-form", "desk-form", "login-form"}
OUR_FORM_ID_SUFFIX = "_form"
# The article form's preview buttons, posting the form to its preview (admin/articles/article/submit_line.html).
OUR_FORM_ACTIONS = re.compile(r"/admin/articles/article/(?:add|[0-9]+)/preview/\?language=[a-z]{2}")

_URL_NOISE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """Return the scheme a browser would see in an attribute's URL (entities already decoded), lower-cased."""
    cleaned = _URL_NOISE.sub("", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12"
                                              "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")  # fmt: skip
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def is_dangerous_url(value: str) -> bool:
    return url_scheme(value) in DANGEROUS_SCHEMES


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]


class _Inspector(HTMLParser):
    def __init__(self, nonce: str | None):
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.found: dict[str, list[str]] = defaultdict(list)
        self.text: list[str] = []
        self.stack: list[str] = []
        self.in_body = False
        self.body_classes: set[str] = set()
        self.in_script = self.in_style = False

    def report(self, kind: str, detail: str):
        self.found[kind].append(f"{detail} (in {'/'.join(self.stack[-4:]) or 'document'})")

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed"}:
            self.stack.append(tag)
        self.in_script = tag == "script"
        self.in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if tag in ("script", "style"):
            self.in_script = self.in_style = False

    def handle_data(self, data):
        if not (self.in_script or self.in_style):
            self.text.append(data)

    def check(self, tag, attrs):
        values = dict(attrs)
        text = self.get_starttag_text() or tag
        if tag == "body":
            self.in_body = True
            self.body_classes = set((values.get("class") or "").split())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.report("event handler", text)
            if name in URL_ATTRIBUTES:
                urls = _srcset_urls(value) if name.endswith("srcset") else [value]
                if any(is_dangerous_url(url) for url in urls):
                    self.report("dangerous URL", text)
            if name == "style" and re.search(r"expression\(|url\(|javascript:|behavior|binding", value, re.I):
                self.report("style with code", text)
        if tag == "script":
            ours = (
                values.get("src", "").startswith("/static/")
                or (self.nonce is not None and values.get("nonce") == self.nonce)
                or (values.get("type") in DATA_SCRIPT_TYPES and "src" not in values
                    and values.get("id") in OUR_JSON_SCRIPT_IDS)
            )  # fmt: skip
            if not ours:
                self.report("foreign script", text)
        if tag in FOREIGN_TAGS and not is_admin_furniture(tag, values):
            self.report("foreign tag", text)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.report("meta refresh", text)
        if self.in_body and tag in HEAD_ONLY_TAGS:
            self.report("head tag in body", text)
        if tag == "style" and (self.nonce is None or values.get("nonce") != self.nonce):
            self.report("foreign style", text)
        if tag == "form":
            markers = {values.get("id") or "", *(values.get("class") or "").split()}
            # The admin's delete confirmation posts to its own address from a form with no name.
            deleting = "delete-confirmation" in self.body_classes and not values.get("action")
            if not (markers & OUR_FORM_MARKERS or (values.get("id") or "").endswith(OUR_FORM_ID_SUFFIX) or deleting):
                self.report("foreign form", text)
            if values.get("action", "").startswith(("//", "http:", "https:")):
                self.report("form posting elsewhere", text)
        formaction = values.get("formaction")
        if tag in ("button", "input") and formaction is not None and not OUR_FORM_ACTIONS.fullmatch(formaction):
            self.report("form action override", text)


def read(html: str, nonce: str | None) -> tuple[dict[str, list[str]], str]:
    """Return the page's problems by kind and its text, from one reading."""
    inspector = _Inspector(nonce)
    inspector.feed(html)
    inspector.close()
    return dict(inspector.found), " ".join("".join(inspector.text).split())


def findings(html: str, nonce: str | None) -> dict[str, list[str]]:
    """Return the page's problems by kind (an empty dict for a clean page)."""
    return read(html, nonce)[0]


def page_text(html: str) -> str:
    """Return what a reader reads on the page (scripts and styles left out), whitespace collapsed."""
    return read(html, None)[1]


def csp_nonce(response) -> str | None:
    match = re.search(r"'nonce-([^']+)'", response.headers.get("Content-Security-Policy", ""))
    return match.group(1) if match else None


class _BodyChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in BODY_TAGS:
            self.problems.append(f"tag <{tag}>")
            return
        allowed = BODY_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            elif name in ("href", "src") and url_scheme(value or "") not in (*BODY_URL_SCHEMES, None):
                self.problems.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.problems.append("comment")


def body_problems(body: str) -> list[str]:
    """Return what a stored body holds outside the allow-list of core/text.py (nothing, for a clean one)."""
    checker = _BodyChecker()
    checker.feed(body or "")
    checker.close()
    return checker.problems
