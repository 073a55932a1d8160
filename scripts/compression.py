"""Which responses a host compresses, and how: gzip at level 6 (a common server default) for text formats;
formats that are already compressed (WOFF2, PNG, JPEG, WebP) are sent as they are."""

from __future__ import annotations

import gzip

GZIP_LEVEL = 6
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json", "application/x-javascript")


def is_compressible(content_type: str) -> bool:
    """Whether a host would gzip a response of this Content-Type."""
    return content_type.split(";")[0].strip().lower().startswith(COMPRESSIBLE)


def gzipped(body: bytes) -> bytes:
    """The body as a compressing host sends it (no timestamp, so the same bytes every time)."""
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
