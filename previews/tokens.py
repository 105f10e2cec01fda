"""
The signed part of a preview address: the link's id and its expiry, signed with the site's secret and a salt
of their own (a signature made for any other purpose does not open a preview).

The signature proves the newsroom made the address; the row (`PreviewLink`) decides whether it still works.
"""

from django.core import signing
from django.urls import reverse

from .models import PreviewLink

SALT = "previews.PreviewLink"


def token_for(link: PreviewLink) -> str:
    return signing.dumps([link.pk, int(link.expires_at.timestamp())], salt=SALT)


def preview_path(link: PreviewLink) -> str:
    return reverse("previews:page", kwargs={"token": token_for(link)})


def link_for(token: str) -> PreviewLink | None:
    """Return the link a token was signed for, or None for a forged, altered or unknown token."""
    try:
        pk, expires = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(pk, int) or not isinstance(expires, int):
        return None
    link = PreviewLink.objects.select_related("article").filter(pk=pk).first()
    if link is None or int(link.expires_at.timestamp()) != expires:
        return None
    return link
