"""The translators' corrections to the interface's catalogue, and the record of every change."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# gettext's separator between a message's context and its text ("context\x04text").
CONTEXT_SEPARATOR = "\x04"


def message_key(context: str, msgid: str) -> str:
    """Return the key gettext looks a message up by: its text, prefixed by its context if it has one."""
    return f"{context}{CONTEXT_SEPARATOR}{msgid}" if context else msgid


def key_hash(context: str, msgid: str) -> str:
    """Return a short, URL-safe name for a message (its texts may be long, and are not unique without context)."""
    return hashlib.sha256(message_key(context, msgid).encode()).hexdigest()[:32]


class Message(models.Model):
    """What identifies a catalogue message: its language, context and text (and plural text)."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    key = models.CharField(max_length=32, editable=False)
    context = models.TextField(_("context"), blank=True, default="")
    msgid = models.TextField(_("source text"))
    msgid_plural = models.TextField(_("source plural"), blank=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.key = key_hash(self.context, self.msgid)
        super().save(*args, **kwargs)


class Override(Message):
    """A message's wording as a translator set it, in force over the compiled catalogue's."""

    # The wording: one text, or one per plural form of the language (msgstr[0], msgstr[1], …).
    forms = models.JSONField(_("wording"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("interface wording")
        verbose_name_plural = _("interface wordings")
        constraints = [models.UniqueConstraint(fields=["language", "key"], name="wording_one_override_per_message")]

    def __str__(self):
        return self.msgid


class Change(Message):
    """One change of a message's wording: what it was, what it became, who made it and when."""

    # None: the catalogue's own wording (no override).
    before = models.JSONField(_("before"), null=True)
    after = models.JSONField(_("after"), null=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    reverts = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reverted_by", verbose_name=_("reverts")
    )

    class Meta:
        verbose_name = _("wording change")
        verbose_name_plural = _("wording changes")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["language", "key"], name="wording_change_message")]

    def __str__(self):
        return self.msgid
