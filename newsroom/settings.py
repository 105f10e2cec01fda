"""
Settings for Newsroom, read from the environment.

Every setting a deployment may change is an environment variable documented in the README. A bad
value stops the process at start with an ImproperlyConfigured naming the variable.
"""

import os
import zoneinfo
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """Return a yes/no environment variable, refusing anything that is neither."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value: use 1/0, true/false, yes/no or on/off.")


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated environment variable as a list of non-empty items."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_seconds(name: str, default: float) -> float:
    """Return a positive number of seconds, e.g. 0.25."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a positive number of seconds, e.g. 0.25.")
    return value


def env_database(name: str, default: str, *, conn_max_age: int = 0, url: str | None = None) -> dict:
    """Return Django's DATABASES entry for a database URL (sqlite:///… or postgres://…): `url`, or else $name."""
    url = url or os.environ.get(name) or default
    try:
        # A connection kept between requests is checked before reuse (CONN_HEALTH_CHECKS), so a database
        # restart costs one reconnect, not an error page.
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{name}={url!r} is not a usable database URL ({error}). "
            "Use sqlite:////absolute/path.sqlite3 or postgres://user:password@host:5432/name."
        ) from error
    if config["ENGINE"] not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ImproperlyConfigured(f"{name}: Newsroom supports SQLite and PostgreSQL, not {config['ENGINE']}.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # A write transaction takes SQLite's write lock when it begins, not at its first write: a save that
        # reads a row and then writes it (core/locking.py) cannot interleave with another, and waits up to
        # 20 s for it instead of failing with "database is locked".
        config.setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
    else:
        # A server that accepts connections but never answers would hold each request for psycopg's default
        # 130 s; after 5 s the reader gets the 503 page instead. The URL may say otherwise (?connect_timeout=).
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
        if env_bool("DB_PREPARED_STATEMENTS", True):
            # Parameters are sent apart from the query, and a query shape run five times on one connection is
            # prepared: PostgreSQL plans it once, not on every page. Planning was 0.7 ms of an uncached
            # article's three queries; the article went from 6.3-7.2 to 5.2-5.3 ms in one process (issue 17).
            # Off (DB_PREPARED_STATEMENTS=0) behind a pooler that cannot keep prepared statements, such as
            # PgBouncer before 1.21 in transaction mode.
            config["OPTIONS"].setdefault("server_side_binding", True)
            config["OPTIONS"].setdefault("prepare_threshold", 5)
        # Django's backend, checking a kept connection without a round trip (newsroom/postgresql/base.py).
        config["ENGINE"] = "newsroom.postgresql"
    return config


def env_time_zone(name: str, default: str) -> str:
    value = os.environ.get(name) or default
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ImproperlyConfigured(f"{name}={value!r} is not a known time zone, e.g. UTC or Asia/Tehran.") from error
    return value


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (set DEBUG=1 for local development).")
    SECRET_KEY = "development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # search vectors (harmless on SQLite)
    "django.contrib.sitemaps",
    "reversion",
    "axes",
    "django_prose_editor",
    "django_tasks_db",
    "core",
    "articles",
    "authors",
    "series",
    "memory",
    "glossary",
    "corrections",
    "prepublish",
    "search",
    "pagecache",
    "discovery",
    "desk",
    "operations",
    "wording",
    "previews",
    "edge",
]

MIDDLEWARE = [
    # First: load balancers' probes (/healthz, /readyz) skip host checks, HTTPS redirects and the page cache.
    "operations.middleware.HealthProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An edge that reads a page's keys from a header of its own (Cloudflare: Cache-Tag); unused otherwise.
    "edge.middleware.EdgeKeysMiddleware",
    # Early, so that a cached page is served before sessions, auth and locale do any work.
    "pagecache.middleware.PageCacheMiddleware",
    # Marks anonymous reader requests, which may read from a replica (replicas/; off without DATABASE_REPLICA_URLS).
    "replicas.middleware.ReaderRequestMiddleware",
    # The translators' corrections to the interface's wording, reloaded within a second of a change (wording/).
    "wording.runtime.WordingMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers locked-out login attempts.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out username or address is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login throttling: five failures for a username from one address lock it for 30 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/newsroom/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# Outside development a worker keeps its database connection between requests. Opening one per request
# took 6 of an uncached article's 36 ms in one process, and more under load, where PostgreSQL's new backend
# competes for the same cores: uncached articles went from 55 to 91 req/s, the home page from 44 to 64
# (issue 17, docs/serving-uncached-before.txt and -after.txt). Development closes it after each request.
DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0 if DEBUG else 60),
    )
}

