"""JSON-LD for a page's head: the clinic, the medical web page and the procedure it is about."""

from __future__ import annotations

import json
from typing import Any

from scripts.site.review_text import SignedReview
from scripts.site.treatments import Treatment

DAY_URL = "https://schema.org/{}"


def _clinic(contact: dict[str, str], hours: list[dict[str, str]], site_url: str) -> dict[str, Any]:
    clinic: dict[str, Any] = {"@type": "MedicalClinic", "name": contact["name"], "url": site_url}
    if contact.get("phone_tel"):
        clinic["telephone"] = contact["phone_tel"].removeprefix("tel:")
    address = {
        key: contact[field]
        for key, field in (("streetAddress", "street_address"), ("addressLocality", "city"),
                           ("addressRegion", "region"), ("postalCode", "postcode"))
        if contact.get(field)
    }
    if address:
        clinic["address"] = {"@type": "PostalAddress", "addressCountry": "US", **address}
    if hours:
        clinic["openingHoursSpecification"] = [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": DAY_URL.format(entry["day"]),
             "opens": entry["opens"], "closes": entry["closes"]}
            for entry in hours if not entry.get("closed")
        ]
    return clinic


def page_graph(meta: dict[str, Any], page_url: str, site_url: str, contact: dict[str, str],
               hours: list[dict[str, str]], treatment: Treatment | None, signed: SignedReview | None,
               language: str = "en") -> list[dict[str, Any]]:
    """The JSON-LD objects for one page: always the clinic; on clinical pages the web page (in `language`), the
    page's own treatment it is about (named in that language), and its reviewer and date once a listed clinician
    has signed the version shown."""
    clinic = _clinic(contact, hours, site_url)
    graph: list[dict[str, Any]] = [clinic]
    if meta.get("clinical"):
        web_page: dict[str, Any] = {
            "@type": "MedicalWebPage",
            "name": meta.get("title", ""),
            "description": meta.get("description", ""),
            "url": page_url,
            "inLanguage": language,
            "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
            "publisher": {"@type": "MedicalClinic", "name": contact["name"]},
        }
        if treatment is not None:
            web_page["about"] = {"@type": "MedicalProcedure", "name": treatment.name,
                                 **({"alternateName": treatment.also_called} if treatment.also_called else {}),
                                 "bodyLocation": "Skin"}
        if signed is not None:
            web_page["lastReviewed"] = signed.date.isoformat()
            web_page["reviewedBy"] = {"@type": "Person", "name": signed.name,
                                      **({"jobTitle": signed.job_title} if signed.job_title else {})}
        graph.append(web_page)
    return graph


def to_script_json(data: Any) -> str:
    """JSON that is safe inside <script type="application/ld+json">: no '<', '>' or '&' can end the element."""
    text = json.dumps({"@context": "https://schema.org", "@graph": data}, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
