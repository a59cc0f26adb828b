// Step 2 of reporting: pick the place on a map or use the phone's location. The postcode
// fields always work; the map appears only when Leaflet loaded, and hides again when the
// map tiles cannot be reached.
(function () {
  "use strict";
  var picker = document.querySelector("[data-map-picker]");
  var form = document.getElementById("location-form");
  if (!picker || !form) return;
  var lat = form.querySelector("input[name=lat]");
  var lon = form.querySelector("input[name=lon]");
  var chosen = picker.querySelector("[data-chosen]");
  // The texts come from the JavaScript catalogue (/jsi18n/) in the page's language.
  var gettext = window.gettext || function (text) { return text; };

  function choose(la, lo) {
    lat.value = la.toFixed(6);
    lon.value = lo.toFixed(6);
    chosen.textContent = gettext("Plek gekozen. Druk op Verder.");
  }

  if ("geolocation" in navigator) {
    picker.hidden = false;
    picker.querySelector("[data-use-location]").addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        choose(position.coords.latitude, position.coords.longitude);
      }, function () {
        chosen.textContent = gettext("Uw locatie is niet beschikbaar. Vul de postcode in.");
      });
    });
  }
  if (!window.L) return;
  var mapElement = picker.querySelector("[data-map]");
  picker.hidden = false;
  var map = window.L.map(mapElement).setView([52.048, 4.275], 14);
  window.zwTiles(map, {
    attribution: "© OpenStreetMap",
    failed: function () { mapElement.hidden = true; }
  });
  var marker = null;
  map.on("click", function (event) {
    if (marker) { marker.setLatLng(event.latlng); } else { marker = window.L.marker(event.latlng).addTo(map); }
    choose(event.latlng.lat, event.latlng.lng);
  });
})();
