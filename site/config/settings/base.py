"""Settings shared by every environment. Everything that differs per machine comes from the
environment (see README.md for the table); dev, test and production only adjust."""

from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from .env import database_from_url, email_from_url, env_bool, env_int, env_list, env_str

SITE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SITE_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",
    # names of reference data in every language (name_nl, name_en, …), before the apps it serves
    "modeltranslation",
    # our apps first, so their templates and static files win
    "accounts",
    "common",
    "common.feedback.ledger",
    "shop",
    "participation.wijkbudget",
    "participation.inspraak",
    "participation.agenda",
    "initiatives",
    "meldingen",
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.ZuidwestUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # permissions: every app's rules.py (django-rules), imported at start-up
    "rules.apps.AutodiscoverRulesConfig",
    # accounts
    "allauth",
    "allauth.account",
    # realtime and background work
    "channels",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "common.middleware.NulCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous visits of public pages from the cache (PAGE_CACHE_SECONDS, PAGE_CACHE_VIEWS).
    "common.pagecache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A signed-in resident at /beheer/ gets a refusal, not allauth's redirect loop.
    "accounts.middleware.StaffAreaRefusalMiddleware",
    # A full or unreachable database answers 503 "try again" with the typed form kept.
    "common.middleware.DatabaseUnavailableMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "common.context_processors.site_context",
            ],
        },
    },
]

# Database: one URL; the embedded default is a SQLite file under var/.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'zuidwest.sqlite3'}")
DATABASES = {"default": database_from_url(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: channel layer and cache when REDIS_URL is set; in-memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # redis-py 8 reads with a 5 s socket timeout by default, the same as the layer's
                # blocking pop: give the read room, or an idle receive fails with TimeoutError.
                "hosts": [{"address": REDIS_URL, "socket_timeout": 15}],
                "prefix": env_str("REDIS_PREFIX", "zuidwest"),
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("REDIS_PREFIX", "zuidwest"),
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (django-tasks), the backend chosen by TASKS_BACKEND:
# - "database" (the default): the jobs wait in the database; `manage.py db_worker` runs them.
# - "rq": the jobs wait in Redis (REDIS_URL) and any number of `manage.py rqworker default`
#   processes on any machine run them (django-tasks-rq); for larger set-ups.
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or rq, not {TASKS_BACKEND!r}.")

# Email: EMAIL_URL (smtp://...) in production; by default every mail is written to var/mail/
# and echoed on the console, so a demo user can read their login code.
EMAIL_URL = env_str("EMAIL_URL")
if EMAIL_URL:
    globals().update(email_from_url(EMAIL_URL))
else:
    EMAIL_BACKEND = "common.mail.FileAndConsoleBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Zuidwest <noreply@zuidwest.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Users and accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:mijn"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# allauth's forms with our email field limits (254 characters, the column's size).
ACCOUNT_FORMS = {
    name: f"accounts.forms.{form}"
    for name, form in [
        ("login", "LoginForm"),
        ("signup", "SignupForm"),
        ("add_email", "AddEmailForm"),
        ("change_email", "ChangeEmailForm"),
        ("request_login_code", "RequestLoginCodeForm"),
        ("reset_password", "ResetPasswordForm"),
    ]
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
# Residents sign up with only an email address; a password is optional, a code always works.
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 15 * 60
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Zuidwest] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env_str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "http")
# Reverse proxies of our own in front of the site (nginx: 1; a load balancer before it: 2).
# common/clientip.py trusts exactly this many X-Forwarded-For entries, and allauth the same.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Public pages from the cache for visitors without a session (common/pagecache.py): how long a
# page may be kept at most (a change to what it shows makes it old at once), and which views.
# Off by default without Redis: the in-memory cache is one per process.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if REDIS_URL else 0)
PAGE_CACHE_VIEWS = [
    "wagtail_serve",  # home, wijk pages, the programme, the participatiewinkel and its methods
    "meldingen_public:index",
    "meldingen_public:map",
    "meldingen_public:overview",
    "meldingen_public:wijk",
    "ledger:*",
    "initiatives:index",
    "initiatives:detail",
    "participation:wijkbudget",
    "participation:round",
    "participation:proposal",
    "participation:results",
    "participation:processes:index",
    "participation:processes:calendar",
    "participation:processes:detail",
    "shop:agenda",
    "shop:activity",
    "open311:discovery",
    "open311:services",
    "open311:service",
    "open311:requests",
    "open311:request",
    "javascript-catalog",  # the scripts' texts: loaded by every page, the same until a deploy
]
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "request_login_code": "20/m/ip,3/m/key",
}

