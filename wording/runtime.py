"""
The corrections in force in this process: put in front of Django's translation catalogues, and reloaded
within POLL_SECONDS of a change made on any app server.

How a change travels: the process that saves it writes the newest change's number to the shared cache
(VERSION_KEY) once the transaction commits. Every process reads that number at most once every
POLL_SECONDS (settings.WORDING_POLL_SECONDS), at the start of a request (one cache read), and reloads
its corrections from the database when the number differs from the one it loaded. It asks the database
itself (one indexed MAX(id)) when the cache cannot answer (Redis down, or a per-process memory cache
that other processes cannot see), and every DB_CHECK_SECONDS in any case, so that a number the cache
missed while it was down is caught. If the database cannot answer either, the corrections last loaded
stay in force: a page is never refused for this.

How Django finds them: each language's DjangoTranslation looks messages up in its `_catalog`, a
TranslationCatalog that searches a list of catalogues in order, each with its plural function. The
corrections become the first of that list (WordingCatalog, swapped in with one attribute assignment, so a
thread translating meanwhile sees the old catalogue or the new, never half of one), keyed as gettext keys
them: the text, "context\\x04text" with a context, and (text, form number) for plural forms. Nothing of
Django is patched; a translation object built afresh (settings changed in tests) is wrapped on the next
request.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import Max
from django.utils.translation import trans_real

from core.primary import on_primary

from .models import Change, Override, message_key

# When no connection to the database can be made at all, the page being answered cannot be made either: the
# error is raised at once, so the reader gets the 503 page after one connection attempt (connect_timeout), not
# after ours and then the page's own (tests/operations/test_database_down.py). A failed query keeps the
# corrections last loaded.

VERSION_KEY = "wording:version"
POLL_SECONDS = 1.0
DB_CHECK_SECONDS = 30.0

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_state: dict = {
    "checked_at": float("-inf"),  # monotonic time of the last version check
    "db_checked_at": float("-inf"),
    "version": None,  # the version the layers were loaded at (None: never loaded)
    "layers": {},  # language → {gettext key: text}
}


class WordingCatalog(trans_real.TranslationCatalog):
    """A translation's catalogue with the corrections searched first."""

    def __init__(self, base: trans_real.TranslationCatalog, layer: dict, plural, version):
        self.base = base
        self.version = version
        self._catalogs = [layer, *base._catalogs]
        self._plurals = [plural, *base._plurals]


def gettext_entries(context: str, msgid: str, msgid_plural: str, forms: list[str]) -> dict:
    """Return a correction's entries as gettext keys them."""
    key = message_key(context, msgid)
    if msgid_plural:
        return {(key, number): text for number, text in enumerate(forms)}
    return {key: forms[0]}


def shared_cache() -> bool:
    """Whether the default cache is one every process shares (Redis), not this process's own memory."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def latest_change() -> int:
    return Change.objects.aggregate(latest=Max("pk"))["latest"] or 0


def read_version(now: float) -> int | None:
    """Return the newest change's number: from the shared cache if it knows, else from the database."""
    if shared_cache() and now - _state["db_checked_at"] < DB_CHECK_SECONDS:
        version = cache.get(VERSION_KEY)
        if version is not None:
            return version
    try:
        version = latest_change()
    except (OperationalError, InterfaceError):
        if connection.connection is None:  # not a failed query (a missing table) but no connection at all
            raise
        logger.warning("Interface wording: the database did not answer; the corrections last loaded stay in force.")
        return None
    except DatabaseError:
        logger.warning("Interface wording: the database did not answer; the corrections last loaded stay in force.")
        return None
    _state["db_checked_at"] = now
    if shared_cache():
        cache.add(VERSION_KEY, version, timeout=None)  # e.g. after Redis restarted empty
    return version


def load_layers() -> dict[str, dict]:
    layers: dict[str, dict] = {code: {} for code, _name in settings.LANGUAGES}
    rows = Override.objects.values_list("language", "context", "msgid", "msgid_plural", "forms")
    for language, context, msgid, msgid_plural, forms in rows:
        if language in layers and forms:
            layers[language].update(gettext_entries(context, msgid, msgid_plural, forms))
    return layers


def poll_seconds() -> float:
    """How often a process checks for changes: POLL_SECONDS, unless settings say otherwise (0: never, in tests)."""
    return getattr(settings, "WORDING_POLL_SECONDS", POLL_SECONDS)


def refresh() -> None:
    """Reload the corrections if they changed (checked at most every poll_seconds()), and keep them in force."""
    seconds = poll_seconds()
    if not seconds:
        return
    now = time.monotonic()
    if now - _state["checked_at"] >= seconds and _lock.acquire(blocking=False):
        # What is read here serves every later request in this process: from the primary, never a replica a
        # moment behind the version the shared cache announced (core/primary.py).
        try:
            _state["checked_at"] = now
            with on_primary():
                version = read_version(now)
                if version is not None and version != _state["version"]:
                    try:
                        layers = load_layers()
                    except DatabaseError:
                        logger.warning("Interface wording: the corrections could not be read; the last ones stay.")
                    else:
                        _state.update(layers=layers, version=version)
        finally:
            _lock.release()
    install()


def install() -> None:
    """Put the loaded corrections in front of each language's catalogue, where they are not already."""
    version, layers = _state["version"], _state["layers"]
    if version is None:
        return
    for code, _name in settings.LANGUAGES:
        translation = trans_real.translation(code)
        catalog = translation._catalog
        if isinstance(catalog, WordingCatalog):
            if catalog.version == version:
                continue
            catalog = catalog.base
        if not isinstance(catalog, trans_real.TranslationCatalog):
            continue
        translation._catalog = WordingCatalog(catalog, layers.get(code, {}), translation.plural, version)


def loaded_version() -> int | None:
    """Return the version of the corrections this process has in force (None: none loaded)."""
    return _state["version"]


def load_newest() -> None:
    """Put the newest corrections in force now, whenever they were last checked (before making stored pages)."""
    forget()
    refresh()


def forget() -> None:
    """Check the version on this process's next request (after it saved a change itself)."""
    _state["checked_at"] = float("-inf")
    _state["db_checked_at"] = float("-inf")


def reset() -> None:
    """Forget the corrections and take them out of Django's catalogues (between tests)."""
    with _lock:
        _state.update(checked_at=float("-inf"), db_checked_at=float("-inf"), version=None, layers={})
        for translation in list(trans_real._translations.values()):
            if isinstance(getattr(translation, "_catalog", None), WordingCatalog):
                translation._catalog = translation._catalog.base


class WordingMiddleware:
    """
    Keep the interface's corrections current in this process before each page in a language (and each admin
    screen) is answered. Addresses without words to correct (robots.txt, the sitemaps, the favicon) are left
    alone: they need no database, and keep answering while it is down.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.worded = (*(f"/{code}/" for code, _name in settings.LANGUAGES), "/admin/")

    def __call__(self, request):
        if not request.path_info.startswith(self.worded):
            return self.get_response(request)
        try:
            refresh()
        except (OperationalError, InterfaceError):
            if connection.connection is None:
                raise  # no connection: the 503 page now (operations.views), as the page's own first query gives it
            logger.exception("Interface wording: the corrections could not be refreshed.")
        except Exception:  # the corrections are an improvement, never a reason to fail a page
            logger.exception("Interface wording: the corrections could not be refreshed.")
        return self.get_response(request)
