"""Serve a built site on 127.0.0.1 from a thread of the calling process, optionally with response headers."""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts.compression import gzipped, is_compressible


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _QuietHandler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    compress: bool = False

    def do_GET(self) -> None:  # noqa: N802 (the base class's name)
        """Like a static host: text files gzipped for a client that accepts it (when `compress` is on)."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if not (self.compress and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file()
                and is_compressible(content_type)):
            super().do_GET()
            return
        body = gzipped(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


@contextmanager
def serve(directory: Path, port: int, headers: dict[str, str] | None = None, compress: bool = False) -> Iterator[str]:
    """Serve `directory` at http://127.0.0.1:PORT/ until the block ends; yields the base URL.
    With `compress`, text is sent gzipped to clients that accept it, as a static host or CDN does."""
    handler = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {}), "compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
