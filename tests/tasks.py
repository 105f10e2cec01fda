"""Run the queued background tasks in a test, through the worker's own loop (operations/worker.py)."""

from unittest import mock

from operations.worker import NewsroomWorker


def run_queued_tasks(*, max_tasks: int | None = None) -> int:
    """
    Run the tasks ready now, in this process, as `run_worker --batch` does; return how many ran.

    The loop's close_old_connections() would close the test's connection, which holds TestCase's transaction
    (autocommit off): Django's test client leaves that call out of its requests for the same reason.
    """
    worker = NewsroomWorker(batch=True, max_tasks=max_tasks)
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()
    return worker._run_tasks
