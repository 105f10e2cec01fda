"""
Whether a replica may serve readers: it answers and is no more than DATABASE_REPLICA_MAX_LAG seconds behind.

Each process measures a replica at most once every CHECK_INTERVAL seconds, at a reader request's first read:
one query on the primary (its WAL position) and one on the replica (how far it has replayed, and when the
last transaction it replayed was committed). A replica that refuses connections or fails is left alone
until the next check, and readers read from the primary meanwhile.
"""

import logging
import time
from math import ceil

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

CHECK_INTERVAL = 1.0
# alias -> (monotonic time of the check, usable); per process, read by every request.
_checked: dict[str, tuple[float, bool]] = {}

REPLAY = """
SELECT pg_is_in_recovery(),
       pg_last_wal_replay_lsn() >= %s::pg_lsn,
       pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND EXISTS (SELECT FROM pg_stat_wal_receiver),
       extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())
"""
CAUGHT_UP = "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn"
# A replica a moment behind the primary's position is looked at again for this long: one that is streaming
# catches up in milliseconds, and it is judged on where it is then, not on how old its last replayed commit is.
CATCH_UP_WAIT = 0.2


def staleness_bound() -> float:
    """Return how old, at most, the rows a replica shows may be: its lag when checked, plus a check's age."""
    return settings.DATABASE_REPLICA_MAX_LAG + CHECK_INTERVAL


def pin_seconds() -> int:
    """Return how long a browser that wrote reads from the primary: until every replica used has its write."""
    return ceil(staleness_bound()) + 1


def usable(alias: str) -> bool:
    """Return whether the replica may serve this request (measured at most once a CHECK_INTERVAL)."""
    now = time.monotonic()
    checked = _checked.get(alias)
    if checked is None or now - checked[0] >= CHECK_INTERVAL:
        checked = (now, measure(alias))
        _checked[alias] = checked
    if checked[1]:
        # A replica that stopped since its check: its kept connection is found closed (checked without a round
        # trip, newsroom/postgresql) and a new one refused now, not in the middle of a page.
        connection = connections[alias]
        try:
            connection.close_if_health_check_failed()
            connection.ensure_connection()
        except DatabaseError:
            forget(alias, now)
            return False
    return checked[1]


def measure(alias: str) -> bool:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            # Where its WAL is flushed, all a replica can have: every committed transaction is before it, while
            # the position written may run ahead with WAL nobody committed yet (a replica 0.1 s later still
            # "behind" it was judged by the age of its last replayed commit, 6 s on a quiet primary).
            cursor.execute("SELECT pg_current_wal_flush_lsn()::text")
            (primary_position,) = cursor.fetchone()
        with connections[alias].cursor() as cursor:
            cursor.execute(REPLAY, [primary_position])
            in_recovery, caught_up, streaming_and_replayed, seconds_behind = cursor.fetchone()
            looked_until = time.monotonic() + CATCH_UP_WAIT
            while in_recovery and not (caught_up or streaming_and_replayed) and time.monotonic() < looked_until:
                time.sleep(0.01)
                cursor.execute(CAUGHT_UP, [primary_position])
                (caught_up,) = cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Replica %s is not used: %s", alias, type(error).__name__)
        close(alias)
        return False
    if not in_recovery:
        logger.warning("Replica %s is not used: it is not replaying a primary's WAL (promoted?)", alias)
        return False
    # No lag when it has what the primary had a moment ago (at once, or within CATCH_UP_WAIT), or when it is
    # receiving WAL and has replayed all it received (what the primary wrote since is on its way: the primary
    # also writes WAL that no transaction commits, a checkpoint or vacuum, which would otherwise make a replica
    # milliseconds behind look as far behind as the last commit is old). Otherwise it is behind by the age of
    # the last transaction it replayed (replay paused or slow), unknown, so too far, when it has replayed none
    # since it started.
    lag = 0.0 if caught_up or streaming_and_replayed else seconds_behind
    if lag is None or lag > settings.DATABASE_REPLICA_MAX_LAG:
        logger.warning("Replica %s is not used: %s s behind the primary", alias, "?" if lag is None else f"{lag:.1f}")
        return False
    return True


def forget(alias: str, now: float) -> None:
    """Mark the replica unusable until its next check, and drop its broken connection."""
    _checked[alias] = (now, False)
    close(alias)


def close(alias: str) -> None:
    try:
        connections[alias].close()
    except DatabaseError:
        pass  # already broken: Django has forgotten it
