# Varnish in front of Newsroom's app servers: the reference edge (Varnish 7.1, varnish-modules for xkey).
#
# Anonymous public pages are kept for an hour and purged by surrogate key the moment an edit commits: the
# app names what each page shows in its Surrogate-Key header, and its background worker sends
# `PURGE /` with the stale keys in an `xkey-purge` header (EDGE_PURGER=varnish, EDGE_VARNISH_URLS; edge/).
# Signed-in staff never get or fill a cached page. Run it as
#     varnishd -a :80 -f /etc/varnish/newsroom.vcl -s malloc,1g
# with TLS terminated in front (hitch, nginx) or behind a CDN. See README "Putting Varnish in front".
vcl 4.1;

import std;
import xkey;

backend newsroom_app {
    # One app server here; for several, declare one backend each and a round-robin director (vmod_directors).
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    # The liveness probe: while the app is down, readers are served what the edge holds (see grace below).
    # Sick after 3 failures in 5 probes (6-10 s): a sync worker busy with a slow page may keep one waiting,
    # and a sick backend refuses the admin (it is never cached) until the probes pass again.
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: the app servers' workers. Anyone else's PURGE is refused.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address."));
        }
        if (req.http.xkey-purge) {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        } elif (req.http.xkey-softpurge) {
            # Soft: the pages stay as stale copies, served once while the fresh one is fetched.
            set req.http.X-Purged = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "Name the keys in an xkey-purge or xkey-softpurge header."));
        }
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Static files (hashed names, compressed by WhiteNoise) and media: cached as nginx serves them.
    if (req.url ~ "^/(static|media)/") {
        unset req.http.Cookie;
        return (hash);
    }
    # Public pages under a language prefix, feeds, sitemaps and robots.txt (as deploy/nginx.conf caches them).
    if (req.url ~ "^/(en|fa)/" || req.url ~ "^/sitemap" || req.url ~ "^/robots\.txt$") {
        if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
            return (pass);  # signed-in staff see live pages, and what they see is never stored
        }
        # A reader's other cookies (csrftoken, the language) do not change these pages.
        unset req.http.Cookie;
        # Stale-while-revalidate: past its life a page is served for 30 s more while one request fetches it
        # again; while the app is down (the probe fails), for as long as the edge keeps it (beresp.grace).
        if (std.healthy(req.backend_hint)) {
            set req.grace = 30s;
        }
        return (hash);
    }
    # Everything else: "/" (redirects by the reader's language), /language/, /admin/, /preview/ (partners'
    # previews: never cached), the probes.
    return (pass);
}

sub vcl_backend_response {
    if (bereq.url ~ "^/static/") {
        set beresp.ttl = 365d;
        set beresp.http.Cache-Control = "public, max-age=31536000, immutable";
        return (deliver);
    }
    if (bereq.url ~ "^/media/") {
        set beresp.ttl = 30d;
        set beresp.http.Cache-Control = "public, max-age=2592000";
        set beresp.http.X-Content-Type-Options = "nosniff";
        # Keyed by its address, so that the app can purge a taken-down article's images (edge/receivers.py).
        set beresp.http.xkey = "media:" + bereq.url;
        return (deliver);
    }
    # Only pages the app names (a Surrogate-Key) are kept, and only if they set no cookie and do not forbid it
    # (private, no-store: staff and partner previews, whatever their address); the others are fetched for
    # every request (hit-for-miss), as are 5xx answers.
    if (!beresp.http.Surrogate-Key || beresp.http.Set-Cookie || beresp.status >= 500 ||
        beresp.http.Cache-Control ~ "(?i)(private|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # xkey indexes the object by the keys in its xkey header.
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    # The app's s-maxage is PAGE_CACHE_SECONDS, shorter when a scheduled article is due sooner. Purges make
    # the edge precise, so it keeps a page for an hour (EDGE_TTL) unless the app asks for less than a full
    # page life (300 s, PAGE_CACHE_SECONDS: keep these two in step): a scheduled change is then due.
    if (beresp.ttl >= 299s) {
        set beresp.ttl = 1h;  # EDGE_TTL
    }
    set beresp.grace = 24h;  # how long a page may be served stale while the app is down
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Purge keys are the edge's business. (A CDN in front of this Varnish needs them: remove these lines.)
    unset resp.http.Surrogate-Key;
    unset resp.http.xkey;
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
