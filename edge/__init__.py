"""
Purging an edge cache (Varnish, Fastly, Cloudflare) by surrogate key the moment an edit commits.

Pages carry a Surrogate-Key header naming what they show (pagecache/headers.py), so an edge may keep them
for an hour: when an edit commits, pagecache sends `pages_invalidated` with the exact tags it made stale,
and this app queues a background task (core/background.py) that purges those keys from the configured
edge (EDGE_PURGER, see purgers/). A purge that fails raises, so the task framework retries it; the
editor's save, committed before the task is queued, never depends on the edge.
"""
