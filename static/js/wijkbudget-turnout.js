// Live turnout on a round's page while voting is open. Without a websocket the number is the one
// from when the page loaded. The connection is live.js's.
(function () {
  "use strict";
  if (!window.Live) return;
  window.Live.on("turnout", function (payload, region) {
    var number = region.querySelector("[data-turnout]");
    if (number) number.textContent = String(payload.turnout);
  });
})();
