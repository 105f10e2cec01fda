"""
Django's PostgreSQL backend, with a health check of a kept connection that costs no round trip.

Django checks a connection it kept from an earlier request (CONN_HEALTH_CHECKS) by sending "SELECT 1" at the
start of every request: a round trip to the database per page, which PostgreSQL answers on the same two cores
the workers need (issue 17). The connection a database restart or `pg_terminate_backend` ends has already
been told so: the server sent its goodbye and closed the socket. Reading what has arrived, without waiting,
finds that out, and Django then opens a new connection before the request uses the old one, as it does when
SELECT 1 fails. What only a round trip would find (a server that vanished without closing the socket) is
left to the request's own first query and `connect_timeout`, as before.
"""

import select

from django.db.backends.postgresql import base
from psycopg import OperationalError, pq

# An idle connection receives nothing unasked but a server's goodbye (or a notice): a few reads settle it.
UNSOLICITED_READS = 4


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        if self.connection is None or self.connection.closed:
            return False
        pgconn = self.connection.pgconn
        try:
            # Read what the server sent since, without waiting: an ended connection's goodbye first, and then,
            # on the next read, the closed socket, which raises.
            for _ in range(UNSOLICITED_READS):
                if not select.select([pgconn.socket], [], [], 0)[0]:
                    break
                pgconn.consume_input()
        except OperationalError:
            return False
        return pgconn.status == pq.ConnStatus.OK and pgconn.transaction_status == pq.TransactionStatus.IDLE
