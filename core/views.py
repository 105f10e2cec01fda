"""What every reader page shares, whatever it shows: its addresses in each language and its canonical address."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from .languages import x_default


def url_in(language: str, view_name: str, **kwargs) -> str | None:
    """Return a page's address in a language (None when it has no slug there)."""
    if not all(kwargs.values()):
        return None
    with translation.override(language):
        return reverse(view_name, kwargs=kwargs or None)


def page_suffix(page) -> str:
    """Return "?page=N" for the second and later pages of a list, which are pages of their own."""
    return f"?page={page.number}" if page is not None and page.number > 1 else ""


class KeptCountMixin:
    """A reader's list paginated from a count the database keeps (the view's kept_count()), not a COUNT of it."""

    def kept_count(self) -> int | None:
        """Return the list's size, or None to let the paginator count it."""
        raise NotImplementedError

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        paginator = super().get_paginator(queryset, per_page, orphans, allow_empty_first_page, **kwargs)
        count = self.kept_count()
        if count is not None:
            paginator.count = count  # in place of Paginator.count, which would COUNT every row of the list
        return paginator


class ReaderPageMixin:
    """What every reader page's <head> needs: its canonical address and its versions in other languages."""

    def alternate_locations(self) -> dict[str, str]:
        """Return {language: path} for each language this page exists in (the current one included)."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        locations = self.alternate_locations()
        request = self.request
        alternates = [(code, request.build_absolute_uri(path)) for code, path in locations.items()]
        context.update(
            language=language,
            alternates=alternates if len(alternates) > 1 else [],
            x_default=x_default(dict(alternates)) or "",
            other_language_urls={code: path for code, path in locations.items() if code != language},
            canonical_url=request.build_absolute_uri(locations[language] + page_suffix(context.get("page_obj"))),
        )
        return context
