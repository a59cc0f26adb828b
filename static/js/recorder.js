// A spoken description instead of typing: a small enhancement of the audio file input
// (common.audio.RecordingField). Without JavaScript, or in a browser without a microphone API,
// the resident chooses a recording their phone made. With them, buttons appear above that
// input: start, stop, listen back (an <audio> player) and remove, with a timer and the limit.
// The recording is turned into a WAV file (16 kHz, mono) before it is put into the file input,
// so the server can check its length exactly; the form is then sent as usual. All texts come
// from the input's data attributes, translated by the server.
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[type=file][data-recorder]");
  if (!inputs.length) return;
  var canRecord = !!(window.MediaRecorder && navigator.mediaDevices &&
    navigator.mediaDevices.getUserMedia && window.DataTransfer);
  var RATE = 16000;

  function clock(seconds) {
    var whole = Math.floor(seconds);
    var rest = whole % 60;
    return Math.floor(whole / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function button(text, kind) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "utrecht-button utrecht-button--" + kind;
    element.textContent = text;
    return element;
  }

  // 16-bit PCM WAV of the first (mixed-down) channel of an AudioBuffer.
  function wavOf(buffer) {
    var samples = buffer.getChannelData(0);
    var view = new DataView(new ArrayBuffer(44 + samples.length * 2));
    function text(offset, value) {
      for (var i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
    }
    text(0, "RIFF");
    view.setUint32(4, 36 + samples.length * 2, true);
    text(8, "WAVE");
    text(12, "fmt ");
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true); // PCM
    view.setUint16(22, 1, true); // mono
    view.setUint32(24, buffer.sampleRate, true);
    view.setUint32(28, buffer.sampleRate * 2, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    text(36, "data");
    view.setUint32(40, samples.length * 2, true);
    for (var i = 0; i < samples.length; i++) {
      var s = Math.max(-1, Math.min(1, samples[i]));
      view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
    }
    return new Blob([view], { type: "audio/wav" });
  }

  // Decode what MediaRecorder made (WebM, Ogg or MP4, by browser) and resample it to 16 kHz mono.
  function toWav(blob) {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context || !window.OfflineAudioContext) return Promise.reject(new Error("no audio"));
    var context = new Context();
    return blob.arrayBuffer().then(function (data) {
      return context.decodeAudioData(data);
    }).then(function (decoded) {
      context.close();
      var length = Math.max(1, Math.ceil(decoded.duration * RATE));
      var offline = new window.OfflineAudioContext(1, length, RATE);
      var source = offline.createBufferSource();
      source.buffer = decoded;
      source.connect(offline.destination);
      source.start();
      return offline.startRendering();
    }).then(wavOf);
  }

  function enhance(input) {
    var t = input.dataset;
    var max = parseInt(t.maxSeconds, 10) || 120;
    var box = document.createElement("div");
    box.className = "recorder";
    var controls = document.createElement("div");
    controls.className = "utrecht-button-group recorder__controls";
    var start = button(t.textRecord, "primary-action");
    var stop = button(t.textStop, "primary-action");
    var remove = button(t.textRemove, "secondary-action");
    stop.hidden = true;
    remove.hidden = true;
    controls.appendChild(start);
    controls.appendChild(stop);
    controls.appendChild(remove);
    var timer = document.createElement("p");
    timer.className = "recorder__timer";
    var elapsed = document.createElement("span");
    elapsed.setAttribute("role", "timer");
    elapsed.textContent = "0:00";
    timer.appendChild(elapsed);
    timer.appendChild(document.createTextNode(" / " + t.limit));
    var status = document.createElement("p");
    status.className = "recorder__status";
    status.setAttribute("role", "status");
    var player = document.createElement("audio");
    player.controls = true;
    player.hidden = true;
    player.setAttribute("aria-label", t.textPlayer);
    box.appendChild(controls);
    box.appendChild(timer);
    box.appendChild(player);
    box.appendChild(status);
    if (!canRecord) box.hidden = true; // choosing a file still works, and is listened back
    input.parentNode.insertBefore(box, input);

    var recorder = null;
    var stream = null;
    var chunks = [];
    var began = 0;
    var ticking = null;
    var url = null;

    function listen(blob) {
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(blob);
      player.src = url;
      player.hidden = false;
      remove.hidden = false;
      box.hidden = false;
    }

    function attach(blob, name) {
      var transfer = new DataTransfer();
      transfer.items.add(new File([blob], name, { type: blob.type }));
      input.files = transfer.files;
      listen(blob);
      status.textContent = t.textReady;
    }

    function finish() {
      clearInterval(ticking);
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      stop.hidden = true;
      start.hidden = false;
      var type = recorder.mimeType || "audio/webm";
      var raw = new Blob(chunks, { type: type });
      toWav(raw).then(function (wav) {
        attach(wav, "opname.wav");
      }, function () {
        // No decoder here: the recording as the browser made it; the server checks it.
        var extension = type.indexOf("mp4") >= 0 ? "m4a" : type.indexOf("ogg") >= 0 ? "ogg" : "webm";
        attach(raw, "opname." + extension);
      }).then(function () { start.focus(); });
    }

    start.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (media) {
        stream = media;
        chunks = [];
        recorder = new MediaRecorder(media);
        recorder.addEventListener("dataavailable", function (event) {
          if (event.data && event.data.size) chunks.push(event.data);
        });
        recorder.addEventListener("stop", finish);
        recorder.start(1000);
        began = Date.now();
        elapsed.textContent = "0:00";
        ticking = setInterval(function () {
          var seconds = (Date.now() - began) / 1000;
          elapsed.textContent = clock(Math.min(seconds, max));
          if (seconds >= max && recorder.state === "recording") {
            status.textContent = t.textLimit;
            recorder.stop();
          }
        }, 250);
        start.hidden = true;
        stop.hidden = false;
        stop.focus();
        status.textContent = t.textRecording;
      }, function () {
        status.textContent = t.textDenied;
      });
    });

    stop.addEventListener("click", function () {
      if (recorder && recorder.state === "recording") recorder.stop();
    });

    remove.addEventListener("click", function () {
      input.value = "";
      if (url) URL.revokeObjectURL(url);
      url = null;
      player.removeAttribute("src");
      player.hidden = true;
      remove.hidden = true;
      elapsed.textContent = "0:00";
      if (!canRecord) box.hidden = true;
      status.textContent = t.textRemoved;
      (canRecord ? start : input).focus();
    });

    // A file chosen by hand can be listened back before it is sent, too.
    input.addEventListener("change", function () {
      if (input.files && input.files.length) {
        listen(input.files[0]);
        status.textContent = t.textReady;
      }
    });
  }

  Array.prototype.forEach.call(inputs, enhance);
})();
