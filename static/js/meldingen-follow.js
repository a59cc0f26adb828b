// A report's status page: a change by the handler shows up at once. The page reloads unless the
// resident is typing; then a note says there is news. The connection is live.js's.
(function () {
  "use strict";
  if (!window.Live) return;
  window.Live.on("melding.status", function (payload, region) {
    window.Live.reloadUnlessTyping(function () {
      window.Live.notice(region, {
        className: "utrecht-paragraph",
        text: (document.documentElement.lang === "en"
          ? "There is news about your report: " : "Er is nieuws over uw melding: ") + payload.label
      });
    });
  });
})();
