from django.apps import AppConfig, apps

from core.caching import GENERATION_READER, content_replaced


class PageCacheConfig(AppConfig):
    """The public page cache; it finds what content declares through the app registry."""

    name = "pagecache"

    def ready(self):
        from . import expiry, invalidation, receivers, tokens

        models = apps.get_models()
        receivers.connect(models)
        expiry.SCHEDULES[:] = [
            model.page_cache_next_change
            for model in models
            if hasattr(model, "page_cache_next_change") and not model._meta.proxy
        ]
        content_replaced.connect(invalidation.invalidate_everything, dispatch_uid="pagecache:content_replaced")
        # Site-wide pieces (the navigation's sections) are built once per content generation (core/caching.py).
        GENERATION_READER["read"] = tokens.current_generation
