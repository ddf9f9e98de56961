// maplibre-gl, the source of its web worker and its stylesheet: what plotly.js's map traces need from outside
// plotly.js (build.mjs leaves them out of plotly-dashboard.min.js). entry.js loads this when a figure first draws a map.
require('maplibre-gl/dist/maplibre-gl.css');

window.PlotlyDashboardMaps = {
    maplibregl: require('maplibre-gl/dist/maplibre-gl.mjs'),
    workerSource: require('./node_modules/plotly.js/build/maplibre_worker.js'),
};
