// The trace types the dashboard draws in the browser; tests/test_plotly_bundle.py keeps this list honest.
var Plotly = require('plotly.js/lib/core'); // core includes scatter

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/choroplethmap'),
    require('plotly.js/lib/scattermap'),
]);

module.exports = Plotly;
