"""Host-level redirects from mkdocs-redirects' `redirect_maps`: a `_redirects` file (Netlify, Cloudflare
Pages) and nginx rules, so a moved URL answers with a 301 (browsers keep the #fragment across it).
The HTML redirect pages that mkdocs-redirects writes stay as the fallback for hosts without rules."""

from __future__ import annotations

from pathlib import Path

from scripts.site.addresses import page_url


def redirect_pairs(redirect_maps: dict[str, str]) -> list[tuple[str, str]]:
    return sorted((page_url(old), page_url(new)) for old, new in redirect_maps.items())


def redirects_file(pairs: list[tuple[str, str]]) -> str:
    lines = []
    for old, new in pairs:
        lines.append(f"{old} {new} 301")
        lines.append(f"{old.rstrip('/')} {new} 301")
    return "".join(line + "\n" for line in lines)


def nginx_rules(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"location = {old} {{ return 301 {new}; }}\nlocation = {old.rstrip('/')} {{ return 301 {new}; }}\n"
                   for old, new in pairs)


def write_redirect_files(site: Path, redirect_maps: dict[str, str]) -> list[tuple[str, str]]:
    pairs = redirect_pairs(redirect_maps)
    (site / "_redirects").write_text(redirects_file(pairs), encoding="utf-8")
    (site / "nginx").mkdir(exist_ok=True)
    (site / "nginx" / "redirects.conf").write_text(nginx_rules(pairs), encoding="utf-8")
    return pairs
