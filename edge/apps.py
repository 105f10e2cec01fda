from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured


class EdgeConfig(AppConfig):
    """Purges the edge cache when pagecache says pages are stale; checks the configured purger at start."""

    name = "edge"

    def ready(self):
        from articles.withheld import images_withheld
        from pagecache.invalidation import pages_invalidated

        from . import purgers, receivers

        try:
            purgers.configured_purger()  # a misconfigured edge stops the start, not the first edit's purge
        except purgers.PurgerNotConfigured as error:
            raise ImproperlyConfigured(str(error)) from None
        pages_invalidated.connect(receivers.purge_on_commit, dispatch_uid="edge:pages_invalidated")
        images_withheld.connect(receivers.purge_media, dispatch_uid="edge:images_withheld")
