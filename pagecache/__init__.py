"""
The public page cache: anonymous pages served from the configured cache, invalidated precisely.

Every cached page carries tags naming what it shows ("article:42", "author:7", "home", …), the same
names the Surrogate-Key header gives a CDN. Each tag has a version token in the cache; a page is
stored with the tokens it was rendered against and served only while they are all unchanged
(tokens.py). Saving an object deletes the tokens of the tags it touches, so every page that showed it
is stale at once, on every app server sharing the cache (invalidation.py), and then sends
`invalidation.pages_invalidated` with those tags, for caches beyond this one (an edge, a CDN) to purge by
the same keys. A page is never kept past the next scheduled change (expiry.py).

The page cache knows no content model. Content declares what it is and what its changes touch, in
plain Python that imports nothing from here; pagecache's AppConfig.ready() finds the declarations
through the app registry and connects the signals (receivers.py):

- `page_cache_label = "article"` (model attribute): an instance in a page's context tags the page
  "article:<pk>", and so does a foreign key to the model on another instance there (`section_id`).
- `page_cache_stale_tags(self) -> set[str]` (model method): the tags, beyond the object's own, of the
  pages that a save of the object, or its deletion, makes stale. Called after a save and before a
  delete (while its relations can still be read). "site" is the tag every page carries.
- `page_cache_stale_tags_before_save(self) -> set[str]` (model method): the tags of pages the object
  may be leaving, read from the database before a save writes it (the section an article moves out of).
- `page_cache_relation_tags = {"tags": {"sitemaps"}}` (model attribute): for a many-to-many field
  between two labelled models, the tags besides both ends' own that adding or removing a link makes
  stale. Every such relation (with an automatic through model) is watched; a through model of its own
  declares its own tags.
- `page_cache_next_change(cls) -> datetime | None` (model classmethod): when pages may next change
  with no save, e.g. the next scheduled publication. No page is kept past the earliest.

Pages not made from a template context (feeds, sitemaps, robots.txt) and named pages (the home page,
the series index) get tags from their view: `page_cache_tags = ("home",)` on a class-based view or a
callable view object, or core.caching.page_cache_tags("sitemaps") on a function view. A page that
names nothing is never cached.

Models without a label or a method are not watched. QuerySet.update() sends no signals: content
code saves through the model instead, and a feature that updates in bulk calls
invalidation.invalidate_on_commit() itself, or sends core.caching.content_replaced.
"""
