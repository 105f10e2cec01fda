from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordingConfig(AppConfig):
    name = "wording"
    verbose_name = _("Interface wording")

    def ready(self):
        """Stored article pages carry the corrections they were made with (articles/rendering.py)."""
        from articles import rendering

        from . import runtime

        rendering.BUILT_WITH.append(runtime.loaded_version)
        rendering.BEFORE_MAKING.append(runtime.load_newest)
