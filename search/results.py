"""What a search finds, in the order readers see it, and the pages they read it in."""

import math
from dataclasses import dataclass
from typing import ClassVar

from django.core.paginator import Page, Paginator
from django.db import connections, transaction
from django.db.models import Count, QuerySet, RowRange, Window

MAX_PAGE = 100_000
_PLANNER = "SELECT set_config('enable_bitmapscan', %s, true), set_config('enable_sort', %s, true)"


def _planned(rows: QuerySet, *, bitmaps: bool = True, sorts: bool = True, count: bool = False):
    """
    Return the rows of a queryset (or with `count`, how many) read with the planner kept from bitmap scans
    or sorts (PostgreSQL).
    """
    using = rows.db
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute(_PLANNER, ["on" if bitmaps else "off", "on" if sorts else "off"])
        try:
            return rows.count() if count else list(rows)
        finally:
            cursor.execute(_PLANNER, ["on", "on"])


class ResultsPage(Page):
    """A page of results. `found` counts the matches up to one past the limit: `capped` when there are more."""

    def __init__(self, object_list, number, paginator, *, found: int, limit: int):
        super().__init__(object_list, number, paginator)
        self.found = found
        self.limit = limit
        self.capped = found > limit


def _newest_first(row: tuple) -> tuple:
    """Sort key of a (pk, publish_at, …) row for `sorted(…, reverse=True)`: "-publish_at", "-pk" as PostgreSQL."""
    pk, publish_at = row[:2]
    return (publish_at is None, publish_at, pk)


def _best_first(row: tuple) -> tuple:
    """Sort key of a (pk, publish_at, distance) row for `sorted(…, reverse=True)`: "distance", "-publish_at", "-pk"."""
    return (-row[2], *_newest_first(row))


