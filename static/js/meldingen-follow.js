// Live updates on a report's status page. Without JavaScript the page is complete; with it,
// a change by the handler shows up at once: the page reloads unless the resident is typing.
(function () {
  "use strict";
  var region = document.getElementById("live-updates");
  if (!region || !region.dataset.ws || !("WebSocket" in window)) return;
  var typing = false;
  document.addEventListener("input", function () { typing = true; });
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var socket = new WebSocket(scheme + window.location.host + region.dataset.ws);
  socket.addEventListener("open", function () { region.dataset.live = "on"; });
  socket.addEventListener("close", function () { delete region.dataset.live; });
  socket.addEventListener("message", function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data.type !== "melding.status") return;
    if (!typing) { window.location.reload(); return; }
    var note = document.createElement("p");
    note.className = "utrecht-paragraph";
    note.textContent = (document.documentElement.lang === "en"
      ? "There is news about your report: " : "Er is nieuws over uw melding: ") +
      data.payload.label;
    region.appendChild(note);
  });
})();
