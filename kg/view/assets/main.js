// kg explorer: wire the parts together and draw.
(function (KG) {
  "use strict";
  KG.status = function (text) {  // a short note in the header (server errors)
    var s = document.getElementById("stats");
    s.dataset.note = text;
    s.title = text;
  };
  if (KG.loadState) KG.loadState();
  KG.initFilters();
  KG.initExport();
  KG.start();
  if (KG.remote.check) KG.remote.check();
})(window.KG = window.KG || {});
