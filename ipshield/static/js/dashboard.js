// 统计看板: draws the map and the trend chart from the figures the page's tables already show
// (json_script "dashboard-data"); each chart's "表格/Table" button shows the table instead.
(function () {
  "use strict";
  var holder = document.getElementById("dashboard-data");
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  if (!holder || !window.echarts) { return; }
  var data = JSON.parse(holder.textContent);
  document.documentElement.classList.add("charts-on");

  document.querySelectorAll("[data-toggle-table]").forEach(function (button) {
    button.addEventListener("click", function () {
      var table = document.getElementById(button.getAttribute("data-toggle-table"));
      var shown = table.classList.toggle("shown");
      button.setAttribute("aria-pressed", shown ? "true" : "false");
    });
  });

  var charts = [];
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });

  var trendBox = document.getElementById("trend-chart");
  if (trendBox) {
    var trend = echarts.init(trendBox);
    charts.push(trend);
    trend.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll" },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: "category", data: data.trend.months },
      yAxis: { type: "value", minInterval: 1 },
      series: data.trend.series.map(function (s) {
        return { name: s.label, type: "line", symbolSize: 4, data: s.data };
      })
    });
  }

  var mapBox = document.getElementById("map-chart");
  if (!mapBox || !data.map_url) { return; }
  var byCode = {};
  data.regions.forEach(function (r) { byCode[r.code] = r; });
  fetch(data.map_url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) { throw new Error("map " + response.status); }
    return response.json();
  }).then(function (geo) {
    // Features are matched by region code (their id), else by the start of the name.
    geo.features.forEach(function (feature) {
      var id = feature.id || (feature.properties && feature.properties.id);
      var region = id && byCode[id];
      if (!region) {
        var short = feature.properties.name;
        region = data.regions.find(function (r) { return r.name.indexOf(short) === 0 || short.indexOf(r.name) === 0; });
      }
      if (region) { feature.properties.name = region.name; }
    });
    var mapName = data.map === "100000" ? "china" : "region-" + data.map;
    echarts.registerMap(mapName, geo);
    var values = data.regions.map(function (r) { return r.value || 0; });
    var chart = echarts.init(mapBox);
    charts.push(chart);
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var value = p.data && p.data.value != null ? p.data.value : data.labels.none;
          return p.name + "<br>" + data.indicator + "：" + value;
        }
      },
      visualMap: {
        min: 0, max: Math.max.apply(null, values.concat([1])), left: 8, bottom: 8,
        text: [data.labels.high, data.labels.low], calculable: true,
        inRange: { color: ["#e8f1fb", "#6aa3d9", "#0b4f93"] }
      },
      series: [{
        type: "map", map: mapName, roam: false, selectedMode: false,
        label: { show: false }, emphasis: { label: { show: true } },
        data: data.regions.map(function (r) { return { name: r.name, value: r.value, code: r.code }; })
      }]
    });
    chart.on("click", function (p) {
      if (p.data && p.data.code) { window.location.href = data.drill + encodeURIComponent(p.data.code); }
    });
    // Where a region lies on screen (used by the browser test to click it like a person would).
    window.ipshieldMap = {
      pixelOf: function (code) {
        var feature = geo.features.find(function (f) { return (f.id || f.properties.id) === code; });
        if (!feature || !feature.properties.cp) { return null; }
        var point = chart.convertToPixel({ seriesIndex: 0 }, feature.properties.cp);
        var box = mapBox.getBoundingClientRect();
        return point ? { x: box.left + point[0], y: box.top + point[1] } : null;
      }
    };
    mapBox.setAttribute("data-ready", "true");
  }).catch(function () {
    document.getElementById("map-table").classList.add("shown");
    mapBox.hidden = true;
  });
})();
