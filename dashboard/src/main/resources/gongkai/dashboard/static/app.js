// Gongkai Monitor dashboard: live counts (server-sent events) and the continuity links. Text from the
// server is only ever set with textContent, never parsed as HTML.
(function () {
  'use strict';

  function setCounts(counts) {
    if (!counts) { return; }
    Object.keys(counts).forEach(function (k) {
      document.querySelectorAll('[data-count="' + k + '"]').forEach(function (el) {
        if (el.textContent !== String(counts[k])) {
          el.textContent = String(counts[k]);
          el.classList.remove('changed');
          void el.offsetWidth;
          el.classList.add('changed');
        }
      });
    });
  }

  function follow() {
    var state = document.getElementById('live-state');
    var feed = document.getElementById('live-feed');
    if (!state || !window.EventSource) { return; }
    var source = new EventSource('/events');
    source.onopen = function () { state.textContent = '已连接 connected'; state.className = 'live-state on'; };
    source.onerror = function () { state.textContent = '重新连接中 reconnecting'; state.className = 'live-state off'; };
    source.addEventListener('counts', function (e) { setCounts(JSON.parse(e.data).counts); });
    source.addEventListener('alert', function (e) {
      var a = JSON.parse(e.data);
      setCounts(a.counts);
      if (!feed) { return; }
      var li = document.createElement('li');
      li.className = 'live-event ' + a.status.toLowerCase() + ' sev-' + a.severity.toLowerCase();
      var link = document.createElement('a');
      link.href = '/alert?key=' + encodeURIComponent(a.alertKey);
      link.textContent = a.status + ' ' + a.severity + ' ' + a.ruleId + ' ' + a.agency + ' ' + a.year;
      var zh = document.createElement('div');
      zh.textContent = a.messageZh;
      var en = document.createElement('div');
      en.className = 'en';
      en.textContent = a.messageEn;
      li.appendChild(link);
      li.appendChild(zh);
      li.appendChild(en);
      feed.insertBefore(li, feed.firstChild);
      while (feed.children.length > 50) { feed.removeChild(feed.lastChild); }
    });
  }

  function cell(pair, report, key) {
    return pair.querySelector('table[data-report="' + CSS.escape(report) + '"] td[data-cell="' + CSS.escape(key) + '"]');
  }

  // Each continuity alert as a line from last year's cell to this year's cell.
  function drawLinks() {
    document.querySelectorAll('section.pair').forEach(function (pair) {
      var box = pair.querySelector('.side-by-side');
      var svg = pair.querySelector('svg.links');
      if (!box || !svg) { return; }
      while (svg.firstChild) { svg.removeChild(svg.firstChild); }
      var origin = box.getBoundingClientRect();
      svg.setAttribute('width', String(box.scrollWidth));
      svg.setAttribute('height', String(box.scrollHeight));
      pair.querySelectorAll('.continuity-link[data-from-cell]').forEach(function (item) {
        var from = cell(pair, item.dataset.fromReport, item.dataset.fromCell);
        var to = cell(pair, item.dataset.toReport, item.dataset.toCell);
        if (!from || !to) { return; }
        from.classList.add('linked');
        to.classList.add('linked');
        var a = from.getBoundingClientRect();
        var b = to.getBoundingClientRect();
        var line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
        line.setAttribute('x1', String(a.right - origin.left));
        line.setAttribute('y1', String(a.top + a.height / 2 - origin.top));
        line.setAttribute('x2', String(b.left - origin.left));
        line.setAttribute('y2', String(b.top + b.height / 2 - origin.top));
        line.setAttribute('class', 'link ' + (item.className.match(/sev-\w+/) || [''])[0]);
        svg.appendChild(line);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    follow();
    drawLinks();
    window.addEventListener('resize', drawLinks);
  });
})();
