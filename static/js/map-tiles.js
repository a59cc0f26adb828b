// The background of every map (report and initiative location pickers, the public and staff
// report maps, the marker maps): the site's tile server and one rule for when it cannot be
// reached. A map is an enhancement of a page that is complete without it, so after `after`
// failed tiles (default 4) `failed(tiles)` runs once: the page hides the map or says why the
// background is missing.
//   zwTiles(map, { failed: function (tiles) {…}, after: 1, url: "…", attribution: "…" })
(function () {
  "use strict";
  window.zwTiles = function (map, options) {
    var tiles = window.L.tileLayer(options.url || document.body.dataset.mapTiles, {
      maxZoom: 19,
      attribution: options.attribution || ""
    });
    var failures = 0;
    var told = false;
    tiles.on("tileerror", function () {
      failures += 1;
      if (told || failures < (options.after || 4)) return;
      told = true;
      options.failed(tiles);
    });
    return tiles.addTo(map);
  };
})();
