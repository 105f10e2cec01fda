from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Segment(models.Model):
    """
    One aligned pair of the translation memory: a piece of a confirmed translation's source and its translation.

    A piece is a plain field (a headline, a bio), a block of a body (a subheading, a paragraph, a list item, a quoted
    paragraph, an image's description or caption), or one sentence of a block whose sentences line up one to one.
    `folded` is the source as lookups compare it (core.text.fold); `key` fingerprints it, spaces left out, for
    exact matches; `head`, `middle` and `tail` fingerprint its first, middle and last three words, and for a short
    text `prefix` and `suffix` its first and last characters: they find the candidates for fuzzy matches
    (memory.matching).
    """

    source_language = models.CharField(_("source language"), max_length=10, choices=settings.LANGUAGES)
    target_language = models.CharField(_("target language"), max_length=10, choices=settings.LANGUAGES)
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("translation"))
    folded = models.TextField(_("folded source"), editable=False)
    key = models.CharField(_("exact-match key"), max_length=64, editable=False)
    length = models.PositiveIntegerField(_("folded length"), editable=False)
    head = models.BigIntegerField(_("first words' fingerprint"), null=True, editable=False)
    middle = models.BigIntegerField(_("middle words' fingerprint"), null=True, editable=False)
    tail = models.BigIntegerField(_("last words' fingerprint"), null=True, editable=False)
    prefix = models.BigIntegerField(_("first characters' fingerprint"), null=True, editable=False)
    suffix = models.BigIntegerField(_("last characters' fingerprint"), null=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    field = models.CharField(_("field"), max_length=60)
    position = models.CharField(_("position"), max_length=30)
    title = models.CharField(_("title when recorded"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    recorded_at = models.DateTimeField(_("confirmed at"))

    class Meta:
        verbose_name = _("memory segment")
        verbose_name_plural = _("memory segments")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "source_language", "target_language", "field", "position"],
                name="memory_segment_unique_per_origin",
            ),
        ]
        indexes = [
            models.Index(fields=["source_language", "target_language", "key"], name="memory_segment_exact"),
            models.Index(fields=["source_language", "target_language", "length"], name="memory_segment_length"),
            models.Index(fields=["head", "length"], name="memory_segment_head"),
            models.Index(fields=["middle", "length"], name="memory_segment_middle"),
            models.Index(fields=["tail", "length"], name="memory_segment_tail"),
            models.Index(fields=["prefix", "length"], name="memory_segment_prefix"),
            models.Index(fields=["suffix", "length"], name="memory_segment_suffix"),
        ]

    def __str__(self):
        return f"{self.source_language}→{self.target_language}: {self.source_text[:60]}"
