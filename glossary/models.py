from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .matching import term_key


class PartOfSpeech(models.TextChoices):
    NOUN = "noun", _("noun")
    PROPER_NOUN = "proper_noun", _("proper noun")
    VERB = "verb", _("verb")
    ADJECTIVE = "adjective", _("adjective")
    ADVERB = "adverb", _("adverb")
    PHRASE = "phrase", _("phrase")
    OTHER = "other", _("other")


class TermQuerySet(models.QuerySet):
    def for_pair(self, source_language: str, target_language: str) -> "TermQuerySet":
        """Return the terms translated from one language into the other."""
        return self.filter(source_language=source_language, target_language=target_language)


class Term(models.Model):
    """
    One approved term of the glossary: how a name, an institution or a phrase of the source language is written in
    the target language, or, for a "do not translate" entry, that it is kept as it is.

    `key` is the source term as matching compares it (glossary.matching.term_key): two spellings of one term
    (ي or ی, with or without a zero-width non-joiner) are one entry of a pair.
    """

    source_language = models.CharField(_("source language"), max_length=10, choices=settings.LANGUAGES)
    target_language = models.CharField(_("target language"), max_length=10, choices=settings.LANGUAGES)
    source_term = models.CharField(_("source term"), max_length=200)
    target_term = models.CharField(
        _("approved translation"),
        max_length=200,
        blank=True,
        help_text=_("Left empty for a term not to be translated: the source term is kept as it is."),
    )
    part_of_speech = models.CharField(_("part of speech"), max_length=20, choices=PartOfSpeech.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    do_not_translate = models.BooleanField(
        _("do not translate"), default=False, help_text=_("The term is written unchanged in the translation.")
    )
    key = models.CharField(_("matching key"), max_length=400, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["source_language", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "key"], name="glossary_term_unique_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(source_language=models.F("target_language")), name="glossary_term_two_languages"
            ),
        ]

    def __str__(self):
        return f"{self.source_term} → {self.approved}"

    def save(self, *args, **kwargs):
        self.key = term_key(self.source_term)
        if self.do_not_translate:
            self.target_term = self.source_term
        super().save(*args, **kwargs)

    @property
    def approved(self) -> str:
        """Return what the translation must contain: the approved translation, or the term itself."""
        return self.source_term if self.do_not_translate else self.target_term


class Override(models.Model):
    """
    A translation confirmed on the desk although approved glossary terms were missing from it, with the
    translator's reason: kept for the editors, who decide whether the terms or the translation should change.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    terms = models.JSONField(_("missing terms"), default=list)  # [{"field", "source", "approved"}]
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("glossary warning overridden")
        verbose_name_plural = _("glossary warnings overridden")
        ordering = ["-at"]
        indexes = [models.Index(fields=["content_type", "object_id", "language"], name="glossary_override_object")]

    def __str__(self):
        return f"{self.title} [{self.language}]"
