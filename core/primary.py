"""
Reads whose result outlives the request: made on the primary database, even in a request that reads from a replica.

A replica may be a moment behind (replicas/). What one reader's page shows from it is that reader's alone; a
value kept for later pages (a process's memo for the content generation, the shared cache's next scheduled
change, the interface's corrections) would keep the moment's staleness long after the replica caught up.
Code building such a value reads inside `on_primary()`; the database router (replicas.router) obeys it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_on_primary: ContextVar[bool] = ContextVar("newsroom_on_primary", default=False)


@contextmanager
def on_primary() -> Iterator[None]:
    """Read from the primary database inside this block."""
    token = _on_primary.set(True)
    try:
        yield
    finally:
        _on_primary.reset(token)


def primary_required() -> bool:
    """Return whether the code running now asked to read from the primary (on_primary())."""
    return _on_primary.get()
