// Small maps with markers (initiatives, wijk projects): an enhancement of a list that is
// complete without it. Without JavaScript, Leaflet or the tile server the map stays hidden.
// Markup: <div data-marker-map data-markers="ID" data-text-map="label" hidden><div data-map>…
// and a <script type="application/json" id="ID"> with [{lat, lon, title, url}].
// `zwOverviewMap(canvas, label)` is the map itself, Zuidwest as a whole, shared with the map of
// /meldingen/ (meldingen-map.js), which adds its own zoom buttons and points.
(function () {
  "use strict";
  if (!window.L) return;
  window.zwOverviewMap = function (canvas, label) {
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", label || "");
    return L.map(canvas, {
      zoomControl: false,
      attributionControl: false, // the credit is a line of text under the map
      // No drawing area beyond the map's edges, so nothing overlaps the text around it.
      renderer: L.svg({ padding: 0 }),
      minZoom: 11,
      maxZoom: 18
    }).setView([52.047, 4.268], 13);
  };
  document.querySelectorAll("[data-marker-map]").forEach(function (section) {
    var data = document.getElementById(section.dataset.markers || "");
    if (!data) return;
    var markers;
    try { markers = JSON.parse(data.textContent) || []; } catch (e) { return; }
    if (!markers.length) return;
    var canvas = section.querySelector("[data-map]");
    section.hidden = false;
    var map = window.zwOverviewMap(canvas, section.dataset.textMap);
    window.zwTiles(map, { failed: function () { section.hidden = true; } });
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
  });
})();
