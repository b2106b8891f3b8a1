// `npm run bench:chart`: draws docs/bench/build.svg from the figures `npm run bench:build` recorded
// in docs/bench/build.json: build time per step (stacked) and peak memory, against the number of
// stories, with the targets marked.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Run = {
  articles: number;
  pages: number;
  seconds: number;
  peakMiB: number;
  steps: { name: string; seconds: number; peakMiB: number }[];
};

const dir = path.join(process.cwd(), 'docs', 'bench');
const runs = (JSON.parse(readFileSync(path.join(dir, 'build.json'), 'utf8')) as Run[]).sort(
  (a, b) => a.articles - b.articles,
);
if (runs.length === 0) throw new Error('docs/bench/build.json holds no runs: run npm run bench:build first.');

const stepColors: Record<string, string> = {
  check: '#94a3b8',
  compile: '#0f766e',
  index: '#14b8a6',
  pages: '#2563eb',
  search: '#f59e0b',
};
const width = 880;
const height = 380;
const panel = { top: 60, bottom: 300, width: 360 };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function axis(x0: number, max: number, unit: string, ticks: number[]) {
  const y = (v: number) => panel.bottom - (v / max) * (panel.bottom - panel.top);
  return ticks
    .map(
      (t) =>
        `<line x1="${x0}" x2="${x0 + panel.width}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e7eb"/>` +
        `<text x="${x0 - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="#6b7280">${t}${unit}</text>`,
    )
    .join('');
}

function bars(
  x0: number,
  max: number,
  value: (run: Run) => { color: string; value: number; label: string }[],
  target: number,
  targetLabel: string,
) {
  const y = (v: number) => panel.bottom - (v / max) * (panel.bottom - panel.top);
  const slot = panel.width / runs.length;
  const barWidth = Math.min(56, slot * 0.6);
  const parts = runs.map((run, i) => {
    const x = x0 + slot * i + (slot - barWidth) / 2;
    let base = 0;
    const rects = value(run)
      .map((segment) => {
        const rect = `<rect x="${x}" y="${y(base + segment.value)}" width="${barWidth}" height="${y(base) - y(base + segment.value)}" fill="${segment.color}"><title>${escape(segment.label)}</title></rect>`;
        base += segment.value;
        return rect;
      })
      .join('');
    return (
      rects +
      `<text x="${x + barWidth / 2}" y="${y(base) - 5}" text-anchor="middle" font-size="11" fill="#111827">${base.toFixed(1)}</text>` +
      `<text x="${x + barWidth / 2}" y="${panel.bottom + 16}" text-anchor="middle" font-size="11" fill="#374151">${run.articles.toLocaleString('en')}</text>`
    );
  });
  const targetLine = `<line x1="${x0}" x2="${x0 + panel.width}" y1="${y(target)}" y2="${y(target)}" stroke="#dc2626" stroke-dasharray="6 4"/><text x="${x0 + panel.width}" y="${y(target) - 5}" text-anchor="end" font-size="11" fill="#dc2626">${targetLabel}</text>`;
  return parts.join('') + targetLine;
}

const maxMinutes = Math.max(15, ...runs.map((r) => r.seconds / 60)) * 1.1;
const maxGiB = Math.max(6, ...runs.map((r) => r.peakMiB / 1024)) * 1.1;
const minuteTicks = Array.from({ length: Math.floor(maxMinutes / 5) + 1 }, (_, i) => i * 5);
const gibTicks = Array.from({ length: Math.floor(maxGiB / 2) + 1 }, (_, i) => i * 2);
const leftX = 60;
const rightX = 500;
const legend = Object.entries(stepColors)
  .map(
    ([name, color], i) =>
      `<rect x="${leftX + i * 72}" y="342" width="12" height="12" fill="${color}"/><text x="${leftX + i * 72 + 16}" y="352" font-size="12" fill="#374151">${name}</text>`,
  )
  .join('');

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${leftX}" y="28" font-size="15" font-weight="bold" fill="#111827">Build time (minutes) by step</text>
<text x="${rightX}" y="28" font-size="15" font-weight="bold" fill="#111827">Peak memory of the build (GiB)</text>
<text x="${leftX}" y="46" font-size="11" fill="#6b7280">stories (two article pages each, a third derived) on 2 cores</text>
<text x="${rightX}" y="46" font-size="11" fill="#6b7280">largest process tree of any step</text>
${axis(leftX, maxMinutes, '', minuteTicks)}
${bars(leftX, maxMinutes, (run) => run.steps.map((s) => ({ color: stepColors[s.name] ?? '#9ca3af', value: s.seconds / 60, label: `${s.name}: ${s.seconds.toFixed(0)} s` })), 15, 'target 15 min')}
${axis(rightX, maxGiB, '', gibTicks)}
${bars(rightX, maxGiB, (run) => [{ color: '#7c3aed', value: run.peakMiB / 1024, label: `peak ${run.peakMiB.toFixed(0)} MiB` }], 6, 'target 6 GiB')}
${legend}
<text x="${rightX}" y="352" font-size="12" fill="#374151">x axis: number of stories</text>
</svg>
`;
writeFileSync(path.join(dir, 'build.svg'), svg);
console.log(`Wrote docs/bench/build.svg (${runs.map((r) => r.articles).join(', ')} stories).`);
