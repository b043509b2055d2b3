"""The persistent response cache of the web-service clients: requests-cache's SQLite store.

Only answers worth keeping are stored (each client says which): for Crossref, successful responses
with a good JSON body (about 30 days: `updated-by` can appear later) and 404s on a DOI (one day).
Errors, 429s and broken bodies never are. Keys leave out who asked (`mailto`, `email`, `tool`,
`api_key`), so changing address does not empty the cache, and the stored requests never hold an
address, an API key or a Plus token.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import requests
from requests_cache import SQLiteCache
from requests_cache.policy.settings import CacheSettings

from ..errors import OutputError

__all__ = ["MISSING_TTL", "PRIVATE", "WORK_TTL", "ResponseCache", "cache_key", "default_cache_path"]

WORK_TTL = timedelta(days=30)
MISSING_TTL = timedelta(days=1)
# Who asked: never part of a key, never stored.
PRIVATE = ("mailto", "email", "tool", "api_key", "Crossref-Plus-API-Token")
_LABELS = {"crossref": "Crossref", "ncbi": "NCBI"}


def default_cache_path(name: str = "crossref") -> Path:
    """`<name>.sqlite` in the user's cache directory."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("myobib")) / f"{name}.sqlite"


def cache_key(base_url: str, path: str, params: dict[str, str]) -> str:
    """The key of a request: base URL, path (DOIs lower-cased) and parameters without who asked."""
    kept = sorted((k, v) for k, v in params.items() if k not in PRIVATE)
    path = path.lower() if path.startswith("/works/") else path
    return f"{base_url.rstrip('/')}{path}?{urlencode(kept)}"


class ResponseCache:
    """Responses by key in an SQLite file, with an expiry each.

    `path`: the file (`.sqlite` is added to a name without suffix), or a directory to hold
    `<name>.sqlite`. A path that cannot be opened is an `OutputError`.
    """

    def __init__(self, path: str | os.PathLike[str], name: str = "crossref"):
        self.path = Path(path).expanduser()
        if self.path.is_dir():
            self.path = self.path / f"{name}.sqlite"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._store = SQLiteCache(str(self.path))
            self._store._settings = CacheSettings(ignored_parameters=PRIVATE)  # redacted from stored requests
            self.path = Path(self._store.db_path)  # requests-cache adds `.sqlite` to a name without suffix
            self._store.responses.count()  # opens the file now, so a bad path fails here, once
        except (OSError, sqlite3.Error) as exc:
            label = _LABELS.get(name, name)
            raise OutputError(f"{self.path}: cannot open the {label} cache ({exc})") from None
        self._lock = threading.Lock()

    def get(self, key: str) -> requests.Response | None:
        """The stored response, or None when absent or expired."""
        with self._lock:
            found = self._store.get_response(key)
        if found is None or found.is_expired:
            return None
        return found

    def put(self, key: str, response: requests.Response, ttl: timedelta) -> bool:
        """Store a response; False when the cache could not take it (the answer is still good)."""
        try:
            with self._lock:
                self._store.save_response(response, cache_key=key, expires=datetime.now(UTC) + ttl)
        except (OSError, sqlite3.Error):
            return False
        return True

    def close(self) -> None:
        with self._lock:
            self._store.close()
