"""
What the newsroom says after publishing: corrections, clarifications, updates and editors' notes on an article,
and the corrections policy that says how it does so.

A note is written in one language (its `language`) and translated at the desk like any other text: until it
is, the other language's page shows it in the language it was written in, marked as such.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import SEARCH_INDEX_COLUMNS, Article
from core.languages import LANGUAGE_CODES
from core.models import drop_control_characters, filled
from core.text import sanitise_body

# What a note's label on a list reads of its article: not the bodies, nor the search index.
ARTICLE_HEAVY_COLUMNS = (
    *SEARCH_INDEX_COLUMNS,
    "body",
    *(f"body_{code}" for code in LANGUAGE_CODES),
)


class Kind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")
    EDITORS_NOTE = "editors_note", _("Editor’s note")


# Shown at the end of the article, in the marked box (the rest is shown under the headline).
AT_THE_END = {Kind.CORRECTION, Kind.CLARIFICATION}
# What schema.org calls a correction (CorrectionComment): an update is news, not an admission of error.
CORRECTING = AT_THE_END


class ArticleNoteQuerySet(models.QuerySet):
    def with_articles(self):
        """Fetch each note's article with it (its headline and addresses; not its body or search index)."""
        return self.select_related("article").defer(*(f"article__{name}" for name in ARTICLE_HEAVY_COLUMNS))

    def on_published_articles(self):
        return self.filter(Article.published_condition(through="article__"))

    def readable_in(self, language: str):
        """Return the notes on articles written in a language (in whichever language the note is written)."""
        return self.filter(*(filled(f"article__{name}_{language}") for name in Article.required_translation_fields))

    def newest_first(self):
        return self.order_by("-noted_at", "-pk")


class ArticleNoteManager(models.Manager.from_queryset(ArticleNoteQuerySet)):
    # Every list of notes (the desk's queue, the admin's, the corrections page) names each note's article.
    def get_queryset(self):
        return super().get_queryset().with_articles()


class ArticleNote(models.Model):
    """A correction, clarification, update or editor's note on a published article, shown to its readers."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes", verbose_name=_("article"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(_("text"), blank=True, help_text=_("Plain text: say what was wrong and what is right."))
    language = models.CharField(
        _("written in"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language the note is written in; the desk translates it into the other."),
    )
    noted_at = models.DateTimeField(
        _("time of the note"), default=timezone.now, help_text=_("Readers see this time beside the note.")
    )
    amended_at = models.DateTimeField(_("last amended"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("added by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    objects = ArticleNoteManager()

    page_cache_label = "article-note"
    # Written in a language when its text is (core.models.written_in; the desk's "missing").
    required_translation_fields = ("text",)
    # The desk lists notes before everything else: readers of the other language are reading the article now.
    translation_first = True

    class Meta:
        ordering = ["-noted_at", "-pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        indexes = [models.Index(fields=["noted_at"], name="articlenote_noted_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"

    def save(self, *args, **kwargs):
        drop_control_characters(self)
        for code in LANGUAGE_CODES:
            text = getattr(self, f"text_{code}")
            setattr(self, f"text_{code}", text.strip() if text else text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#note-{self.pk}"

    def is_at_the_end(self) -> bool:
        return self.kind in AT_THE_END

    def is_correcting(self) -> bool:
        return self.kind in CORRECTING

    def shown_in(self, language: str) -> tuple[str, str]:
        """
        Return the text a page in a language shows and the language it is in: its translation when made,
        else the text as written (never nothing).
        """
        text = getattr(self, f"text_{language}", None)
        if text:
            return text, language
        return getattr(self, f"text_{self.language}", None) or "", self.language

    def page_cache_stale_tags(self) -> set[str]:
        """Return the pages a note changes besides its article's: the corrections list, the feeds, the sitemaps."""
        return {f"article:{self.article_id}", "corrections", "feeds", "sitemaps"}


class CorrectionsPolicy(models.Model):
    """How the newsroom corrects its mistakes: one text per language, shown on the corrections-policy page."""

    body = models.TextField(_("policy"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    page_cache_label = "corrections-policy"
    required_translation_fields = ("body",)

    class Meta:
        verbose_name = _("corrections policy")
        verbose_name_plural = _("corrections policy")

    def __str__(self):
        return str(_("Corrections policy"))

    def save(self, *args, **kwargs):
        drop_control_characters(self)
        for code in LANGUAGE_CODES:
            setattr(self, f"body_{code}", sanitise_body(getattr(self, f"body_{code}")))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("corrections:policy")

    def page_cache_stale_tags(self) -> set[str]:
        """Return the policy's page (which names it even before the policy is first written)."""
        return {"corrections-policy"}

    @classmethod
    def current(cls) -> "CorrectionsPolicy | None":
        return cls.objects.order_by("pk").first()

    def shown_in(self, language: str) -> tuple[str, str]:
        """Return the policy's sanitised HTML for a page in a language, and the language it is written in."""
        for code in (language, *LANGUAGE_CODES):
            body = getattr(self, f"body_{code}", None)
            if body:
                return sanitise_body(body), code
        return "", language


def article_notes_prefetch() -> models.Prefetch:
    """Return the prefetch of an article's notes for its page (their article is the page's own: not joined)."""
    return models.Prefetch("notes", queryset=ArticleNoteQuerySet(ArticleNote).newest_first())