# Read replicas (replicas/): anonymous reader pages, feeds, sitemaps and search read from a streaming replica
# of DATABASE_URL when one is listed and no more than DATABASE_REPLICA_MAX_LAG seconds behind; everything else
# (the admin, the desk, tasks, commands, every write, anyone signed in or who just sent a form) uses the
# primary. None by default: then nothing changes.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS", [])
DATABASE_REPLICA_MAX_LAG = env_seconds("DATABASE_REPLICA_MAX_LAG", 1.0)
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    _replica = env_database("DATABASE_REPLICA_URLS", "", conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], url=_url)
    if DATABASES["default"]["ENGINE"] != "newsroom.postgresql" or _replica["ENGINE"] != "newsroom.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URLS: read replicas need PostgreSQL, for them and DATABASE_URL.")
    # The test runner makes no database for a replica: in tests it is the test database itself.
    DATABASES[f"replica_{_number}"] = {**_replica, "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["replicas.router.ReplicaRouter"] if DATABASE_REPLICA_URLS else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default; every public URL carries its language prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fa", _("Persian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # a reader's chosen language is remembered for a year
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_time_zone("TIME_ZONE", "UTC")

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fa")}


def translated_field_label(verbose_name, language: str) -> str:
    """Label a language's copy of a field with the language's name, «تیتر (فارسی)», not modeltranslation's "[fa]"."""
    # modeltranslation calls this lazily, as each label is shown: in the language active then.
    names = dict(LANGUAGES)
    return gettext("%(field)s (%(language)s)") % {"field": verbose_name, "language": names.get(language, language)}


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = translated_field_label
# modeltranslation's tabs need jQuery UI: served from our own static files, never from a CDN (CSP, offline).
JQUERY_UI_URL = "admin_newsroom/vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Static files: hashed and compressed (Brotli, gzip) by WhiteNoise outside development.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
if not MEDIA_ROOT.is_absolute():
    raise ImproperlyConfigured(f"MEDIA_ROOT={str(MEDIA_ROOT)!r} must be an absolute path.")

# Media on any S3-compatible object store when a bucket is named, so app servers share nothing on disk.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
        },
    }

# Images of taken-down articles (articles/withheld.py): kept, but outside what the web server or the edge
# serves as /media/. On disk beside MEDIA_ROOT by default; in the bucket under "withheld/", never public.
WITHHELD_MEDIA_ROOT = Path(os.environ.get("WITHHELD_MEDIA_ROOT") or BASE_DIR / "withheld-media")
STORAGES["withheld"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": WITHHELD_MEDIA_ROOT, "base_url": None},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["withheld"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": "withheld",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }

# Uploads: refuse oversized requests before they reach a form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "admin:login"

# Tests run with the page cache off (as Django's runner swaps the email backend); its own tests turn it on.
TEST_RUNNER = "newsroom.test_runner.NewsroomTestRunner"

# Cache: Redis shared by every app server when REDIS_URL is set, this process's memory otherwise.
# Redis only speeds the site up: past REDIS_TIMEOUT, or on any Redis error, a call is a cache miss and
# pages come from the database (newsroom/redis_cache.py). Sessions (Django's database engine) and
# django-axes (its database handler) stay off the cache, so an outage signs no one out.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT = env_seconds("REDIS_TIMEOUT", 0.25)
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL={REDIS_URL!r} must start with redis://, rediss:// or unix://.")
    CACHES = {
        "default": {
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "newsroom"}}
# How long an anonymous public page may be served from the cache (edits invalidate it sooner); 0 turns
# the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Site-wide pieces every page shows (the navigation's sections) are read once per content generation in each
# process, not once per page (core/caching.py): one query less on every uncached page.
PER_GENERATION_MEMO = True
# The public addresses it may serve (anonymous GETs only): the reader's pages, the sitemaps and robots.txt.
PAGE_CACHE_PREFIXES = [*(f"/{code}/" for code, _name in LANGUAGES), "/sitemap", "/robots.txt"]

