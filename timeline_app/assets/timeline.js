// Clientside callbacks (see callbacks.py): the graph's size for the server's layout, and
// exports rendered in the browser with Plotly.toImage.
(function () {
  var GRAPH_BOX = "graph-box";
  var SIZE_STORE = "graph-size";
  var SIZE_COOKIE = "timeline-graph";  // app.py puts the default chart in the page at this size
  var listening = false;

  // The page opens with the default view's chart; a URL with a query shows it only once its
  // own view is drawn (style.css).
  if (window.location.search.length > 1) {
    document.documentElement.classList.add("has-query");
  }

  function graphSize() {
    var box = document.getElementById(GRAPH_BOX);
    if (!box) { return null; }
    var rect = box.getBoundingClientRect();
    return { w: Math.round(rect.width), h: Math.round(rect.height) };
  }

  function changed(a, b) {
    return !a || !b || Math.abs(a.w - b.w) > 3 || Math.abs(a.h - b.h) > 3;
  }

  function listen() {
    if (listening) { return; }
    listening = true;
    var timer = null;
    var last = graphSize();
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var size = graphSize();
        if (size && changed(size, last)) {
          last = size;
          window.dash_clientside.set_props(SIZE_STORE, { data: size });
        }
      }, 250);
    });
  }

  function dataUrlPayload(url) {
    return url.slice(url.indexOf(",") + 1);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    timeline: {
      // The layout of the mode the URL asks for (presentation or not) is applied first, so
      // the size measured is the one the next figure is drawn at.
      measure: function (search, previous) {
        var present = /[?&]present=(1|true|yes|on)(&|$)/.test(search || "");
        var root = document.getElementById("root");
        if (root) { root.classList.toggle("present", present); }
        listen();
        var size = graphSize();
        if (!size) { return window.dash_clientside.no_update; }
        if (!present) {
          document.cookie = SIZE_COOKIE + "=" + size.w + "x" + size.h
            + "; path=/; max-age=31536000; SameSite=Lax";
        }
        return changed(size, previous) ? size : window.dash_clientside.no_update;
      },
      export_started: function () {
        return "Preparing the image…";
      },
      render_image: function (job) {
        var no_update = window.dash_clientside.no_update;
        if (!job) { return [no_update, no_update]; }
        if (!window.Plotly || !window.Plotly.toImage) {
          return [no_update, "Export failed: the chart library has not loaded yet; try again."];
        }
        var figure = { data: job.figure.data, layout: job.figure.layout, config: { staticPlot: true } };
        var options = { format: job.format, width: job.width, height: job.height, scale: job.scale };
        return window.Plotly.toImage(figure, options).then(function (url) {
          var file = job.format === "svg"
            ? { content: decodeURIComponent(dataUrlPayload(url)), filename: job.filename, type: "image/svg+xml" }
            : { content: dataUrlPayload(url), filename: job.filename, base64: true, type: "image/png" };
          var pixels = Math.round(job.width * job.scale) + " × " + Math.round(job.height * job.scale);
          return [file, "Saved " + job.filename + (job.format === "png" ? " (" + pixels + " px)" : "")];
        }).catch(function (error) {
          return [no_update, "Export failed: " + (error && error.message ? error.message : error)];
        });
      }
    }
  });
})();
