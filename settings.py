"""Configuration, read in one place: explicit argument > environment variable > default."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA_DIR = ROOT / "data"
SOURCES_DIR = DATA_DIR / "sources"
REFERENCE_DIR = DATA_DIR / "reference"
DEFAULT_DB_PATH = DATA_DIR / "dashboard.db"
DEFAULT_SECRET_KEY_FILE = DATA_DIR / "secret_key"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8050"


@dataclass(frozen=True)
class Settings:
    database_url: str
    host: str
    port: int
    debug: bool
    cache_mb: int = 64  # per worker: cached pages and aggregates (0 turns caching off)
    public_read: bool = False  # PUBLIC_READ=1: anyone may view without logging in (never write or export)
    secret_key: str | None = None  # SECRET_KEY; unset: a random key kept in secret_key_file
    secret_key_file: Path = DEFAULT_SECRET_KEY_FILE
    secure_cookies: bool = True  # SECURE_COOKIES=0 only for plain-HTTP set-ups other than this machine
    proxy_count: int = 0  # PROXY_COUNT: reverse proxies in front, whose X-Forwarded-For is trusted
    public_url: str = DEFAULT_PUBLIC_URL  # PUBLIC_URL: the site's address as exports print it (never the Host header)
    api_rate_per_minute: int = 600  # API_RATE_PER_MINUTE: requests a minute per API token (README "Read API")


def default_database_url() -> str:
    return f"sqlite:///{DEFAULT_DB_PATH}"


def served_url(host: str, port: int) -> str:
    """The address the app is served at, for exports' links when PUBLIC_URL is not set: HOST and PORT, with a
    wildcard host (0.0.0.0, ::) read as the loopback address. Example: ``served_url("127.0.0.1", 8079)``."""
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else (f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}"


def load(database_url: str | None = None, env: dict | None = None) -> Settings:
    """Resolve settings. Example: ``load(env={"PORT": "9000"}).port == 9000``."""
    env = os.environ if env is None else env
    host, port = env.get("HOST", "127.0.0.1"), int(env.get("PORT", "8050"))
    return Settings(
        database_url=database_url or env.get("DATABASE_URL") or default_database_url(),
        host=host,
        port=port,
        debug=env.get("DASH_DEBUG", "") == "1",
        cache_mb=int(env.get("CACHE_MB", "64")),
        public_read=env.get("PUBLIC_READ", "") == "1",
        secret_key=env.get("SECRET_KEY") or None,
        secret_key_file=Path(env.get("SECRET_KEY_FILE") or DEFAULT_SECRET_KEY_FILE),
        secure_cookies=env.get("SECURE_COOKIES", "1") != "0",
        proxy_count=int(env.get("PROXY_COUNT", "0")),
        public_url=(env.get("PUBLIC_URL") or served_url(host, port)).rstrip("/"),
        api_rate_per_minute=int(env.get("API_RATE_PER_MINUTE", "600")),
    )
