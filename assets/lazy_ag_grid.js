/* dash-ag-grid's bundle (1.3 MB of script to parse and run) loads when a page first draws a grid, not ahead of
   every page's first chart. The index names it in a <link id="dash-ag-grid-bundle"> instead of a script
   (app.py, lean_scripts); until it has run, window.dash_ag_grid.AgGrid is this stand-in, which Dash's renderer
   resolves and renders like the grid (the same statics) and which draws the real grid, with the same props, as
   soon as the bundle is there. The stand-in stays the component Dash sees, so the grid is never mounted twice.
   Served from /assets: no CDN. */
(function () {
  if (window.dash_ag_grid) return;  // the bundle is already loaded (an index without lean_scripts)
  var React = window.React;
  var loaded = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = document.getElementById('dash-ag-grid-bundle').href;
        script.onload = function () {
          var bundle = window.dash_ag_grid;
          window.dash_ag_grid = stand;  // the bundle replaced the namespace: the stand-in stays, the rest is added
          Object.keys(bundle).forEach(function (name) { if (name !== 'AgGrid') stand[name] = bundle[name]; });
          AgGrid.propTypes = bundle.AgGrid.propTypes;
          AgGrid.bundled = bundle.AgGrid;
          loaded = bundle.AgGrid;
          resolve(loaded);
        };
        script.onerror = function () { loading = null; reject(new Error('dash-ag-grid did not load')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function AgGrid(props) {
    var state = React.useState(function () { return loaded; });
    var Grid = state[0], setGrid = state[1];
    var failure = React.useState(false);
    React.useEffect(function () {
      if (!Grid) {
        load().then(function (grid) { setGrid(function () { return grid; }); },
                    function () { failure[1](true); });
      }
    }, []);
    if (Grid) return React.createElement(Grid, props);
    return React.createElement('div', {className: props.className, style: props.style, role: 'status'},
      failure[0] ? '表格未能加载,请刷新页面 · The table did not load: reload the page' : null);  // its place, kept
  }
  // What Dash's renderer reads from the component class (dash-ag-grid 35: tests/browser/test_dashboard.py checks)
  AgGrid.dashPersistence = {persisted_props: ['selectedRows'], persistence_type: 'local'};
  AgGrid.dashRenderType = true;

  var stand = {AgGrid: AgGrid};
  window.dash_ag_grid = stand;
})();
