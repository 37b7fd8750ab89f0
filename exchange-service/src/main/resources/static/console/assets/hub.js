// The per-minute chart, redrawn from the figures each server-sent event brings; the table beside it holds the same numbers.
(function () {
  let chart = null;

  function series() {
    const holder = document.getElementById('traffic-series');
    return holder ? JSON.parse(holder.dataset.series) : null;
  }

  function draw() {
    const data = series();
    const target = document.getElementById('traffic-chart');
    if (!data || !target || typeof uPlot === 'undefined') {
      return;
    }
    if (chart) {
      chart.setData(data);
      return;
    }
    chart = new uPlot({
      width: Math.max(300, target.clientWidth || 600),
      height: 240,
      scales: { x: { time: true } },
      axes: [{}, { label: 'messages' }],
      series: [
        {},
        { label: 'Accepted', stroke: '#00703c', width: 3 },
        { label: 'Rejected', stroke: '#d4351c', width: 3, dash: [10, 5] },
        { label: 'Undecodable', stroke: '#1d70b8', width: 3, dash: [2, 4], points: { show: true, size: 7 } }
      ]
    }, data, target);
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
