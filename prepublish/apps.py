from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrepublishConfig(AppConfig):
    name = "prepublish"
    verbose_name = _("Pre-publish checks")

    def ready(self):
        """Check every article before it is published, however it is published (articles/prepublication.py)."""
        from articles import prepublication

        from . import checks

        prepublication.register(checks)
