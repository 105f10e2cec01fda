from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Health probes, error pages, and backup and restore: what keeps the site running, not what it shows."""

    name = "operations"
