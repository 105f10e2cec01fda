"""
Django's own Redis cache backend, made an accelerator the site can lose: a Redis error is a cache miss.

Every app server shares Redis as its page cache, so a Redis that is dead, unreachable or hung must not
take the site down. Here, every call has short connect and read timeouts (OPTIONS socket_connect_timeout
and socket_timeout, 0.25 s unless configured; redis-py's own default is 5 s, and a hung Redis held every
sync worker for 5 s per call), and any RedisError turns into what a missing key gives: reads return
their default, writes do nothing (set_many() reports its keys as not stored), incr() raises ValueError as
for a missing key. Callers render from the database.

After an error, a small circuit breaker treats Redis as down for `retry_after` seconds (OPTIONS, 2 s):
calls fail at once without touching the network, then one call tries again. A hung Redis so costs a
process one timeout per `retry_after`, not one per cache call. The breaker is per process and per server,
shared by all threads. Errors are logged as one WARNING per WARNING_INTERVAL per process, saying how many
were not logged; recovery is logged (INFO) when a warning said Redis was down.

clear() is left to raise: it is an operator's command, and a silent failure there would leave stale
pages behind.

Django also builds a new `redis.Redis` object for every cache call; with redis-py 8 that costs about
0.2 ms, as much as the round trip itself, and a cached page needs two calls. The client is thread-safe
and only wraps the pool, so keeping one per pool changes nothing else.
"""

import logging
import threading
from time import monotonic
from urllib.parse import urlsplit

from django.core.cache.backends import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

TIMEOUT = 0.25
RETRY_AFTER = 2.0
WARNING_INTERVAL = 30.0


class CircuitBreaker:
    """Whether to call Redis now, from what the last calls to it did; logs its outages, rate-limited."""

    def __init__(self, name: str, retry_after: float):
        self.name = name
        self.retry_after = retry_after
        self.lock = threading.Lock()
        self.open_until = 0.0  # monotonic time before which calls are not tried; 0: Redis answers
        self.down_since: float | None = None
        self.next_warning = 0.0
        self.unlogged = 0  # errors and skipped calls since the last warning
        self.warned = False  # a warning told of this outage, so its end is logged too

    def allows_call(self) -> bool:
        if not self.open_until:
            return True  # the usual case takes no lock
        now = monotonic()
        with self.lock:
            if now < self.open_until:
                self.unlogged += 1
                return False
            # This call tries Redis again; the others keep failing fast until it answers or fails.
            self.open_until = now + self.retry_after
            return True

    def failed(self, error: Exception) -> None:
        now = monotonic()
        with self.lock:
            self.open_until = now + self.retry_after
            if self.down_since is None:
                self.down_since = now
            if now < self.next_warning:
                self.unlogged += 1
                return
            unlogged, self.unlogged = self.unlogged, 0
            self.next_warning = now + WARNING_INTERVAL
            self.warned = True
        not_logged = f" {unlogged} more cache errors or skipped calls since the last warning were not logged."
        logger.warning(
            "Cache at %s failed (%s: %s): pages are served from the database, and Redis is tried again in %g s.%s",
            self.name,
            type(error).__name__,
            error,
            self.retry_after,
            not_logged if unlogged else "",
        )

    def succeeded(self) -> None:
        if not self.open_until:
            return
        with self.lock:
            down_since, warned = self.down_since, self.warned
            self.open_until, self.down_since, self.warned = 0.0, None, False
        if warned and down_since is not None:
            logger.info("Cache at %s answers again after %.1f s.", self.name, monotonic() - down_since)


_breakers: dict[tuple, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(servers: list[str], retry_after: float) -> CircuitBreaker:
    """Return this process's breaker for these servers (Django builds a backend per thread)."""
    key = (tuple(servers), retry_after)
    with _breakers_lock:
        if key not in _breakers:
            _breakers[key] = CircuitBreaker(", ".join(server_name(server) for server in servers), retry_after)
        return _breakers[key]


def server_name(url: str) -> str:
    """Where a Redis URL points, without its password."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname}:{parts.port or 6379}{parts.path}"


class RedisCacheClient(redis.RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if pool not in clients:
            clients[pool] = self._client(connection_pool=pool)
        return clients[pool]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        retry_after = float(options.pop("retry_after", RETRY_AFTER))
        options.setdefault("socket_connect_timeout", TIMEOUT)
        options.setdefault("socket_timeout", TIMEOUT)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = RedisCacheClient
        self.breaker = breaker_for(self._servers, retry_after)

    def validate_key(self, key):
        """Keys are not checked against memcached's limits, which Redis does not have."""

    def _call(self, failed, method, *args):
        """Return what method(*args) returns, or `failed` when Redis errs or is taken as down."""
        if not self.breaker.allows_call():
            return failed
        try:
            result = method(*args)
        except RedisError as error:
            self.breaker.failed(error)
            return failed
        self.breaker.succeeded()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call(missing, super().incr, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract for set_many(): the keys that were not stored.
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)
