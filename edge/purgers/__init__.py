"""
The edges Newsroom can purge, by the name EDGE_PURGER gives: "off", "varnish", "fastly", "cloudflare".

Each purger takes the surrogate keys an edit made stale, sends them in batches no larger than its API
accepts, and raises PurgeFailed when any batch is refused or cannot be sent.
"""

from django.conf import settings

from .base import PurgeFailed, Purger, PurgerNotConfigured
from .cloudflare import CloudflarePurger
from .fastly import FastlyPurger
from .varnish import VarnishPurger

OFF = "off"
PURGERS: dict[str, type[Purger]] = {
    "varnish": VarnishPurger,
    "fastly": FastlyPurger,
    "cloudflare": CloudflarePurger,
}

__all__ = ["OFF", "PURGERS", "PurgeFailed", "Purger", "PurgerNotConfigured", "configured_purger"]


def configured_purger() -> Purger | None:
    """Return the purger EDGE_PURGER names, built from the settings (None when the edge is off)."""
    name = settings.EDGE_PURGER
    if name == OFF:
        return None
    if name not in PURGERS:
        choices = ", ".join([OFF, *PURGERS])
        raise PurgerNotConfigured(f"EDGE_PURGER={name!r} is not an edge Newsroom can purge: use one of {choices}.")
    return PURGERS[name].from_settings()