@dataclass(frozen=True)
class Results:
    """
    What a search finds, in the order readers see it: first `ranked`, the matches with a word of the query in
    the headline, summary or names, best first; then `unranked`, the matches with it only in the body,
    newest first. (On SQLite every match is in `ranked`, scored by the line it first appears in.)
    `everything`, when given, is every match annotated with its rank (None when unranked), for queries
    whose matches are best read in one pass. `in_index_order`: `ranked` is ordered first by a `distance` its
    index returns the matches in (PostgreSQL with RUM), so only as many rows are read as a page needs; then
    `matching`, every match, when a ranked match must also be checked against the whole text (see
    `_read_ranked_in_index_order()`).

    Readers can page through the first `limit` results; the count beyond that is not worked out ("more
    than 1,000"), so a very common word costs no more than a rarer one.
    """

    articles: QuerySet
    ranked: QuerySet
    unranked: QuerySet
    everything: QuerySet | None = None
    in_index_order: bool = False
    matching: QuerySet | None = None
    best: QuerySet | None = None
    rest: QuerySet | None = None
    limit: ClassVar[int] = 1000
    # Rows read past a page's last in rank order: equal ranks go on past it, and reading on costs the
    # index its sort again.
    ties: ClassVar[int] = 200

    def __iter__(self):
        yield from self.ranked
        yield from self.unranked

    def page(self, number, per_page: int) -> ResultsPage:
        """
        Return a page of results. The ranked matches are ranked and counted in one narrow query (ids, rank
        and a window count), the unranked ones counted up to the limit, then the page's articles are fetched
        whole. A page number that is not a number gives the first page; one past the end, the last.
        """
        try:
            number = min(max(1, int(number)), MAX_PAGE)
        except (TypeError, ValueError):
            number = 1
        in_order = self._read_in_order() if self.everything is not None else None
        if in_order is not None:
            every_ranked, unranked = in_order
            ranked_count, found = len(every_ranked), len(every_ranked) + len(unranked)
        else:
            ranked_on_page, ranked_count, found, unranked = self._read_ranked(number, per_page)
        paginator = Paginator(self.articles.none(), per_page)
        paginator.count = min(found, self.limit)
        if number > paginator.num_pages:
            number = paginator.num_pages
            if in_order is None:
                ranked_on_page = self._read_ranked(number, per_page)[0]
        start = (number - 1) * per_page
        if in_order is not None:
            ranked_on_page = every_ranked[start : start + per_page]
        wanted = min(per_page, paginator.count - start)
        order = ranked_on_page[:wanted]
        if len(order) < wanted:
            skip = max(0, start - ranked_count)
            if unranked is None:  # a common word: its matches are dense enough for the date index
                unranked = self.unranked.values_list("pk", flat=True)
            order += list(unranked[skip : skip + wanted - len(order)])
        fetched = self.articles.filter(pk__in=order).without_search_index().in_bulk() if order else {}
        articles = [fetched[pk] for pk in order if pk in fetched]
        return ResultsPage(articles, number, paginator, found=found, limit=self.limit)

    def _read_ranked(self, number: int, per_page: int) -> tuple[list[int], int, int, list[int] | None]:
        """
        Return the ranked ids of a page, how many are ranked, how many match (up to one past the limit),
        and every unranked id in order when there are few enough to hold (None: read them when needed).
        """
        # Counting over the results' own order, with the whole set as the frame, makes PostgreSQL compute
        # the rank before the window and sort narrow rows (id, rank, date): counted over no order, the
        # window would carry every match's ranking vector and spill them to disk.
        if self.in_index_order:
            return self._read_ranked_in_index_order(number, per_page)
        whole = RowRange(start=None, end=None)
        counted = Window(Count("pk"), order_by=list(self.ranked.query.order_by) or None, frame=whole)
        ranked_rows = self.ranked.annotate(ranked_count=counted).values_list("pk", "ranked_count")
        rows = list(ranked_rows[(number - 1) * per_page : number * per_page])
        ranked_count = rows[0][1] if rows else (self.ranked.count() if number > 1 else 0)
        found, unranked = ranked_count, None
        if ranked_count <= self.limit:
            # Read the unranked matches up to one past the limit, in no order: when that is all of them, they
            # are put in order here. Asked for its newest few, PostgreSQL would walk the date index and test
            # thousands of articles' full vectors to find a rare word's handful.
            dated = list(self.unranked.order_by().values_list("pk", "publish_at")[: self.limit + 1 - ranked_count])
            found += len(dated)
            if found <= self.limit:
                unranked = [pk for pk, _date in sorted(dated, key=_newest_first, reverse=True)]
        return [pk for pk, _count in rows], ranked_count, found, unranked

    def _read_ranked_in_index_order(self, number: int, per_page: int) -> tuple[list[int], int, int, list[int] | None]:
        """
        `_read_ranked()` when the index returns the ranked matches best first, and no other match is read.

        Without `matching` every row the index returns is a ranked match: they are read up to one past the
        limit, which counts them. With it (a query whose ranked matches must also be checked against the
        whole text) the matches are counted apart, up to one past the limit; when there are more, only a
        page's worth is read in rank order: from `best` when given (the matches with every word of the query
        in the headline or summary; the other ranked matches rank below them all, equally, newest first).
        Either way the reading goes on while the page's last rank does (equal ranks are ordered newest first,
        which the index does not know).
        """
        end = min(number * per_page, self.limit)  # no page goes past the limit
        found = None
        if self.matching is None:
            rows, complete = self._ranks_through(self.ranked, end, self.limit + 1)
        else:
            counted = self.matching.order_by().values_list("pk", flat=True)[: self.limit + 1]
            # A phrase (read `everything` in one pass when few) is counted through RUM, which checks it.
            found = _planned(counted, bitmaps=False, count=True) if self.everything is not None else counted.count()
            if found <= self.limit:  # few enough to read every ranked match, as the planner sees fit
                rows, complete = list(self.ranked.order_by().values_list("pk", "publish_at", "distance")), True
            else:
                best = self.ranked if self.best is None else self.best
                rows, complete = self._ranks_through(best, end, end + self.ties)
                if complete and self.rest is not None:  # too few of the best for the page: the rest come next
                    rows.sort(key=_best_first, reverse=True)
                    asked = max(0, end - len(rows))
                    rest = [(pk, date, math.inf) for pk, date in self.rest[:asked]]
                    rows += rest
                    ranked = [row[0] for row in rows[(number - 1) * per_page : number * per_page]]
                    # Fewer than asked: every ranked match is read, and the body-only ones come next.
                    return ranked, len(rows) if len(rest) < asked else max(len(rows), end), found, None
        if not complete:  # the last rank read may go on beyond the rows read: leave it out
            rows = [row for row in rows if row[2] != rows[-1][2]]
        rows.sort(key=_best_first, reverse=True)
        ranked = [pk for pk, _date, _distance in rows[(number - 1) * per_page : number * per_page]]
        if not complete:  # more than the limit match
            return ranked, max(len(rows), end), max(found or 0, self.limit + 1), None
        ranked_count = len(rows)
        found, unranked = ranked_count, None
        if ranked_count <= self.limit:
            dated = list(self.unranked.order_by().values_list("pk", "publish_at")[: self.limit + 1 - ranked_count])
            found += len(dated)
            if found <= self.limit:
                unranked = [pk for pk, _date in sorted(dated, key=_newest_first, reverse=True)]
        return ranked, ranked_count, found, unranked

    def _ranks_through(self, ranked: QuerySet, end: int, wanted: int) -> tuple[list[tuple], bool]:
        """
        Return at least `wanted` ranked rows in the index's order (all of them when fewer: then True), more
        while the rank of the `end`th goes on.
        """
        while True:
            rows = self._in_index_order(ranked, wanted)
            if len(rows) < wanted:
                return rows, True
            if end > len(rows) or rows[end - 1][2] != rows[-1][2]:
                return rows, False
            wanted *= 8

    @staticmethod
    def _in_index_order(ranked: QuerySet, count: int) -> list[tuple]:
        """Return the first `count` ranked matches as (pk, publish_at, distance), in the index's order."""
        rows = ranked.order_by("distance").values_list("pk", "publish_at", "distance")[:count]
        # The planner would often read every match (through a bitmap, or the whole text's index) and sort
        # them by their distance, row by row: the ranking index has them in that order already.
        return _planned(rows, bitmaps=False, sorts=False)

    def _read_in_order(self) -> tuple[list[int], list[int]] | None:
        """Return every ranked and every unranked id in order, read in one pass; None past the limit."""
        rows = self.everything.order_by().values_list("pk", "publish_at", "rank")[: self.limit + 1]
        # A phrase: with RUM its words' order is checked in the index (through a bitmap of the GIN index,
        # every article with its words would be read to check it).
        rows = _planned(rows, bitmaps=False) if self.in_index_order else list(rows)
        if len(rows) > self.limit:
            return None
        ranked = [row for row in rows if row[2] is not None]
        ranked.sort(key=lambda row: (row[2], *_newest_first(row)), reverse=True)  # "-rank", "-publish_at", "-pk"
        unranked = sorted((row for row in rows if row[2] is None), key=_newest_first, reverse=True)
        return [row[0] for row in ranked], [row[0] for row in unranked]
