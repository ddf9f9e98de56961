// The trace types the dashboard draws in the browser; tests/test_plotly_bundle.py keeps this list honest.
var Plotly = require('plotly.js/lib/core'); // core includes scatter

Plotly.register([require('plotly.js/lib/bar')]);

// The map traces bring maplibre-gl, about a third of what the browser runs when this script loads: they are
// registered when a figure first draws one, so a page's first chart does not wait for them.
var MAP_TRACES = ['choroplethmap', 'scattermap'];
var mapsRegistered = false;

function registerMaps() {
    mapsRegistered = true;
    Plotly.register([
        require('plotly.js/lib/choroplethmap'),
        require('plotly.js/lib/scattermap'),
    ]);
}

function drawsMap(traces) {
    if (traces && !Array.isArray(traces) && Array.isArray(traces.data)) traces = traces.data; // a figure or a chart
    return [].concat(traces || []).some(function (trace) {
        return trace && MAP_TRACES.indexOf(trace.type) !== -1;
    });
}

// every call that can bring a trace type: (gd, data or figure, …) or, for validate and toImage, (data or figure, …)
[['newPlot', 1], ['react', 1], ['addTraces', 1], ['validate', 0], ['toImage', 0]].forEach(function (call) {
    var name = call[0], at = call[1], original = Plotly[name];
    Plotly[name] = function () {
        var traces = arguments[at];
        if (!mapsRegistered && drawsMap(traces)) registerMaps();
        return original.apply(this, arguments);
    };
});

module.exports = Plotly;
