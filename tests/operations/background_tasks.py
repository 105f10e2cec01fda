"""Tasks the worker tests queue: real tasks, importable by a worker in another process."""

import os
import time
from pathlib import Path

from django.db import transaction

from core.background import background_task


@background_task(attempts=3, backoff_seconds=30)
def flaky(marker: str, failures: int) -> str:
    """Fail the first `failures` runs (counted in a file named by `marker`), then succeed."""
    path = Path(marker)
    runs = int(path.read_text()) + 1 if path.exists() else 1
    path.write_text(str(runs))
    if runs <= failures:
        raise RuntimeError(f"failure number {runs}")
    return f"succeeded on run {runs}"


@background_task(attempts=2, backoff_seconds=0.01)
def half_done_unless_whole(marker: str, note: str) -> int:
    """Write a group in one transaction; on its first run, stop for good half-way (the test kills the worker)."""
    from django.contrib.auth.models import Group

    started = Path(marker)
    with transaction.atomic():
        Group.objects.get_or_create(name=f"{note} (first half)")
        if not started.exists():
            started.write_text(str(os.getpid()))
            time.sleep(120)  # killed here: the transaction never commits
        Group.objects.get_or_create(name=f"{note} (second half)")
    return Group.objects.filter(name__startswith=note).count()
