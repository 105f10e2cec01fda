"""
Reads spread over read replicas: anonymous reader requests read from a streaming replica, all else from the primary.

The settings list the replicas (DATABASE_REPLICA_URLS → aliases replica_1, replica_2, …). The middleware marks
an anonymous GET or HEAD of a public page as a reader request (`reading`); the router sends that request's
reads to one replica that is up and no more than DATABASE_REPLICA_MAX_LAG seconds behind (`health`), and every
other read, every write and everything inside a transaction to the primary.
"""
