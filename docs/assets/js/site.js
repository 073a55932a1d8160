/* Our only script file. External, so the Content-Security-Policy needs no hash for it. It runs once the page is
 * read in: Material's own script comes later, when first needed (overrides/partials/material-on-demand.html). Were
 * Material's script loaded before this one (instant navigation would need it with every page), this would run on
 * each emission of its document$ instead, once for each page swapped in. */
(function () {
  "use strict";

  /* Today's date (YYYY-MM-DD) at the clinic, so a promotion ends at the clinic's midnight wherever the visitor is. */
  function clinicToday(timeZone) {
    var options = {year: "numeric", month: "2-digit", day: "2-digit"};
    var parts = {};
    try {
      options.timeZone = timeZone;
      new Intl.DateTimeFormat("en-US", options).formatToParts(new Date())
        .forEach(function (part) { parts[part.type] = part.value; });
    } catch (error) {  /* an unknown time zone: the visitor's own date is the next best guess */
      var now = new Date();
      parts = {year: String(now.getFullYear()), month: String(now.getMonth() + 1).padStart(2, "0"),
               day: String(now.getDate()).padStart(2, "0")};
    }
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  /* A static page outlives its build: hide a promotion once its end date has passed. */
  function hideEndedPromotions() {
    document.querySelectorAll("[data-promotion-end]").forEach(function (promotion) {
      if (promotion.getAttribute("data-promotion-end") < clinicToday(promotion.getAttribute("data-promotion-timezone"))) {
        promotion.hidden = true;
        var banner = promotion.closest("[data-md-component=announce]");
        if (banner && !banner.querySelector("[data-promotion-end]:not([hidden])")) banner.hidden = true;
      }
    });
  }

  /* The page's words for what this script adds, in the page's language (extra.ui, written by main.html). */
  function word(name, fallback) {
    var words = document.querySelector(".site-words");
    return (words && words.getAttribute("data-" + name)) || fallback;
  }

  function copyText(text, done) {
    var ask = function () { window.prompt(word("copy-prompt", "Copy this link:"), text); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, ask);
    } else {
      ask();
    }
  }

  /* The staff link sheet: a copy button on every row. */
  function wireCopyUrlButtons() {
    document.querySelectorAll("[data-copy-url]").forEach(function (button) {
      if (button.dataset.wired) return;
      button.dataset.wired = "1";
      button.addEventListener("click", function () {
        copyText(button.getAttribute("data-copy-url"), function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 2000);
        });
      });
    });
  }

  /* An icon button at the end of every section heading, for staff on touch screens and keyboards (site.css
   * shows it). The heading is named by its own words, so the button is not read as part of its title. */
  function addCopyLinkButtons() {
    var label = word("copy-link", "Copy link to this section");
    document.querySelectorAll(".md-content h2[id], .md-content h3[id]").forEach(function (heading) {
      if (heading.querySelector(".copy-link") || heading.closest(".cta-block, .page-sources")) return;
      var words = heading.cloneNode(true);
      words.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
      heading.setAttribute("aria-label", words.textContent.trim());
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.setAttribute("aria-label", label);
      button.title = label;
      button.addEventListener("click", function () {
        copyText(new URL("#" + heading.id, window.location.href).href, function () {
          button.classList.add("copy-link--done");
          button.setAttribute("aria-label", word("link-copied", "Link copied"));
          setTimeout(function () {
            button.classList.remove("copy-link--done");
            button.setAttribute("aria-label", label);
          }, 2000);
        });
      });
      /* Before the hover-only ¶ permalink: on a heading of two lines it sits on the first line, like the button. */
      heading.insertBefore(button, heading.querySelector(".headerlink"));
    });
  }

  /* A take-home sheet: its "Print this sheet" button (site.css hides it without JavaScript). */
  function wirePrintButtons() {
    document.querySelectorAll("[data-print-sheet]").forEach(function (button) {
      if (button.dataset.wired) return;
      button.dataset.wired = "1";
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function onPage() {
    hideEndedPromotions();
    addCopyLinkButtons();
    wireCopyUrlButtons();
    wirePrintButtons();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(onPage);
  } else {
    /* Once: the event is sent again when Material's script starts. */
    document.addEventListener("DOMContentLoaded", onPage, {once: true});
  }
})();
