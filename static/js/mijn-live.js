// "Mijn Zuidwest": a new message for the resident is announced without reloading. The connection
// is live.js's.
(function () {
  "use strict";
  if (!window.Live) return;
  window.Live.on("notification", function (payload, region) {
    window.Live.notice(region, {
      className: "utrecht-paragraph live-updates__item",
      keep: 20,
      text: region.getAttribute("data-text-new-message") || (document.documentElement.lang === "en"
        ? "You have a new message. Reload the page to read it."
        : "U heeft een nieuw bericht. Laad de pagina opnieuw om het te lezen.")
    });
  });
})();
