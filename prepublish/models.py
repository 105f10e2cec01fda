from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    BLOCKING = "blocking", _("Blocking: publishing is refused")
    WARNING = "warning", _("Warning: shown, publishing allowed")


class CheckSetting(models.Model):
    """Whether a pre-publish check blocks publication or only warns: the editors' choice (checks.CHECKS)."""

    check_name = models.CharField(_("check"), max_length=40, unique=True, editable=False)
    severity = models.CharField(_("when it fails"), max_length=10, choices=Severity)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pre-publish check")
        verbose_name_plural = _("pre-publish checks")

    def __str__(self):
        from .checks import check_named  # the checks module reads the settings

        check = check_named(self.check_name)
        return str(check.label) if check else self.check_name
