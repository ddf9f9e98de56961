// Functions dash-ag-grid options name ({"function": "..."}). Served from /assets: no CDN.
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// The parent of a grid's popups (a select editor's list): a layer as large as the window, fixed over it
// (assets/documents.css .ag-popup-layer), so AG Grid opens a list above its cell when there is no room below and
// keeps it inside the window. With the grid as parent (the default) a list opened on a row near the window's bottom
// went below it, out of reach until scrolled (dogfood F9); with the page's body it is kept within the whole page.
dagfuncs.windowPopupLayer = function () {
  var layer = document.getElementById("ag-popup-layer");
  if (!layer) {
    layer = document.createElement("div");
    layer.id = "ag-popup-layer";
    layer.className = "ag-popup-layer";
    document.body.appendChild(layer);
  }
  return layer;
};
