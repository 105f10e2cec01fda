"""
Health probes for a load balancer or an orchestrator.

Liveness answers "is this process serving requests?" with no I/O at all, so an outage of the database or
Redis never makes an orchestrator restart healthy app servers (a restart would not bring the database
back). Readiness answers "can this server render pages now?": the database and the shared cache must
both answer within READY_DEADLINE seconds, checked side by side; otherwise 503, so a load balancer sends
readers to another server while this one waits.

Each check runs in a thread of its own, so a database or cache that hangs (rather than refusing) costs
the probe READY_DEADLINE, not the client's timeout. The database check opens a new connection, with a
connect timeout, rather than reusing the thread's: a persistent connection (DB_CONN_MAX_AGE) would hide a
database that no longer accepts new ones.
"""

import copy
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import caches
from django.db import connections

logger = logging.getLogger(__name__)

# Both checks together: load balancers time a probe out after 2-5 s, and a probe must answer before that.
READY_DEADLINE = 1.5
# psycopg's smallest connect timeout (it rounds anything lower up to 2 s); the probe stops waiting sooner.
DATABASE_CONNECT_TIMEOUT = 2


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    milliseconds: int
    error: str = ""


def check_database(alias: str = "default") -> None:
    """Open a new connection to the database and read from its migrations table."""
    connection = connections.create_connection(alias)
    connection.settings_dict = copy.deepcopy(connection.settings_dict)
    options = connection.settings_dict.setdefault("OPTIONS", {})
    options.pop("pool", None)  # one short-lived connection, never a second pool
    if connection.vendor == "postgresql":
        options["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
    try:
        with connection.cursor() as cursor:
            # A table, not "SELECT 1": SQLite opens any path, creating an empty database where one is missing.
            cursor.execute("SELECT 1 FROM django_migrations LIMIT 1")
            cursor.fetchall()
    finally:
        connection.close()


def check_cache(cache) -> None:
    """Write a value to the cache and read it back."""
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "ok":
        raise LookupError("the value written could not be read back")


def run_checks(checks: dict, deadline: float = READY_DEADLINE) -> list[CheckResult]:
    """Run each check in its own thread; one that has not finished by the deadline has failed."""
    started = time.monotonic()
    outcomes: dict[str, tuple[bool, str, float]] = {}

    def run(name, check):
        try:
            check()
        except Exception as error:  # any failure means "not ready"; its kind is reported, never its text
            logger.warning("Readiness check %s failed: %r", name, error)
            outcomes[name] = (False, type(error).__name__, time.monotonic())
        else:
            outcomes[name] = (True, "", time.monotonic())

    threads = [
        threading.Thread(target=run, args=(name, check), name=f"readiness-{name}", daemon=True)
        for name, check in checks.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, started + deadline - time.monotonic()))
    results = []
    for name in checks:
        if name in outcomes:
            ok, error, finished = outcomes[name]
            results.append(CheckResult(name, ok, round((finished - started) * 1000), error))
        else:
            logger.warning("Readiness check %s gave no answer within %s s", name, deadline)
            results.append(CheckResult(name, False, round(deadline * 1000), f"no answer within {deadline:g} s"))
    return results


def readiness() -> list[CheckResult]:
    """Check that the database and the shared cache answer, within READY_DEADLINE seconds together."""
    cache = caches["default"]  # this thread's client (and its connection pool), used from the check's thread
    return run_checks({"database": check_database, "cache": lambda: check_cache(cache)})


def worker_health() -> dict:
    """
    Report the background workers' heartbeats: how many are alive and the age of the newest. Told, never
    judged: a stopped worker delays re-indexing and purges, but this app server still serves readers, so it
    stays ready (the admin's worker list and an alert on `alive == 0` are for the operator).
    """
    from django.conf import settings
    from django.utils import timezone

    from .models import WorkerHeartbeat

    try:
        newest = WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
        cutoff = timezone.now() - timedelta(seconds=settings.TASKS_WORKER_STALE_SECONDS)
        alive = WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).count()
    except Exception as error:  # told, never judged: see above
        logger.warning("Worker heartbeats could not be read: %r", error)
        return {"status": "unknown"}
    age = None if newest is None else round((timezone.now() - newest).total_seconds(), 1)
    return {"status": "ok" if alive else "stale", "alive": alive, "last_heartbeat_seconds_ago": age}
