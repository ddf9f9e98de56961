// Cell renderers for the overview grid (dash-ag-grid looks them up by name). Served from /assets: no CDN.
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

// The region and indicator; a click on the cell opens the region page (handled by a Dash callback).
dagcomponentfuncs.RegionCell = function (props) {
  return React.createElement("div", { className: "region-cell" }, [
    React.createElement("span", { key: "r", className: "region-link" }, props.data.region),
    React.createElement("span", { key: "i", className: "d-block small" }, props.data.indicator),
  ]);
};

// The trend: plan (dashed) and actual (solid, dots) over the years either has, from the row's plain data
// {plan: [...], actual: [...]} (layouts/sparkline.py); a null is a year without a figure, drawn as a gap.
dagcomponentfuncs.Sparkline = function (props) {
  var trend = props.value;
  if (!trend) {
    return null;
  }
  var width = props.width || 120;
  var height = props.height || 34;
  var n = Math.max(trend.plan.length, trend.actual.length);
  var span = Math.max(n - 1, 1);
  var top = 0;
  trend.plan.concat(trend.actual).forEach(function (v) {
    if (v !== null && v > top) {
      top = v;
    }
  });
  top = top || 1;
  function x(i) {
    return (4 + (i / span) * (width - 8)).toFixed(1);
  }
  function y(v) {
    return (height - 4 - (v / top) * (height - 8)).toFixed(1);
  }
  function path(values) {
    var parts = [];
    var pen = "M";
    values.forEach(function (v, i) {
      if (v === null) {
        pen = "M";
        return;
      }
      parts.push(pen + x(i) + "," + y(v));
      pen = "L";
    });
    return parts.join(" ");
  }
  var color = props.actualColor || "#0072B2";
  var shapes = [
    React.createElement("path", {
      key: "plan",
      d: path(trend.plan),
      fill: "none",
      stroke: "#777777",
      strokeWidth: 1.5,
      strokeDasharray: "3 2",
    }),
    React.createElement("path", { key: "actual", d: path(trend.actual), fill: "none", stroke: color, strokeWidth: 2 }),
  ];
  trend.actual.forEach(function (v, i) {
    if (v !== null) {
      shapes.push(React.createElement("circle", { key: "dot" + i, cx: x(i), cy: y(v), r: 2.2, fill: color }));
    }
  });
  return React.createElement(
    "svg",
    {
      className: "sparkline",
      width: width,
      height: height,
      viewBox: "0 0 " + width + " " + height,
      role: "img",
      "aria-label": props.label || "trend",
    },
    shapes
  );
};

// The documents grid's indicator editor: free text with the catalogue's labels as suggestions (a <datalist>), so a
// reviewer picks a known indicator or types the name of one the catalogue lacks (the server makes it a new
// indicator and says so). AG Grid community has no typeable select. Enter commits, Escape cancels (the grid's own
// keys); cellEditorParams: {values: [labels], label: "the input's accessible name"}.
var indicatorEditorCount = 0;
dagcomponentfuncs.IndicatorEditor = function (props) {
  var input = React.useRef(null);
  var listId = React.useMemo(function () {
    indicatorEditorCount += 1;
    return "indicator-options-" + indicatorEditorCount;
  }, []);
  var typed = props.eventKey && props.eventKey.length === 1 ? props.eventKey : null; // editing began by typing
  React.useEffect(function () {
    var el = input.current;
    if (!el) {
      return;
    }
    el.focus();
    if (typed === null) {
      el.select();
    } else {
      props.onValueChange(typed);
    }
  }, []);
  var values = props.values || [];
  return React.createElement("div", { className: "doc-indicator-editor" }, [
    React.createElement("input", {
      key: "input",
      ref: input,
      type: "text",
      list: listId,
      value: props.value == null ? "" : props.value,
      onChange: function (event) {
        props.onValueChange(event.target.value);
      },
      className: "ag-input-field-input ag-text-field-input doc-indicator-input",
      "aria-label": props.label || "indicator",
      title: props.label || "",
      autoComplete: "off",
      spellCheck: false,
    }),
    React.createElement(
      "datalist",
      { key: "list", id: listId },
      values.map(function (label) {
        return React.createElement("option", { key: label, value: label });
      })
    ),
  ]);
};
