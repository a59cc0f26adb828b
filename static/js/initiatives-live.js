// Live updates for initiatives: a small enhancement. Without JavaScript or without a websocket the
// pages are complete (reload to see news). With them:
// - on an initiative's page (the initiator's, and the broker's in /beheer/), a new message in the
//   thread appears at once, and a status change reloads the page unless someone is typing;
// - in the brokers' queue, new initiatives, messages and status changes are announced.
// The region gets data-live="on" once the server has joined its groups: nothing is missed after.
(function () {
  "use strict";
  var region = document.getElementById("initiative-live") ||
    document.getElementById("initiatives-queue-live");
  if (!region || !region.dataset.ws || !("WebSocket" in window)) return;
  var texts = region.dataset;
  var typing = false;
  document.addEventListener("input", function () { typing = true; });

  function announce(text, href) {
    var item = document.createElement("p");
    item.className = region.dataset.itemClass || "";
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = text;
      item.appendChild(link);
    } else {
      item.textContent = text;
    }
    region.insertBefore(item, region.firstChild);
    while (region.children.length > 8) region.removeChild(region.lastChild);
  }

  function paragraphs(parent, text) {
    text.split("\n").forEach(function (line, index) {
      if (index) parent.appendChild(document.createElement("br"));
      parent.appendChild(document.createTextNode(line));
    });
  }

  // ---- An initiative's page -------------------------------------------------------------------
  function authorLabel(message) {
    var side = texts.side; // "initiator" on the resident's page, "broker" in the workspace
    if (side === "initiator") {
      if (message.from_broker) return texts.textBroker + (message.author ? " (" + message.author + ")" : "");
      if (String(message.author_id) === texts.user) return texts.textYou;
      return message.author || texts.textInitiator;
    }
    if (message.from_broker) return message.author || texts.textBroker;
    return texts.textInitiator + (message.author ? " (" + message.author + ")" : "");
  }

  function addMessage(message) {
    var thread = document.getElementById("initiative-thread");
    if (!thread || thread.querySelector('[data-message-id="' + message.id + '"]')) return false;
    var empty = document.getElementById("initiative-thread-empty");
    if (empty) empty.parentNode.removeChild(empty);
    var broker = message.from_broker;
    var item = document.createElement("li");
    item.dataset.messageId = message.id;
    var head = document.createElement("strong");
    head.textContent = authorLabel(message);
    var when = document.createElement("span");
    var body = document.createElement("p");
    paragraphs(body, message.text || "");
    if (texts.side === "initiator") {
      item.className = "thread__message thread__message--" + (broker ? "broker" : "initiator");
      var top = document.createElement("p");
      top.className = "thread__head";
      when.className = "muted";
      top.appendChild(head);
      top.appendChild(document.createTextNode(" "));
      top.appendChild(when);
      item.appendChild(top);
      body.className = "utrecht-paragraph";
    } else {
      if (broker) item.className = "zw-thread--broker";
      when.className = "zw-muted";
      item.appendChild(head);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(when);
    }
    when.textContent = message.at || "";
    item.appendChild(body);
    thread.appendChild(item);
    return String(message.author_id) !== texts.user;
  }

  function onInitiativeEvent(data) {
    if (data.type === "initiative.message" && data.payload.message) {
      if (addMessage(data.payload.message)) {
        announce(texts.textNewMessage + " " + authorLabel(data.payload.message), "#berichten");
      }
    } else if (data.type === "initiative.status" || data.type === "initiative.changed") {
      if (!typing) { window.location.reload(); return; }
      announce(texts.textChanged + " " + (data.payload.label || ""));
    }
  }

  // ---- The brokers' queue -----------------------------------------------------------------
  function onQueueEvent(data) {
    var payload = data.payload;
    if (!payload.reference) return;
    var href = (texts.detailUrl || "").replace("__REF__", encodeURIComponent(payload.reference));
    var what = payload.reference + " – " + (payload.title || "");
    if (data.type === "initiative.new") {
      announce(texts.textNew + " " + what, href);
    } else if (data.type === "initiative.message" && payload.message && !payload.message.from_broker) {
      announce(texts.textNewMessage + " " + what, href);
    } else if (data.type === "initiative.status" || data.type === "initiative.changed") {
      announce(what + ": " + (payload.label || ""), href);
    }
  }

  var handle = region.id === "initiative-live" ? onInitiativeEvent : onQueueEvent;

  function connect(delay) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + region.dataset.ws);
    socket.addEventListener("open", function () { region.dataset.live = "on"; delay = 1000; });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data && data.payload) handle(data);
    });
    socket.addEventListener("close", function (event) {
      delete region.dataset.live;
      // 4401/4403: not allowed; do not knock again. Otherwise retry, slower each time.
      if (event.code === 4401 || event.code === 4403) return;
      var next = Math.min((delay || 1000) * 2, 60000);
      window.setTimeout(function () { connect(next); }, next);
    });
  }
  connect(1000);
})();
