from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every content app uses and that knows no content model: languages, text, images, the admin's locking."""

    name = "core"
    verbose_name = _("Newsroom core")
