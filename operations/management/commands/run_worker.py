"""Run the background worker: tasks, heartbeat, reclaiming of abandoned tasks, and the outbox drain."""

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.background import drain_outbox, uses_database_backend
from operations.worker import NewsroomWorker

logger = logging.getLogger("operations.worker")


class Command(BaseCommand):
    help = "Run background tasks until stopped (SIGTERM or Ctrl-C finishes the task at hand first)."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="*", help="Queues to serve, comma-separated (default: all).")
        parser.add_argument("--batch", action="store_true", help="Run the tasks ready now, then exit.")
        parser.add_argument("--worker-id", default=None, help="A name unique among the workers (default: made up).")

    def handle(self, *, queue_name: str, batch: bool, worker_id: str | None, verbosity: int, **options):
        # The messages go through the site's LOGGING (the root's console handler); the verbosity sets how many.
        level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
        for name in ("operations.worker", "django_tasks_db", "django.tasks", "core.background"):
            logging.getLogger(name).setLevel(level)
        queues = queue_name.split(",")
        if uses_database_backend():
            worker = NewsroomWorker(worker_id=worker_id, batch=batch, queue_names=queues)
            if not batch:
                worker.configure_signals()
            worker.run()
            return
        # RQ on Redis: RQ's own worker runs the tasks; this process also pushes the outbox rows the broker
        # refused while it was down.
        stopped = threading.Event()
        drainer = threading.Thread(target=self.drain_until, args=(stopped,), name="outbox-drain", daemon=True)
        drain_outbox()
        drainer.start()
        try:
            rq_queues = list(settings.RQ_QUEUES) if queues == ["*"] else queues
            call_command("rqworker", *rq_queues, "--job-class", "django_tasks_rq.Job", *(["--burst"] if batch else []))
        finally:
            stopped.set()

    def drain_until(self, stopped: threading.Event) -> None:
        while not stopped.wait(1.0):
            try:
                drain_outbox()
            except Exception:  # the database away for a moment: try again in a second
                logger.exception("The task outbox could not be drained.")