# Background work (core/background.py): Django's tasks framework on the database backend (django-tasks-db)
# by default, which needs no server beyond the database; `manage.py run_worker` runs the tasks (operations/).
# TASKS_BACKEND=django_tasks_rq.RQBackend moves the queue to Redis (TASKS_REDIS_URL), for many workers or a
# task volume the database should not carry; README "Background work".
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
if TASKS_BACKEND == "django_tasks_rq.RQBackend":
    TASKS_REDIS_URL = os.environ.get("TASKS_REDIS_URL", "")
    if not TASKS_REDIS_URL.startswith(("redis://", "rediss://")):
        raise ImproperlyConfigured(
            "TASKS_BACKEND=django_tasks_rq.RQBackend needs TASKS_REDIS_URL=redis://host:port/db."
        )
    # Short timeouts: a save whose broker is down must not hang; its task waits in the outbox instead.
    separator = "&" if "?" in TASKS_REDIS_URL else "?"
    RQ_QUEUES = {
        "default": {
            "URL": f"{TASKS_REDIS_URL}{separator}socket_timeout=2&socket_connect_timeout=2",
            "DEFAULT_TIMEOUT": 900,
        }
    }
    INSTALLED_APPS.append("django_rq")
elif TASKS_BACKEND != "django_tasks_db.DatabaseBackend":
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r}: use django_tasks_db.DatabaseBackend (the default) "
        "or django_tasks_rq.RQBackend."
    )
# The worker (operations/worker.py): how often an idle worker looks for work (edge purges must go out within
# ~100 ms of a commit), how often it writes its heartbeat, and after how long without one its running tasks
# are taken back and run again by another worker.
TASKS_WORKER_POLL_SECONDS = env_seconds("TASKS_WORKER_POLL_SECONDS", 0.1)
TASKS_WORKER_HEARTBEAT_SECONDS = env_seconds("TASKS_WORKER_HEARTBEAT_SECONDS", 5)
TASKS_WORKER_STALE_SECONDS = env_seconds("TASKS_WORKER_STALE_SECONDS", 30)

# An edge cache in front of the app servers (edge/): which one to purge by surrogate key when an edit makes
# pages stale, through a background task. "off" (the default) for a site with no edge; "varnish" purges
# each address in EDGE_VARNISH_URLS (deploy/varnish/newsroom.vcl); "fastly" and "cloudflare" their APIs.
# Checked when the app starts (edge/apps.py): an unknown name or a missing token stops it.
EDGE_PURGER = os.environ.get("EDGE_PURGER", "off").strip().lower() or "off"
EDGE_VARNISH_URLS = env_list("EDGE_VARNISH_URLS", [])
EDGE_PURGE_TIMEOUT = env_seconds("EDGE_PURGE_TIMEOUT", 5.0)
FASTLY_API_URL = os.environ.get("FASTLY_API_URL", "https://api.fastly.com")
FASTLY_API_TOKEN = os.environ.get("FASTLY_API_TOKEN", "")
FASTLY_SERVICE_ID = os.environ.get("FASTLY_SERVICE_ID", "")
CLOUDFLARE_API_URL = os.environ.get("CLOUDFLARE_API_URL", "https://api.cloudflare.com")
CLOUDFLARE_API_TOKEN = os.environ.get("CLOUDFLARE_API_TOKEN", "")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")

# Content Security Policy (Django's own middleware): our pages load nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True

# HTTPS: on by default in production (behind a proxy that sets X-Forwarded-Proto), off in development.
HTTPS = env_bool("HTTPS", default=not DEBUG)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Public site
SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes reports every login check at INFO; lockouts (WARNING) are what operators need.
    "loggers": {"axes": {"level": "WARNING"}},
}
