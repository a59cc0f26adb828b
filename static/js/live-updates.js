// Live updates on "Mijn Zuidwest": a small enhancement. Without JavaScript (or without a
// websocket) the page is complete; with it, new messages appear without reloading.
(function () {
  "use strict";
  var region = document.getElementById("live-updates");
  if (!region || !("WebSocket" in window)) return;
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var socket = new WebSocket(scheme + window.location.host + region.dataset.ws);
  socket.addEventListener("open", function () { region.dataset.live = "on"; });
  socket.addEventListener("close", function () { delete region.dataset.live; });
  socket.addEventListener("message", function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data.type !== "notification") return;
    var note = document.createElement("p");
    note.className = "utrecht-paragraph live-updates__item";
    note.textContent = region.dataset.newMessage || (document.documentElement.lang === "en"
      ? "You have a new message. Reload the page to read it."
      : "U heeft een nieuw bericht. Laad de pagina opnieuw om het te lezen.");
    region.appendChild(note);
  });
})();
