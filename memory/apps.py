from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class MemoryConfig(AppConfig):
    name = "memory"
    verbose_name = _("Translation memory")

    def ready(self):
        """Forget a translated object's segments when it is deleted: its text leaves the newsroom with it."""
        from core.translated import translated_models

        for model in translated_models():
            post_delete.connect(forget, sender=model, dispatch_uid=f"memory_forget_{model._meta.label_lower}")


def forget(sender, instance, **kwargs):
    from .recording import forget as forget_object

    forget_object(instance)
