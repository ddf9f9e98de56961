/* Phones (served by the app from /assets, no CDN). The menu and filter buttons (callbacks/folding.py) and, on
   narrow screens, charts reshaped to fit: legends below the plot, a map's colour bar as a small key inside it, margins that grow to fit
   their labels. Wider screens keep each figure exactly as the server built it. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  phone: {
    toggle: function (clicks, ...rest) {
      const open = rest[rest.length - 1];
      const ctx = window.dash_clientside.callback_context;
      const byButton = ctx.triggered.some(t => t.prop_id.endsWith('.n_clicks'));
      const next = byButton ? !open : false;
      return [next, String(next)];
    },
  },
});

(function () {
  const narrow = window.matchMedia('(max-width: 575.98px)');

  function fitToPhone(gd) {
    if (!narrow.matches || !window.Plotly || !gd.layout || !gd.data || !gd.data.length) return;
    if (gd.offsetParent === null || !gd._fullLayout) return;  // hidden (the preloaded empty chart) or not drawn
    const layout = {};
    const legend = gd.layout.legend || {};
    if (gd.layout.showlegend !== false && (legend.orientation !== 'h' || legend.yanchor !== 'top')) {
      Object.assign(layout, {'legend.orientation': 'h', 'legend.x': 0, 'legend.xanchor': 'left',
        'legend.y': -0.12, 'legend.yanchor': 'top'});
    }
    if (gd._fullLayout.xaxis && !(gd.layout.xaxis && gd.layout.xaxis.automargin)) {
      Object.assign(layout, {'xaxis.automargin': true, 'yaxis.automargin': true});
    }
    const bars = [];
    gd.data.forEach((trace, i) => {
      if (trace.colorbar && trace.showscale !== false && trace.colorbar.xanchor !== 'right') bars.push(i);
    });
    if (Object.keys(layout).length) Plotly.relayout(gd, layout);
    if (bars.length) {  // a map's colour bar: a small key inside the map's lower right corner
      Plotly.restyle(gd, {'colorbar.x': 0.99, 'colorbar.xanchor': 'right', 'colorbar.y': 0.01,
        'colorbar.yanchor': 'bottom', 'colorbar.len': 0.5, 'colorbar.thickness': 10,
        'colorbar.bgcolor': 'rgba(255,255,255,0.85)', 'colorbar.tickfont.size': 10,
        'colorbar.title.font.size': 11}, bars);
    }
  }

  function watch(gd) {
    if (gd.__phoneWatched || !gd.on) return;
    gd.__phoneWatched = true;
    // after plotly has finished this draw, never inside it
    gd.on('plotly_afterplot', () => setTimeout(() => fitToPhone(gd), 0));
    setTimeout(() => fitToPhone(gd), 0);
  }

  new MutationObserver(() => {
    document.querySelectorAll('.js-plotly-plot').forEach(watch);
  }).observe(document.documentElement, {childList: true, subtree: true});
})();

/* Overview grids on narrow screens: the status columns (latest year, plan period) come right after the pinned
   region column, before the year columns, so a phone's first screen shows each row's status, not empty years.
   Wider screens keep the server's order (years, then latest and period). */
(function () {
  const narrow = window.matchMedia('(max-width: 767.98px)');
  const SUMMARY = ['latest', 'period'];

  function summaryFirst(el) {
    if (!narrow.matches || el.__summaryFirst) return;
    const grids = window.dash_ag_grid;
    const holder = el.closest('[id]');
    if (!holder || !grids || !grids.getApiAsync) return;  // the bundle is not there yet: the next mutation retries
    el.__summaryFirst = true;
    grids.getApiAsync(holder.id).then(api => {
      const present = SUMMARY.filter(id => api.getColumn(id));
      if (present.length) api.moveColumns(present, 1);  // index 0 is the pinned region column
    }).catch(() => { el.__summaryFirst = false; });
  }

  new MutationObserver(() => {
    document.querySelectorAll('.overview-grid').forEach(summaryFirst);
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