# Languages: Dutch first (no URL prefix), the others under their own prefix (/en/, /tr/, /ar/,
# /pl/, /bg/). Each is named in itself, so a resident finds their own language in any list.
# Arabic is written right to left (get_language_bidi).
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("pl", "Polski"),
    ("bg", "Български"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
# Reference data that residents read (categories, ready texts, departments) is stored once per
# language by django-modeltranslation (each app's translation.py); an empty translation reads as
# the Dutch.
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
# common's `translation` is the machine-translation package, so its registrations live here.
MODELTRANSLATION_TRANSLATION_FILES = ("common.translated_names",)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Static and media
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Zuidwest"
# No avatars from gravatar.com: it would send a hash of every staff email address abroad, and
# tiles and outside services are unreachable here anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The address in every mailed link. Without BASE_URL it follows PORT (`make run PORT=8001`), so
# follow, cancel, booking and .ics links of a demo on another port still work.
PORT = env_int("PORT", 8000)
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", f"http://127.0.0.1:{PORT}")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASE_URL.startswith(("postgres://", "postgresql://")):
    # PostgreSQL full text with Dutch stemming: "speeltuin" also finds "speeltuinen".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "heic", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Security headers that hold everywhere; production adds the HTTPS ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Flash messages live in the session, on the server: their texts may name an e-mail address
# (ours and allauth's), and the default cookie would carry that readable in every request.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# The background map of every Leaflet map. The Content-Security-Policy allows images from its
# host only; `{s}` (a subdomain per tile) becomes a wildcard there.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
_tiles = urlsplit(MAP_TILE_URL)
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}"

# Content-Security-Policy (django-csp) on every page: our pages run no inline script and carry no
# style attribute, so nothing outside our own static files runs or styles them. Images may also
# be data: URLs (the icons inside the NL Design System CSS) and map tiles. Websockets for live
# updates go to the same host, which 'self' covers. A resident listens back to a recording of
# their own before sending it: a blob: URL in an <audio> (static/js/recorder.js).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", MAP_TILE_ORIGIN],
        "font-src": [SELF],
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin (/beheer/) still writes a few inline scripts (inline panels, date pickers) and
# style attributes, previews pages in a frame of its own and shows uploads as blob: images: it
# gets this policy instead (config.security). Everything else stays as strict as on the site.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", MAP_TILE_ORIGIN],
        "frame-ancestors": [SELF],
    }
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ["/beheer/"]
# Permissions-Policy (django-permissions-policy): the site uses none of these browser features,
# except the location of the visitor on the "waar is het?" step of a report and the microphone
# for a spoken description of a report or an initiative (our own pages only).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "ambient-light-sensor": [],
    "autoplay": [],
    "bluetooth": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": ["self"],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": ["self"],
    "midi": [],
    "payment": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# The platform's own settings
ZUIDWEST_BASE_URL = WAGTAILADMIN_BASE_URL
NOTIFICATIONS_ENABLED = env_bool("NOTIFICATIONS_ENABLED", True)

# Every line goes through one handler whose filter takes secrets (follow, cancel and invitation
# links) out of logged paths and drops the client address on lines about a report or a secret
# link. The servers' access loggers are routed to it explicitly: runserver (`django.server`),
# Daphne's runserver (`django.channels.server`, under `django`) and Uvicorn (`uvicorn.access`,
# and `uvicorn.error` for websocket handshakes). Daphne's own --access-log bypasses logging:
# do not use it (README, "Beyond one machine").
_LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
_SERVER_LOGGER = {"handlers": ["console"], "level": _LOG_LEVEL, "propagate": False}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "secrets": {
            "()": "common.logfilters.RedactSecrets",
            "websocket_urlconf": "config.routing",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["secrets"]}},
    "root": {"handlers": ["console"], "level": _LOG_LEVEL},
    "loggers": {
        "django": _SERVER_LOGGER,
        "django.server": _SERVER_LOGGER,
        "django.db.backends": {"level": "INFO"},
        "uvicorn.access": _SERVER_LOGGER,
        "uvicorn.error": _SERVER_LOGGER,
    },
}
# Machine translation between residents and staff (common/translation/), opt-in and self-hosted:
# "none" is off; "libretranslate" speaks the HTTP API of a LibreTranslate server of our own.
# Only background tasks call it, each call at most TRANSLATION_TIMEOUT seconds.
TRANSLATION_BACKEND = env_str("TRANSLATION_BACKEND", "none")
LIBRETRANSLATE_URL = env_str("LIBRETRANSLATE_URL", "")
LIBRETRANSLATE_API_KEY = env_str("LIBRETRANSLATE_API_KEY", "")
TRANSLATION_TIMEOUT = env_int("TRANSLATION_TIMEOUT", 3)
MELDINGEN_CONTACT_RETENTION_DAYS = env_int("MELDINGEN_CONTACT_RETENTION_DAYS", 90)
# Uploads that need a permission check (report photos) live outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private-media")))
# Open311 GeoReport v2: when keys are set, POST requests must carry one of them.
OPEN311_API_KEYS = env_list("OPEN311_API_KEYS", [])
# Who answers for the API (service discovery) and how many POST requests a client may send a minute.
OPEN311_CONTACT = "Programmabureau Zuidwest, programma@zuidwest.example"
OPEN311_RATE_LIMIT = 10
# The participatiewinkel's help line, printed on letters (the vote-code letter of the wijkbudget):
# residents without internet call it. Den Haag's general number until the shop has its own.
PARTICIPATIEWINKEL_PHONE = env_str("PARTICIPATIEWINKEL_PHONE", "14 070")
# Working days for a broker's first response to a new initiative and for the decision after that.
INITIATIVES_FIRST_RESPONSE_DAYS = 5
INITIATIVES_DECISION_DAYS = 20
# Staff log in like everyone else: by e-mail code, through allauth and its rate limits.
# Wagtail's own password login (/beheer/login/) redirects there (config/urls.py); no password
# is set, changed or reset in the admin, and an address changes only through allauth, which
# confirms it first.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
