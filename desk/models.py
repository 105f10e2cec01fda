from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationConfirmation(models.Model):
    """
    The moment a translation was last confirmed, and the source text it was confirmed against.

    The fingerprint tells whether the source has changed since (the translation is then outdated);
    the stored source text is what the translator is shown a diff against.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    source_language = models.CharField(_("source language"), max_length=10, choices=settings.LANGUAGES)
    source_fingerprint = models.CharField(_("source fingerprint"), max_length=64)
    source_text = models.JSONField(_("source text"), default=dict)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now=True)

    class Meta:
        verbose_name = _("translation confirmation")
        verbose_name_plural = _("translation confirmations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="confirmation_unique_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} [{self.language}]"
