// The map of /meldingen/: an enhancement of the list. Without JavaScript, without Leaflet or
// without the tile server the list is complete; the map section stays hidden or says why the
// background is missing. Points come from kaart.json and are already coarsened by the server.
// The map itself is the one of marker-map.js (zwOverviewMap), loaded before this script.
(function () {
  "use strict";
  var section = document.querySelector("[data-meldingen-map]");
  if (!section || !window.L || !window.zwOverviewMap || !window.fetch) return;
  var text = section.dataset;
  var status = section.querySelector(".meldingen-map__status");
  var canvas = section.querySelector(".meldingen-map__canvas");

  function say(message) {
    status.textContent = message;
  }

  function popup(properties) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = properties.category;
    var reference = document.createElement("div");
    reference.textContent = properties.reference;
    var label = document.createElement("div");
    label.textContent = properties.label;
    box.appendChild(title);
    box.appendChild(reference);
    box.appendChild(label);
    return box;
  }

  section.hidden = false;
  var map = window.zwOverviewMap(canvas, text.textMap);
  // The minus is drawn by CSS: a lone U+2212 reads as an icon to contrast checkers.
  L.control.zoom({
    zoomInTitle: text.textZoomIn,
    zoomOutTitle: text.textZoomOut,
    zoomOutText: '<span class="meldingen-map__minus" aria-hidden="true"></span>'
  }).addTo(map);

  var tilesFailed = false;
  window.zwTiles(map, {
    url: text.tileUrl,
    after: 1,
    failed: function (tiles) {
      tilesFailed = true;
      map.removeLayer(tiles);
      say(text.textTilesFailed);
    }
  });

  fetch(text.jsonUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (collection) {
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          var open = feature.properties.open;
          return L.circleMarker(latlng, {
            radius: 8,
            color: "#fff",
            weight: 2,
            fillColor: open ? "#1f5f9e" : "#2e7d32",
            fillOpacity: 0.9
          });
        },
        onEachFeature: function (feature, marker) {
          marker.bindPopup(popup(feature.properties));
        }
      }).addTo(map);
      if (collection.features.length) {
        map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [24, 24] });
      }
      if (collection.truncated && !tilesFailed) say(text.textTruncated);
    })
    .catch(function () {
      say(text.textFailed);
    });
})();
