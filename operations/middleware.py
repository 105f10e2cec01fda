from .views import liveness, readiness_view

# The probes' addresses: outside every prefix the page cache serves (/en/, /fa/, /sitemap, /robots.txt).
PROBES = {"/healthz": liveness, "/readyz": readiness_view}


class HealthProbeMiddleware:
    """
    Answer the health probes first, before anything else in MIDDLEWARE runs.

    A load balancer probes each app server by its address (Host: 10.0.0.12:8000) over plain HTTP: behind
    the other middleware that would be refused as a host not in ALLOWED_HOSTS, or redirected to HTTPS.
    Answered here, a probe also never opens a session, reaches the page cache or counts as a login.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        return probe(request)
