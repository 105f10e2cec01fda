"""Run the queued background tasks in a test, through the worker's own loop (operations/worker.py)."""

import logging
from contextlib import ExitStack, contextmanager
from unittest import mock

from operations.worker import NewsroomWorker


def run_queued_tasks(*, max_tasks: int | None = None) -> int:
    """
    Run the tasks ready now, in this process, as `run_worker --batch` does; return how many ran.

    The loop's close_old_connections() would close the test's connection, which holds TestCase's transaction
    (autocommit off): Django's test client leaves that call out of its requests for the same reason.
    """
    worker = NewsroomWorker(batch=True, max_tasks=max_tasks)
    chatty = [logging.getLogger(name) for name in ("django.tasks", "django_tasks_db")]
    levels = [logger.level for logger in chatty]
    for logger in chatty:  # "task started", "worker starting": one line per task, in every test's output
        logger.setLevel(logging.WARNING)
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            worker.run()
    finally:
        for logger, level in zip(chatty, levels, strict=True):
            logger.setLevel(level)
    return worker._run_tasks


@contextmanager
def failing_tasks(testcase):
    """Expect tasks to fail: their tracebacks and the worker's warnings are logged (checked), not printed."""
    with ExitStack() as stack:
        failures = stack.enter_context(testcase.assertLogs("django.tasks", "ERROR"))
        warnings = stack.enter_context(testcase.assertLogs("operations.worker", "WARNING"))
        yield failures, warnings
