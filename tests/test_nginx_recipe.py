"""The README's nginx recipe, run for real with Debian's nginx against the built site: security headers,
compression, caching, redirects and the 404 page as a visitor's browser would get them."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.release.host_redirects import redirect_pairs
from scripts.served_site import free_port
from scripts.site.settings import load_settings, redirect_maps
from tests.conftest import ROOT

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


def readme_recipe() -> str:
    recipe = re.search(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert recipe, "README.md has no ```nginx block"
    return recipe.group(1)


def local_config(site: Path, port: int, prefix: Path) -> str:
    """The recipe as written, but serving `site` over plain HTTP on 127.0.0.1 (no certificate here)."""
    server = readme_recipe().replace("/srv/clinic/public", str(site))
    server, listens = re.subn(r"listen 443 ssl http2;", f"listen 127.0.0.1:{port};", server)
    assert listens == 1, "the recipe's `listen 443 ssl http2;` line changed: update this test"
    temp = " ".join(f"{kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                          "scgi"))
    # `user root`: the test's build folder sits in pytest's private temp folder (test_safe_build checks that a
    # published folder is readable by a web server's own user).
    return (f"user root;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'};\n"
            f"events {{}}\nhttp {{\n include /etc/nginx/mime.types;\n access_log off;\n {temp}\n{server}}}\n")


@pytest.fixture(scope="module")
def nginx(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    if not NGINX:
        pytest.fail("nginx is not installed: run `make browser` (or apt-get install nginx-light)")
    prefix, port = tmp_path_factory.mktemp("nginx"), free_port()
    config = prefix / "nginx.conf"
    config.write_text(local_config(built_site, port, prefix), encoding="utf-8")
    checked = subprocess.run([NGINX, "-t", "-c", str(config), "-p", str(prefix)], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx rejects the README recipe:\n{checked.stderr}"
    server = subprocess.Popen([NGINX, "-c", str(config), "-p", str(prefix), "-g", "daemon off;"],
                              stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("HEAD", "/")
                break
            except OSError:
                time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    response.body = response.read()
    return response


def test_a_page_comes_compressed_with_the_security_headers_and_a_short_cache(nginx: int, site_headers) -> None:
    response = get(nginx, "/aftercare/")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Cache-Control") == "public, max-age=300"
    for name, value in site_headers.items():  # exactly what _headers gives Netlify and Cloudflare
        assert response.getheader(name) == value, name


def test_only_material_bundles_with_a_content_hash_are_cached_for_a_year(nginx: int, built_site: Path) -> None:
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(built_site)
    hashed = get(nginx, f"/{bundle.as_posix()}")
    assert hashed.status == 200
    assert hashed.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert hashed.getheader("Content-Security-Policy"), "the security headers are missing on cached files"
    ours = get(nginx, "/assets/css/site.css")  # no hash in its name: a change must reach returning visitors
    assert ours.status == 200
    assert ours.getheader("Cache-Control") == "public, max-age=300"


def test_an_old_address_is_a_real_301_to_its_new_page(nginx: int) -> None:
    old, new = redirect_pairs(redirect_maps(load_settings(ROOT / "mkdocs.yml")))[0]
    response = get(nginx, old)
    assert response.status == 301
    assert response.getheader("Location").endswith(new)


def test_a_missing_page_gets_our_404_page(nginx: int) -> None:
    response = get(nginx, "/no-such-page/")
    assert response.status == 404
    assert response.getheader("Content-Security-Policy")
