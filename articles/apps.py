from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

from core.caching import content_replaced


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from . import rendering

        # Stored article pages go when anything they show changes, whichever app's model it is (notes too).
        rendering.connect(apps.get_models())
        # New wording, a restored backup: the worker makes the pages that are no longer current.
        content_replaced.connect(rendering.refresh_outdated, dispatch_uid="articles:stored-pages")
