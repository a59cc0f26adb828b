// The one live-update client of the site (every page with live updates uses it). Without
// JavaScript or without a websocket every page is complete: reload to see news. With them:
//
//   <div id="…" data-live-socket="/ws/…/">      an element declares its socket path (live.js
//                                               adds ?lang= from <html lang>: the server sends
//                                               the words of each event in the page's language);
//   Live.on("melding.status", function (payload, element, message) { … });
//                                               a page module handles the event types it knows.
//
// - The element gets data-live="on" while connected. The server accepts only after joining the
//   groups of the page, so nothing is missed from then on.
// - After a drop (the network, a server restart, the server closing) it reconnects with capped
//   exponential backoff and jitter. The resident is told politely, in a status region before the
//   element, that the connection is gone and, later, that it is back.
// - A refusal is permanent: a consumer refuses at the handshake (the ASGI server answers 403, so
//   the browser only sees a handshake that failed, without a close code), or closes with 4401,
//   4403, 4404 (or 4003, 4004). A socket that never opened gives up after three tries: the page
//   itself just loaded from the same server, so the server is there and said no. Once a socket
//   has opened, a failed handshake means the server is away: it keeps trying.
(function () {
  "use strict";
  if (window.Live) return;

  var REFUSED = [4003, 4004, 4401, 4403, 4404];
  var FIRST_DELAY = 1000;
  var MAX_DELAY = 30000;
  var FIRST_TRIES = 3;
  // The texts come from the JavaScript catalogue (/jsi18n/, loaded before every script) in the
  // page's language; without it they stay Dutch.
  function TEXTS(key) {
    var gettext = window.gettext || function (text) { return text; };
    if (key === "lost") return gettext("De verbinding voor nieuws op deze pagina is weg. We proberen het opnieuw. De pagina werkt gewoon; laad haar opnieuw om het laatste nieuws te zien.");
    return gettext("De verbinding is terug. Nieuws verschijnt weer vanzelf.");
  }

  var handlers = {};
  var connections = [];
  var typing = false;
  var leaving = false;
  document.addEventListener("input", function () { typing = true; });
  // Leaving the page closes its sockets: that is no drop to tell anyone about.
  window.addEventListener("pagehide", function () { leaving = true; });
  window.addEventListener("pageshow", function (event) {
    leaving = false;
    if (event.persisted) connections.forEach(function (c) { if (!c.socket) open(c); });
  });

  function text(connection, key) {
    var own = connection.element.getAttribute("data-text-live-" + key);
    if (own) return own;
    return TEXTS(key);
  }

  function say(connection, key) {
    window.clearTimeout(connection.quiet);
    connection.status.textContent = key ? text(connection, key) : "";
    if (key) connection.status.setAttribute("data-live-status", key);
    else connection.status.removeAttribute("data-live-status");
    // "Back" is news for a moment; then the region is quiet again.
    if (key === "back") connection.quiet = window.setTimeout(function () { say(connection, ""); }, 10000);
  }

  function dispatch(connection, message) {
    if (!message || typeof message.type !== "string") return;
    (handlers[message.type] || []).forEach(function (handler) {
      try {
        handler(message.payload || {}, connection.element, message);
      } catch (error) {
        // One broken handler must not silence the others; the error still shows in the console.
        window.setTimeout(function () { throw error; });
      }
    });
  }

  function retry(connection) {
    var ceiling = Math.min(FIRST_DELAY * Math.pow(2, connection.failures), MAX_DELAY);
    connection.failures += 1;
    // "Equal jitter": between half the ceiling and the ceiling, so a restarted server is not
    // met by every page at the same moment.
    connection.timer = window.setTimeout(function () { open(connection); }, ceiling / 2 + Math.random() * ceiling / 2);
  }

  // The page's language goes with the socket: the server writes the news in it (a status, a
  // day), whoever caused the news and in whatever language they work.
  function address(path) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var lang = document.documentElement.getAttribute("lang");
    if (lang) path += (path.indexOf("?") === -1 ? "?" : "&") + "lang=" + encodeURIComponent(lang);
    return scheme + window.location.host + path;
  }

  function open(connection) {
    var socket = new WebSocket(address(connection.path));
    var opened = false;
    connection.socket = socket;
    socket.addEventListener("open", function () {
      opened = true;
      connection.failures = 0;
      connection.element.setAttribute("data-live", "on");
      if (connection.everOpened) say(connection, connection.lost ? "back" : "");
      connection.everOpened = true;
      connection.lost = false;
    });
    socket.addEventListener("message", function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      dispatch(connection, message);
    });
    socket.addEventListener("close", function (event) {
      connection.socket = null;
      connection.element.removeAttribute("data-live");
      if (leaving) return;
      var refused = REFUSED.indexOf(event.code) !== -1 ||
        (!opened && !connection.everOpened && connection.failures + 1 >= FIRST_TRIES);
      if (refused) {
        connection.element.setAttribute("data-live", "refused");
        if (connection.lost) say(connection, "");
        return;
      }
      if (connection.everOpened && !connection.lost) {
        connection.lost = true;
        say(connection, "lost");
      }
      retry(connection);
    });
  }

  function connect(element) {
    var path = element.getAttribute("data-live-socket");
    if (!path) return;
    // A status region that exists before anything is said in it, so screen readers hear it.
    var status = document.createElement("p");
    status.className = "live-status";
    status.setAttribute("role", "status");
    element.parentNode.insertBefore(status, element);
    var connection = { element: element, path: path, status: status, failures: 0 };
    connections.push(connection);
    open(connection);
  }

  window.Live = {
    // Handle one event type: fn(payload, element, message) for every message of that type.
    on: function (type, fn) { (handlers[type] = handlers[type] || []).push(fn); },
    // Someone is typing on this page: a reload would throw their words away.
    typing: function () { return typing; },
    // Reload to show the change, unless someone is typing: then tell them with `otherwise()`.
    reloadUnlessTyping: function (otherwise) {
      if (!typing) { window.location.reload(); return; }
      otherwise();
    },
    // A short notice at the top of a region, newest first, at most `keep` (8) of them:
    // {text, href, after, className}: `text` is the link text when there is an `href`.
    notice: function (region, note) {
      var item = document.createElement("p");
      item.className = note.className || "";
      if (note.href) {
        var link = document.createElement("a");
        link.href = note.href;
        link.textContent = note.text;
        item.appendChild(link);
      } else {
        item.textContent = note.text;
      }
      if (note.after) item.appendChild(document.createTextNode(note.after));
      region.insertBefore(item, region.firstChild);
      while (region.children.length > (note.keep || 8)) region.removeChild(region.lastChild);
      return item;
    }
  };

  function start() {
    if (!("WebSocket" in window)) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-live-socket]"), connect);
  }
  // Page modules are deferred scripts after this one: they have registered their handlers by
  // the time DOMContentLoaded comes.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
