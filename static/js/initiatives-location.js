// Step 2 of a new initiative: optionally point at the place on a map. The wijk and the "waar
// precies" field always work without it; the map appears only when Leaflet loaded, and hides
// again when the map tiles cannot be reached.
(function () {
  "use strict";
  var picker = document.querySelector("[data-map-picker]");
  if (!picker || !window.L) return;
  var form = picker.closest("form");
  var lat = form.querySelector("input[name=lat]");
  var lon = form.querySelector("input[name=lon]");
  var chosen = picker.querySelector("[data-chosen]");
  var mapElement = picker.querySelector("[data-map]");
  var textChosen = picker.getAttribute("data-text-chosen") || "";
  picker.hidden = false;
  var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [52.048, 4.275];
  var map = window.L.map(mapElement).setView(start, 14);
  window.zwTiles(map, {
    attribution: "© OpenStreetMap",
    failed: function () { picker.hidden = true; }
  });
  var marker = null;
  function place(latlng) {
    if (marker) { marker.setLatLng(latlng); } else { marker = window.L.marker(latlng).addTo(map); }
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    chosen.textContent = textChosen;
  }
  if (lat.value && lon.value) { place(window.L.latLng(start[0], start[1])); }
  map.on("click", function (event) { place(event.latlng); });
  picker.querySelector("[data-clear]").addEventListener("click", function () {
    if (marker) { map.removeLayer(marker); marker = null; }
    lat.value = "";
    lon.value = "";
    chosen.textContent = "";
  });
})();
