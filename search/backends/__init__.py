"""
The search backends: PostgreSQL's full-text search (`postgres`), and on any other database (SQLite in
development and tests) matching the beginnings of words in the same stored text (`sqlite`).

Each backend module offers `search()`, `marked_terms()` and `refresh_vectors()`; callers use the functions
here, which pick the backend of the database in use.
"""

from types import ModuleType

from django.db import connection
from django.db.models import QuerySet

from ..query import Query
from ..results import Results
from . import postgres, sqlite


def backend() -> ModuleType:
    """Return the backend module of the database in use."""
    return postgres if connection.vendor == "postgresql" else sqlite


def search(articles: QuerySet, query: Query, language: str, *, newest: bool = False) -> Results:
    """
    Return the articles matching the query in a language, in the order readers see them (see `Results`), or
    newest first.
    """
    if not query:
        return Results(articles, ranked=articles.none(), unranked=articles.none())
    return backend().search(articles, query, language, newest=newest)


def marked_terms(query: Query, language: str) -> tuple[str, ...]:
    """Return the word beginnings to mark in results for a query, longest first (see `highlight()`)."""
    terms = backend().marked_terms(query, language) if query else set()
    return tuple(sorted(terms, key=len, reverse=True))
