// The stylesheet and script of index.html. They are fixed strings, so the page's Content Security
// Policy can allow exactly them by hash and nothing else (an injected <script> could never run).

/** Inline stylesheet of index.html. */
export const REPORT_CSS = `
:root{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;background:#fff}
body{margin:0 auto;max-width:1200px;padding:16px 24px}
h1{font-size:1.6em;margin:.2em 0}h2{margin-top:1.6em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
.meta{color:#59636e;font-size:.9em}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;min-width:150px}
.card .value{font-size:1.5em;font-weight:600}.card .label{color:#59636e;font-size:.85em}
.bad{color:#cf222e}.good{color:#1a7f37}.muted{color:#59636e}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
.chart{max-width:100%;height:auto;display:block;margin:8px 0}
.bar-track{fill:#f0f2f4}.bar-label,.bar-value{font-size:12px;fill:#1f2328}
.seg-good{fill:#2da44e}.seg-warn{fill:#d4a72c}.seg-bad{fill:#cf222e}.seg-lint{fill:#bf8700}.seg-type{fill:#8250df}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:6px 8px;border-radius:6px;font-size:.85em}
details{border:1px solid #d0d7de;border-radius:8px;padding:6px 12px;margin:8px 0}
summary{cursor:pointer;font-weight:600}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:.85em;border:1px solid #d0d7de}
.empty{color:#59636e;font-style:italic}
`;

/** Inline script of index.html: sorts tables whose header buttons are clicked; reads no data from the page but cells. */
export const REPORT_JS = `
(function () {
  function sortValue(cell, numeric) {
    var raw = cell.getAttribute('data-sort');
    if (raw === null) raw = cell.textContent || '';
    if (!numeric) return raw.toLowerCase();
    var n = parseFloat(raw);
    return isNaN(n) ? -Infinity : n;
  }
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var headers = table.querySelectorAll('thead th');
    Array.prototype.forEach.call(headers, function (th) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.getAttribute('data-type') === 'num';
        var column = th.cellIndex;
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a.cells[column], numeric);
          var y = sortValue(b.cells[column], numeric);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
`;
