// A report's status page: a change by the handler shows up at once. The page reloads unless the
// resident is typing; then a note says there is news. The connection is live.js's.
(function () {
  "use strict";
  // The copy button of the reporter's own link: shown only where the browser can copy.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[data-copy-status]");
    if (!source || !navigator.clipboard || !window.isSecureContext) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        if (status) status.textContent = button.getAttribute("data-copied");
      });
    });
  });
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
