"""
A shareable preview link: an unpublished article, in one language, for a partner or a second reader.

The address carries the link's id and its expiry, signed (`previews.tokens`); the row says whether it still
works, so revoking it or reaching its expiry stops it at once, whatever the address says.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class PreviewLinkQuerySet(models.QuerySet):
    def working(self):
        """Return the links that still open their preview: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="preview_links"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    expires_at = models.DateTimeField(_("expires at"), help_text=_("The link stops working at this moment."))
    note = models.CharField(
        _("for whom"),
        max_length=200,
        blank=True,
        help_text=_("Who the link is for, or why (a partner, a second reader): for the newsroom's eyes only."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.article} ({self.get_language_display()})"

    def get_absolute_url(self):
        from .tokens import preview_path  # the tokens module reads this one

        return preview_path(self)

    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def is_working(self) -> bool:
        return not self.is_revoked() and not self.is_expired()
