"""What every purger shares: batching and one HTTP request per batch, over urllib."""

import itertools
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator

from django.conf import settings


class PurgeFailed(Exception):
    """The edge refused a purge or could not be reached; the task raises it to be retried."""


class PurgerNotConfigured(Exception):
    """A setting the configured purger needs is missing (the message names the variable)."""


def batches(keys: Iterable[str], size: int) -> Iterator[list[str]]:
    """Yield the keys, sorted and without duplicates, in lists of at most `size`."""
    ordered = iter(sorted(set(keys)))
    while batch := list(itertools.islice(ordered, size)):
        yield batch


def required(name: str) -> str:
    """Return a setting the purger cannot work without, or stop with a message naming it."""
    value = getattr(settings, name, "")
    if not value:
        raise PurgerNotConfigured(f"{name} must be set when EDGE_PURGER={settings.EDGE_PURGER!r}.")
    return value


class Purger:
    """Purge surrogate keys from an edge, BATCH_SIZE keys to a request."""

    BATCH_SIZE = 100
    # (name, separator) of the response header this edge reads the keys from, if not Surrogate-Key.
    KEYS_HEADER: tuple[str, str] | None = None

    @classmethod
    def from_settings(cls) -> "Purger":
        raise NotImplementedError

    def __init__(self, *, timeout: float):
        self.timeout = timeout

    def purge(self, keys: Iterable[str]) -> int:
        """Purge every page carrying one of these keys; return the number of requests sent."""
        sent = 0
        for batch in batches(keys, self.BATCH_SIZE):
            sent += self.purge_batch(batch)
        return sent

    def purge_batch(self, keys: list[str]) -> int:
        raise NotImplementedError

    def send(self, request: urllib.request.Request) -> bytes:
        """Send one request; return its body, or raise PurgeFailed naming the edge and what went wrong."""
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read()[:500].decode(errors="replace")
            raise PurgeFailed(f"{request.get_method()} {request.full_url} answered {error.code}: {detail}") from error
        except (urllib.error.URLError, OSError) as error:
            raise PurgeFailed(f"{request.get_method()} {request.full_url} failed: {error}") from error
