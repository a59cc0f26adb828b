// The handlers' queue in /beheer/meldingen/: a small enhancement. Without JavaScript, without a
// websocket or without map tiles the page is complete (list, filters, coordinates); with them,
// new reports are announced live (through live.js) and the map view shows markers.
(function () {
  "use strict";

  var root = document.getElementById("meldingen-queue");
  if (!root) return;

  function detailUrl(reference) {
    return (root.dataset.detailUrl || "").replace("__REF__", encodeURIComponent(reference));
  }

  // ---- Live: "Nieuwe melding ZW-…" without a reload --------------------------------------
  var live = document.getElementById("meldingen-live");
  var table = document.getElementById("meldingen-table");
  var unfiltered = window.location.search.replace("?", "") === "";

  function notice(prefix, payload) {
    if (!live) return;
    var details = [payload.category, payload.wijk, payload.label].filter(Boolean).join(" · ");
    window.Live.notice(live, {
      className: "zw-live__item",
      href: detailUrl(payload.reference),
      text: prefix + " " + payload.reference,
      after: details ? " – " + details : "",
      keep: 50
    });
  }

  function cell(text) {
    var td = document.createElement("td");
    td.textContent = text || "–";
    return td;
  }

  function insertRow(payload) {
    // Only the plain, unfiltered first page: a new report may not match someone's filters.
    if (!table || !unfiltered || table.querySelector('tr[data-reference="' + payload.reference + '"]')) return;
    var body = table.tBodies[0];
    var row = document.createElement("tr");
    row.dataset.reference = payload.reference;
    var first = document.createElement("td");
    var link = document.createElement("a");
    link.href = detailUrl(payload.reference);
    link.textContent = payload.reference;
    first.appendChild(link);
    row.appendChild(first);
    row.appendChild(cell(payload.category));
    row.appendChild(cell(payload.wijk));
    var status = cell(payload.label);
    status.setAttribute("data-status", "");
    row.appendChild(status);
    row.appendChild(cell(""));
    row.appendChild(cell(""));
    row.appendChild(cell("0"));
    var empty = body.querySelector("td[colspan]");
    if (empty) body.removeChild(empty.parentNode);
    body.insertBefore(row, body.firstChild);
  }

  function updateRow(payload) {
    if (!table) return;
    var row = table.querySelector('tr[data-reference="' + payload.reference + '"]');
    var status = row && row.querySelector("[data-status]");
    if (status) status.textContent = payload.label + " (" + payload.status + ")";
  }

  // The connection is live.js's (on this root element); these are the queue's handlers.
  if (window.Live) {
    window.Live.on("melding.new", function (payload) {
      if (!payload.reference) return;
      notice(root.dataset.textNew || "Nieuwe melding", payload);
      insertRow(payload);
    });
    window.Live.on("melding.changed", function (payload) {
      if (payload.reference) updateRow(payload);
    });
  }

  // ---- Map view: markers over the same filtered list ---------------------------------------
  var mapElement = document.getElementById("meldingen-kaart");
  var dataElement = document.getElementById("meldingen-markers");
  if (!mapElement || !dataElement || !window.L) return;
  var markers;
  try { markers = JSON.parse(dataElement.textContent) || []; } catch (e) { return; }

  try {
    mapElement.hidden = false;
    var map = window.L.map(mapElement).setView([52.05, 4.27], 14);
    window.zwTiles(map, {
      url: mapElement.dataset.tiles,
      attribution: mapElement.dataset.attribution,
      after: 1,
      failed: function () {
        var note = document.createElement("p");
        note.className = "help-block help-warning";
        note.textContent = mapElement.dataset.textOffline || "";
        mapElement.parentNode.insertBefore(note, mapElement);
      }
    });
    var bounds = [];
    markers.forEach(function (m) {
      var marker = window.L.circleMarker([m.lat, m.lon], {
        radius: 7,
        color: m.overdue ? "#cd4444" : "#1d6fa5",
        fillOpacity: 0.7
      }).addTo(map);
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.reference;
      popup.appendChild(link);
      popup.appendChild(document.createElement("br"));
      popup.appendChild(document.createTextNode(m.category + " – " + m.label));
      marker.bindPopup(popup);
      bounds.push([m.lat, m.lon]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 17 });
  } catch (e) {
    // Never break the page: the list below the map has every report and its coordinates.
    mapElement.hidden = true;
  }
})();
