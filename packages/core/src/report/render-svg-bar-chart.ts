import { escapeHtml } from './escape-html';

/** One bar of a horizontal bar chart; `segments` stack left to right. */
export interface BarChartRow {
  label: string;
  segments: { value: number; className: string; title: string }[];
  /** Text shown right of the bar. */
  valueText: string;
}

/**
 * A horizontal bar chart as inline SVG (no script, no external resources). Values are scaled to
 * `max` (or the largest row total); labels and tooltips are HTML-escaped.
 */
export function renderSvgBarChart(options: { id: string; title: string; rows: BarChartRow[]; max?: number; emptyText: string }): string {
  const { rows } = options;
  if (rows.length === 0) return `<p class="empty" id="${options.id}">${escapeHtml(options.emptyText)}</p>`;
  const labelWidth = 220;
  const barWidth = 420;
  const rowHeight = 22;
  const total = (row: BarChartRow) => row.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  const max = options.max ?? Math.max(1, ...rows.map(total));
  const height = rows.length * rowHeight + 10;
  const parts = rows.map((row, index) => {
    const y = index * rowHeight + 5;
    let x = labelWidth;
    const label = row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label;
    const bars = row.segments.map((segment) => {
      const width = Math.max(0, (Math.max(0, segment.value) / max) * barWidth);
      const rect = `<rect class="${segment.className}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${rowHeight - 6}"><title>${escapeHtml(segment.title)}</title></rect>`;
      x += width;
      return rect;
    });
    return (
      `<g class="bar-row"><text class="bar-label" x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${escapeHtml(label)}<title>${escapeHtml(row.label)}</title></text>` +
      `<rect class="bar-track" x="${labelWidth}" y="${y}" width="${barWidth}" height="${rowHeight - 6}"></rect>${bars.join('')}` +
      `<text class="bar-value" x="${labelWidth + barWidth + 6}" y="${y + 12}">${escapeHtml(row.valueText)}</text></g>`
    );
  });
  return (
    `<svg class="chart" id="${options.id}" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}" ` +
    `width="${labelWidth + barWidth + 90}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`
  );
}
