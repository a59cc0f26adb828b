// A report's status page: a change by the handler shows up at once. The page reloads unless the
// resident is typing; then a note says there is news. The connection is live.js's.
(function () {
  "use strict";
  if (!window.Live) return;
  // The texts come from the JavaScript catalogue (/jsi18n/) in the page's language.
  var gettext = window.gettext || function (text) { return text; };
  window.Live.on("melding.status", function (payload, region) {
    window.Live.reloadUnlessTyping(function () {
      window.Live.notice(region, {
        className: "utrecht-paragraph",
        text: gettext("Er is nieuws over uw melding:") + " " + payload.label
      });
    });
  });
})();
