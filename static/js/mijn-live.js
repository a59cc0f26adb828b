// "Mijn Zuidwest": a new message for the resident is announced without reloading. The connection
// is live.js's.
(function () {
  "use strict";
  if (!window.Live) return;
  // The texts come from the JavaScript catalogue (/jsi18n/) in the page's language.
  var gettext = window.gettext || function (text) { return text; };
  window.Live.on("notification", function (payload, region) {
    window.Live.notice(region, {
      className: "utrecht-paragraph live-updates__item",
      keep: 20,
      text: region.getAttribute("data-text-new-message") ||
        gettext("U heeft een nieuw bericht. Laad de pagina opnieuw om het te lezen.")
    });
  });
})();
