from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = _("Translation desk")

    def ready(self):
        """Report translation states to the core admin, and keep baselines and confirmations on its saves."""
        from core import translated

        from . import glossary_check, state

        translated.register_state_provider(state)
        # The admin's "Save and confirm" runs the desk's glossary check too.
        translated.register_confirm_check(glossary_check.passes)
        translated.translation_saving.connect(record_baselines, dispatch_uid="desk_record_baselines")
        translated.translation_confirmed.connect(confirm, dispatch_uid="desk_confirm")


def record_baselines(sender, instance, **kwargs):
    from . import state

    state.record_baselines(instance)


def confirm(sender, instance, language, by, **kwargs):
    from . import state

    state.confirm(instance, language, by=by)
