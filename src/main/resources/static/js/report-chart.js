// Draws a report's chart (reports/Chart.java) with ECharts, as SVG so that it prints sharp.
// The page puts the chart's data in <script type="application/json" id="chart-data"> under a <div id="chart">.
(function () {
  var el = document.getElementById('chart');
  var data = document.getElementById('chart-data');
  if (!el || !data || !window.echarts) { return; }
  var spec = JSON.parse(data.textContent);
  if (!spec.categories.length) { el.style.display = 'none'; return; }
  var percent = spec.series.some(function (s) { return s.axis === 1; });
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: percent ? 56 : 24, top: 36, bottom: spec.categories.length > 8 ? 96 : 40 },
    xAxis: { type: 'category', data: spec.categories,
             axisLabel: { interval: 0, rotate: spec.categories.length > 8 ? 40 : 0 } },
    yAxis: [{ type: 'value', name: spec.unit, axisLabel: { formatter: function (v) { return v.toLocaleString('zh-CN'); } } }]
      .concat(percent ? [{ type: 'value', name: '%', position: 'right', splitLine: { show: false },
                          axisLabel: { formatter: '{value}%' } }] : []),
    series: spec.series.map(function (s) {
      return { name: s.name, type: s.type, stack: s.stack || undefined, data: s.data, yAxisIndex: s.axis,
               connectNulls: false, barMaxWidth: 28 };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
  window.addEventListener('beforeprint', function () { chart.resize(); });
})();
