import uuid
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import media
from core.models import drop_control_characters, unused_slug
from core.text import slug_for
from core.validators import validate_raster_image


class Author(models.Model):
    """A person whose name appears on bylines."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, help_text=_("Used in the author's page address.")
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    bio = models.TextField(_("bio"), blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="authors/", blank=True, validators=[validate_raster_image])
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    x_handle = models.CharField(_("X (Twitter) handle"), max_length=50, blank=True, help_text=_("Without the @."))
    telegram = models.CharField(_("Telegram username"), max_length=50, blank=True, help_text=_("Without the @."))
    linkedin = models.URLField(_("LinkedIn profile"), blank=True)
    instagram = models.CharField(_("Instagram username"), max_length=50, blank=True, help_text=_("Without the @."))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
    )
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saves in the admin, so that one editor cannot overwrite another.")
    )

    page_cache_label = "author"

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name or self.slug

    def save(self, *args, **kwargs):
        drop_control_characters(self)
        if not self.slug:
            # A name with no Latin letters gives no slug, and a page address needs one.
            slug = slug_for(self.name_en or self.name, "en") or f"author-{uuid.uuid4().hex[:8]}"
            self.slug = unused_slug(self, "slug", slug)
        # A new upload is stored before the row, and removed again if the save fails (core/media.py).
        with media.files_first(self, using=kwargs.get("using"), update_fields=kwargs.get("update_fields")):
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("authors:detail", kwargs={"slug": self.slug})

    def page_cache_stale_tags(self) -> set[str]:
        """Return the pages besides their own that a change makes stale (bylines carry the author's tag)."""
        return {"feeds", "sitemaps"}

    def social_links(self) -> list[tuple[str, str]]:
        """Return (network, URL) pairs for the links the author has given."""
        links = []
        if self.website:
            links.append(("website", self.website))
        if self.x_handle:
            links.append(("x", f"https://x.com/{handle(self.x_handle)}"))
        if self.telegram:
            links.append(("telegram", f"https://t.me/{handle(self.telegram)}"))
        if self.linkedin:
            links.append(("linkedin", self.linkedin))
        if self.instagram:
            links.append(("instagram", f"https://www.instagram.com/{handle(self.instagram)}/"))
        return links


def handle(value: str) -> str:
    """Return a username for a profile address: without the @, percent-encoded (a handle is typed, not checked)."""
    return quote(value.strip().lstrip("@"), safe="")
