"""The database router: a reader request's reads from its replica; all else, and every write, on the primary."""

from django.db import DEFAULT_DB_ALIAS, connections

from core.primary import primary_required

from . import reading


class ReplicaRouter:
    """Send a reader request's reads to its replica (reading.current); writes, transactions, the rest to the primary."""

    def db_for_read(self, model, **hints):
        request = reading.current.get()
        if request is None:
            return None  # the primary, or the database an instance was read from
        if primary_required():
            return DEFAULT_DB_ALIAS  # a value kept beyond this request is being built (core/primary.py)
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS  # a transaction reads what it writes (select_for_update is a write)
        return request.database()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replicas hold the primary's rows: an author read from a replica is the primary's author.
        if all(db == DEFAULT_DB_ALIAS or reading.is_replica(db) for db in (obj1._state.db, obj2._state.db)):
            return True
        return None  # not ours to say

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS  # a replica follows the primary's schema; it cannot be written to
