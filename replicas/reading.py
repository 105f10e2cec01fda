"""Which database the current request reads from: a replica only inside a reader request, chosen once."""

import random
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

from . import health

UNDECIDED = "?"


# newsroom/settings.py names the replicas in DATABASES replica_1, replica_2, … in DATABASE_REPLICA_URLS's order.
REPLICA_PREFIX = "replica_"


def is_replica(alias: str | None) -> bool:
    return bool(alias) and alias.startswith(REPLICA_PREFIX)


def replica_aliases() -> list[str]:
    """Return the replicas' aliases in DATABASES."""
    return [alias for alias in settings.DATABASES if is_replica(alias)]


@dataclass
class ReaderRequest:
    """A request that may read from a replica; it reads from one database throughout, chosen at its first read."""

    alias: str = UNDECIDED
    failed: bool = False  # a query on the replica failed: the page is made again from the primary

    def database(self) -> str:
        if self.alias == UNDECIDED:
            self.alias = choose_replica() or DEFAULT_DB_ALIAS
        return self.alias

    def used_replica(self) -> bool:
        return self.alias not in (UNDECIDED, DEFAULT_DB_ALIAS)


current: ContextVar[ReaderRequest | None] = ContextVar("newsroom_reader_request", default=None)


def choose_replica() -> str | None:
    """Return a usable replica, trying them in random order to spread the readers; None if none is."""
    aliases = replica_aliases()
    for alias in random.sample(aliases, len(aliases)):
        if health.usable(alias):
            return alias
    return None
