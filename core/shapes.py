"""
Reader queries built and compiled to SQL once per shape, and run with each request's values (issue 17).

Django builds a queryset and compiles it to SQL every time one is evaluated: 0.3–0.8 ms for a query of a reader's
page, more than PostgreSQL then takes to run it once prepared (DB_PREPARED_STATEMENTS). Between two requests
such a query differs only in its values (an address, an article's keys, the time), so a `Shape` builds and
compiles it once per process, database and shape, with stand-ins for those values, and each run puts the
request's values where the stand-ins went. Django's own iterables then make of the rows what the queryset would
have returned (model instances, values, flat values), and its prefetches run as usual.

    newest = Shape(lambda language, *, now, section: Article.objects.filter(...)[:10])
    newest("en", now=timezone.now(), section=4)

The positional arguments are the shape's key; whatever changes the SQL's text rather than its values must be
among them (a language written into a condition, a list's length, a value whose None drops a condition), as
must anything the query is built from that is not an argument. Keyword arguments are the values: an int, a
string, an aware datetime, or a list of these (its length is part of the key, each item a value of its own),
or None, which is part of the key and reaches the query as None. A value that does not reach the SQL as a
parameter of its own (one Django rewrote, or folded into the SQL's text) makes the shape refuse to compile,
the first time it is built, rather than run another request's value.
"""

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.http import Http404

# Built shapes a process keeps per Shape, the least recently run dropped first (a list's pages are shapes).
KEPT_SHAPES = 64

# Stand-ins count up from here: no key, count or position of ours comes near, and it is within the range of a
# 32-bit column, whose lookups Django answers with no rows (not a parameter) for a value beyond it.
_STANDIN_INT = 2_000_000_000
_STANDIN_TEXT = "\ue000shape-value:"  # a private-use character no address or text of ours starts with
_STANDIN_TIME = datetime(1, 1, 1, tzinfo=UTC)


class ShapeError(ValueError):
    """A value given to a shape does not reach its SQL as a parameter: it must be part of the key instead."""


class Shape:
    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._kept: OrderedDict[tuple, _Compiled] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, *key, **values) -> list:
        """Return what `build(*key, **values)` would return, as a list, from the SQL compiled for its shape."""
        shape = (*key, *sorted((name, _form(value)) for name, value in values.items()))
        compiled = self._compiled(shape, key, values)
        return compiled.run(values)

    def _compiled(self, shape: tuple, key: tuple, values: dict) -> "_Compiled":
        with self._lock:
            compiled = self._kept.get(shape)
            if compiled is not None:
                self._kept.move_to_end(shape)
                return compiled
        compiled = _Compiled(self.build, key, values)
        with self._lock:
            self._kept[shape] = compiled
            while len(self._kept) > KEPT_SHAPES:
                self._kept.popitem(last=False)
        return compiled


def _form(value) -> object:
    """What of a value the shape depends on: its type, a list's length and its items' types, None."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ("list", tuple(_form(item) for item in value))
    if isinstance(value, bool) or not isinstance(value, int | str | datetime):
        raise ShapeError(f"A shape's value is an int, a string, an aware datetime or a list of them, not {value!r}.")
    return type(value).__name__


class _StandIns:
    """Stand-ins for a shape's values: (name, index in a list or None) by stand-in."""

    def __init__(self):
        self.named: dict[object, tuple[str, int | None]] = {}
        self.count = 0

    def make(self, name: str, index: int | None, value):
        if value is None:
            return None
        self.count += 1
        if isinstance(value, datetime):
            standin = _STANDIN_TIME.replace(microsecond=self.count)
        elif isinstance(value, str):
            standin = f"{_STANDIN_TEXT}{self.count}"
        else:
            standin = _STANDIN_INT + self.count
        self.named[standin] = (name, index)
        return standin

    def of(self, values: dict) -> dict:
        return {
            name: [self.make(name, index, item) for index, item in enumerate(value)]
            if isinstance(value, list | tuple)
            else self.make(name, None, value)
            for name, value in values.items()
        }


class _Compiled:
    """One shape: its queryset built with stand-ins, and its SQL compiled for each database it was run on."""

    def __init__(self, build: Callable[..., QuerySet], key: tuple, values: dict):
        self.standins = _StandIns()
        self.queryset = build(*key, **self.standins.of(values))
        self.databases: dict[str, tuple] = {}

    def for_database(self, alias: str) -> tuple:
        found = self.databases.get(alias)
        if found is None:
            connection = connections[alias]
            compiler = self.queryset.query.get_compiler(using=alias)
            try:
                sql, params = compiler.as_sql()  # also sets up what the iterables read: select, klass_info, …
            except EmptyResultSet as error:
                # Django matches no rows, without a parameter, for a value beyond a small column's range.
                raise ShapeError("A value's stand-in is beyond its column's range; make it part of the key.") from error
            slots = self._slots(params, connection)
            found = self.databases[alias] = (compiler, sql, tuple(params), slots)
        return found

    def _slots(self, params, connection) -> list[tuple[int, str, int | None, bool]]:
        """Return where each value goes: (position, name, index in its list, written as the database's text)."""
        slots, seen = [], set()
        for position, param in enumerate(params):
            for standin, (name, index) in self.standins.named.items():
                if isinstance(standin, datetime) and isinstance(param, str | datetime):
                    adapted = connection.ops.adapt_datetimefield_value(standin)
                    if param == adapted and type(param) is type(adapted):
                        slots.append((position, name, index, isinstance(param, str)))
                        seen.add(standin)
                        break
                elif type(param) is type(standin) and param == standin:
                    slots.append((position, name, index, False))
                    seen.add(standin)
                    break
        if missing := [self.standins.named[standin][0] for standin in self.standins.named if standin not in seen]:
            raise ShapeError(f"These values do not reach the SQL as parameters; make them part of the key: {missing}")
        placed = {position for position, *_ in slots}
        if any(isinstance(param, datetime) for position, param in enumerate(params) if position not in placed):
            # A time the query read while it was built (timezone.now()) would be run for ever after.
            raise ShapeError("A time is compiled into this shape; pass it as a value (now=…).")
        return slots

    def run(self, values: dict) -> list:
        queryset = self.queryset._chain()
        alias = queryset.db
        compiler, sql, params, slots = self.for_database(alias)
        connection = connections[alias]
        params = list(params)
        for position, name, index, as_text in slots:
            value = values[name] if index is None else values[name][index]
            params[position] = connection.ops.adapt_datetimefield_value(value) if as_text else value
        # A copy of the compiled compiler on this thread's connection, answering with this run's parameters, is
        # what the query (the copy `_chain` made) gives the queryset's iterable to run.
        run = copy.copy(compiler)
        run.connection = connection
        run.as_sql = lambda *args, **kwargs: (sql, params)
        queryset.query.get_compiler = lambda *args, **kwargs: run
        return list(queryset)


@Shape
def _with_field(model, field: str, *, value):
    return model._default_manager.filter(**{field: value})[:1]


def get_or_404(model, **lookup):
    """
    `get_object_or_404(model, field=value)` for a reader's page (the address's section, tag or writer), by a
    query compiled once per model and field: one field, unique among the model's rows.
    """
    ((field, value),) = lookup.items()
    found = _with_field(model, field, value=value)
    if not found:
        raise Http404(f"No {model._meta.object_name} matches the given query.")
    return found[0]
