// Live turnout on a round's page while voting is open. Without a websocket the number is the one
// from when the page loaded. The connection is live.js's.
// Each ballot publishes the turnout after its commit, from whichever web worker took it, so two
// close ballots can arrive in the other order: the number only goes up (turnout never falls), or
// the page would keep showing the lower one after the last ballot.
(function () {
  "use strict";
  if (!window.Live) return;
  window.Live.on("turnout", function (payload, region) {
    var number = region.querySelector("[data-turnout]");
    if (!number) return;
    var shown = parseInt(number.textContent, 10);
    if (!(payload.turnout < shown)) number.textContent = String(payload.turnout);
  });
})();
