from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import media
from core.models import TranslatedSlugMixin, drop_control_characters
from core.validators import validate_raster_image


class Series(TranslatedSlugMixin, models.Model):
    """A run of articles published as numbered parts."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True, blank=True, null=True)  # noqa: DJ001 -- NULL: no slug in this language
    description = models.TextField(_("description"), blank=True)
    cover = models.ImageField(_("cover image"), upload_to="series/", blank=True, validators=[validate_raster_image])
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    slug_source = "title"
    page_cache_label = "series"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("series")
        verbose_name_plural = _("series")
        constraints = [
            models.UniqueConstraint(fields=["slug_en"], name="series_unique_slug_en"),
            models.UniqueConstraint(fields=["slug_fa"], name="series_unique_slug_fa"),
        ]

    def __str__(self):
        return self.title or self.slug_en or self.slug_fa or ""

    def save(self, *args, **kwargs):
        drop_control_characters(self)
        self.fill_slugs()
        # A new upload is stored before the row, and removed again if the save fails (core/media.py).
        with media.files_first(self, using=kwargs.get("using"), update_fields=kwargs.get("update_fields")):
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        slug = self.slug_in(get_language()) or self.slug_en or self.slug_fa
        return reverse("series:detail", kwargs={"slug": slug})

    def page_cache_stale_tags(self) -> set[str]:
        """Return the pages besides its own that a change makes stale (its parts carry the series' tag)."""
        return {"series-index", "feeds", "sitemaps"}
