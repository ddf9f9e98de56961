// The trace types the dashboard draws in the browser; tests/test_plotly_bundle.py keeps this list honest.
var Plotly = require('plotly.js/lib/core'); // core includes scatter

Plotly.register([require('plotly.js/lib/bar')]);

// The map traces need maplibre-gl (more than half of all this: its library, its worker, its stylesheet), which is in
// a file of its own, plotly-dashboard-maps.min.js (build.mjs): loaded, and the map traces registered, when a figure
// first draws one, so a page's first chart waits for none of it. Plotly.validate stays synchronous: it knows the map
// traces once a map has been drawn.
var MAP_TRACES = ['choroplethmap', 'scattermap'];
var MAPS_URL = document.currentScript.src.replace(/[^/]*$/, 'plotly-dashboard-maps.min.js');
var mapsRegistered = false;
var maps = null;

function withMaps() {
    if (!maps) {
        maps = new Promise(function (resolve, reject) {
            var script = document.createElement('script');
            script.src = MAPS_URL;
            script.onload = function () {
                Plotly.register([
                    require('plotly.js/lib/choroplethmap'),
                    require('plotly.js/lib/scattermap'),
                ]);
                mapsRegistered = true;
                resolve();
            };
            script.onerror = function () {
                maps = null;
                reject(new Error('plotly.js map traces did not load: ' + MAPS_URL));
            };
            document.head.appendChild(script);
        });
    }
    return maps;
}

function drawsMap(traces) {
    if (traces && !Array.isArray(traces) && Array.isArray(traces.data)) traces = traces.data; // a figure or a chart
    return [].concat(traces || []).some(function (trace) {
        return trace && MAP_TRACES.indexOf(trace.type) !== -1;
    });
}

// every call that can bring a trace type and answers with a promise: (gd, data or figure, …), or toImage's (figure, …)
[['newPlot', 1], ['react', 1], ['addTraces', 1], ['toImage', 0]].forEach(function (call) {
    var name = call[0], at = call[1], original = Plotly[name];
    Plotly[name] = function () {
        var self = this, args = arguments;
        if (!mapsRegistered && drawsMap(args[at])) {
            return withMaps().then(function () { return original.apply(self, args); });
        }
        return original.apply(self, args);
    };
});

module.exports = Plotly;
