// Live turnout on a round's page while voting is open. Without a websocket the number is simply
// the one from when the page loaded.
(function () {
  "use strict";
  var region = document.getElementById("live-updates");
  if (!region || !region.dataset.ws || !("WebSocket" in window)) return;
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var socket = new WebSocket(scheme + window.location.host + region.dataset.ws);
  socket.addEventListener("open", function () { region.dataset.live = "on"; });
  socket.addEventListener("close", function () { delete region.dataset.live; });
  socket.addEventListener("message", function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data.type !== "turnout") return;
    var number = region.querySelector("[data-turnout]");
    if (number) number.textContent = String(data.payload.turnout);
  });
})();
