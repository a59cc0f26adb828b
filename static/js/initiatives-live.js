// Live updates for initiatives: a small enhancement. Without JavaScript or without a websocket the
// pages are complete (reload to see news). With them:
// - on an initiative's page (the initiator's, and the broker's in /beheer/), a new message in the
//   thread appears at once, and a status change reloads the page unless someone is typing;
// - in the brokers' queue, new initiatives, messages and status changes are announced.
// The connection is live.js's; these are the handlers of the two kinds of page.
(function () {
  "use strict";
  var region = document.getElementById("initiative-live") ||
    document.getElementById("initiatives-queue-live");
  if (!region || !window.Live) return;
  var texts = region.dataset;

  function announce(text, href) {
    window.Live.notice(region, { className: texts.itemClass || "", text: text, href: href });
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
      window.Live.reloadUnlessTyping(function () {
        announce(texts.textChanged + " " + (data.payload.label || ""));
      });
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
  ["initiative.new", "initiative.message", "initiative.status", "initiative.changed"].forEach(function (type) {
    window.Live.on(type, function (payload, element) {
      if (element === region) handle({ type: type, payload: payload });
    });
  });
})();
