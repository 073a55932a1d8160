"""Each link to one of our own pages carries its full address for the printout, wherever `href` is among its
attributes (Material's instant navigation used to hide a miss: it made every address absolute in the browser)."""

from __future__ import annotations

from scripts.site.print_links import with_print_addresses

PAGE = "https://clinic.example/guide/"


def test_a_relative_link_gets_its_full_address_whatever_attribute_comes_first() -> None:
    content = ('<a href="../aftercare/">aftercare</a> <a class="next-step" href="is-it-for-me/">next</a> '
               '<a class="next-step" href="tel:+19495550100">call</a> <a href="#top">top</a>')
    assert with_print_addresses(content, PAGE) == (
        '<a href="../aftercare/" data-print-address="https://clinic.example/aftercare/">aftercare</a> '
        '<a class="next-step" href="is-it-for-me/" data-print-address="https://clinic.example/guide/is-it-for-me/">'
        'next</a> <a class="next-step" href="tel:+19495550100">call</a> <a href="#top">top</a>')
