// "Lees voor": the page read aloud by the browser's own speech synthesis, in the page's language.
// The control is in every page's markup but hidden; it shows only when the browser has a voice
// for the language of the page (<html lang>), so nobody meets a button that cannot work. It reads
// the main content (headings, text, the labels and hints of a form step), not the header or the
// footer, sentence by sentence (long utterances are cut off by some browsers). A button, so the
// keyboard works; Escape stops it too. Nothing leaves the browser.
(function () {
  "use strict";
  var control = document.querySelector("[data-read-aloud]");
  var synth = window.speechSynthesis;
  if (!control || !synth || !window.SpeechSynthesisUtterance) return;
  var button = control.querySelector("button");
  var label = button.querySelector("[data-read-aloud-label]") || button;
  var main = document.getElementById("main") || document.body;
  // The content's language: a page not yet translated is Dutch under any prefix (main lang="nl").
  var lang = (main.getAttribute("lang") || document.documentElement.lang || "nl").toLowerCase();
  var reading = false;

  function voiceFor() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var code = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (code === lang || code.split("-")[0] === lang.split("-")[0]) return voices[i];
    }
    return null;
  }

  function textOf(root) {
    var parts = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (node.nodeType === 1) {
          if (node.hidden || node.getAttribute("aria-hidden") === "true" ||
              node.hasAttribute("data-read-aloud") || /^(SCRIPT|STYLE|TEMPLATE|svg|NOSCRIPT)$/i.test(node.tagName)) {
            return NodeFilter.FILTER_REJECT;
          }
          return NodeFilter.FILTER_SKIP;
        }
        return node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
    });
    while (walker.nextNode()) parts.push(walker.currentNode.textContent.trim());
    return parts.join(". ").replace(/\s+/g, " ").replace(/([.!?:])\.\s/g, "$1 ");
  }

  function sentences(text) {
    var out = [];
    (text.match(/[^.!?]+[.!?]*/g) || []).forEach(function (piece) {
      piece = piece.trim();
      while (piece.length > 200) {
        var cut = piece.lastIndexOf(" ", 200);
        if (cut < 50) cut = 200;
        out.push(piece.slice(0, cut));
        piece = piece.slice(cut).trim();
      }
      if (piece && /[\p{L}\p{N}]/u.test(piece)) out.push(piece);
    });
    return out;
  }

  function setReading(on) {
    reading = on;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    label.textContent = on ? control.getAttribute("data-text-stop") : control.getAttribute("data-text-start");
  }

  function stop() {
    synth.cancel();
    setReading(false);
  }

  function start() {
    var voice = voiceFor();
    var queue = sentences(textOf(main));
    if (!voice || !queue.length) return;
    synth.cancel();
    setReading(true);
    queue.forEach(function (sentence, index) {
      var utterance = new window.SpeechSynthesisUtterance(sentence);
      utterance.lang = voice.lang || lang;
      utterance.voice = voice;
      utterance.rate = 0.9;
      if (index === queue.length - 1) utterance.onend = function () { setReading(false); };
      utterance.onerror = function () { setReading(false); };
      synth.speak(utterance);
    });
  }

  function offer() {
    if (voiceFor()) control.hidden = false;
  }

  button.addEventListener("click", function () {
    if (reading) stop(); else start();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && reading) stop();
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
  offer();
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", offer);
  else synth.onvoiceschanged = offer;
})();
