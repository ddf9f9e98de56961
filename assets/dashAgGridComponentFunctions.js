// Cell renderers for the overview grid (dash-ag-grid looks them up by name). Served from /assets: no CDN.
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

// The region and indicator; a click on the cell opens the region page (handled by a Dash callback).
dagcomponentfuncs.RegionCell = function (props) {
  return React.createElement("div", { className: "region-cell" }, [
    React.createElement("span", { key: "r", className: "region-link" }, props.data.region),
    React.createElement("span", { key: "i", className: "d-block small" }, props.data.indicator),
  ]);
};

// The trend: an inline SVG data URI built on the server.
dagcomponentfuncs.Sparkline = function (props) {
  return React.createElement("img", { src: props.value, width: 120, height: 34, alt: "trend" });
};
