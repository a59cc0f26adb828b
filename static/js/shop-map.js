// The map of a wijk page and a project page: an enhancement of the list of projects. Without
// JavaScript, Leaflet or the tile server the list is complete and the map stays hidden.
(function () {
  "use strict";
  var section = document.querySelector("[data-wijk-map]");
  var data = document.getElementById("wijk-project-markers");
  if (!section || !data || !window.L) return;
  var markers = JSON.parse(data.textContent);
  if (!markers.length) return;
  var canvas = section.querySelector("[data-map]");
  section.hidden = false;
  canvas.setAttribute("role", "region");
  canvas.setAttribute("aria-label", section.dataset.textMap || "");
  var map = L.map(canvas, {
    zoomControl: false,
    attributionControl: false, // the credit is a line of text under the map
    renderer: L.svg({ padding: 0 }),
    minZoom: 11,
    maxZoom: 18
  }).setView([52.047, 4.268], 13);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 19 });
  var failed = 0;
  tiles.on("tileerror", function () {
    failed += 1;
    if (failed > 3) { section.hidden = true; }
  });
  tiles.addTo(map);
  var bounds = [];
  markers.forEach(function (item) {
    var marker = L.circleMarker([item.lat, item.lon], { radius: 9, color: "#14532d", weight: 3, fillOpacity: 0.6 });
    if (item.url) {
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      marker.bindPopup(link);
    }
    marker.addTo(map);
    bounds.push([item.lat, item.lon]);
  });
  if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 }); }
  else { map.setView(bounds[0], 15); }
})();
