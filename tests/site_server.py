"""The test server now lives in scripts/ (the benchmark serves the site too); tests keep importing it from here."""

from scripts.site_server import free_port, serve

__all__ = ["free_port", "serve"]
