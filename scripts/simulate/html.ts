/**
 * report.html: one self-contained page — the data as JSON, Chart.js (MIT, pinned in package.json) inlined
 * from node_modules, the page's own script and styles — so it opens offline and can be mailed as one file.
 * Charts: MQL volume by Lead Source, where leads land now and proposed, each rule's passes and marginal
 * effect; tables: the transition matrix (shaded by share), the criteria changes, the rules, owners, sample
 * leads, drift by cause and the unexplained drifts listed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CriteriaChange } from './criteria.ts';
import type { SimulationReport } from './simulation.ts';

export interface ReportPage {
    title: string;
    org: string;
    /** Where the proposed criteria came from. */
    criteria: string;
    changes: CriteriaChange[];
    via: string;
    generatedAt: string;
    /** Base of the links to leads: `<instance>/lightning/r/Lead/`. */
    leadLink: string;
    report: SimulationReport;
}

/** Chart.js's browser build, beside the file its package exports (dist/chart.cjs). */
function chartJsFile(): string {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
}

/** JSON safe inside a script element (no "</script>", no HTML comment openers). */
function scriptJson(value: unknown): string {
    return JSON.stringify(value)
        .replaceAll('<', '\\u003c')
        .replaceAll('\u2028', '\\u2028')
        .replaceAll('\u2029', '\\u2029');
}

function escapeHtml(text: string): string {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#181818;margin:0;background:#f3f3f3}
header{background:#032d60;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}header p{margin:2px 0;opacity:.9}
main{padding:20px 32px;max-width:1280px}section{background:#fff;border-radius:6px;padding:16px 20px;margin:0 0 18px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:17px;margin:0 0 10px}.cards{display:flex;gap:14px;flex-wrap:wrap}.card{flex:1;min-width:180px;background:#fff;border-radius:6px;padding:14px 18px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card b{display:block;font-size:26px}.card span{color:#555}.up{color:#2e844a}.down{color:#ba0517}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e5e5e5;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#fafafa;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.matrix td{text-align:right;font-variant-numeric:tabular-nums}.grid{display:grid;grid-template-columns:1fr 1fr;gap:18px}
.chart{position:relative;height:320px}.tall{height:520px}.note{color:#555;font-size:12px}a{color:#0b5cab}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
`;

/** The page's own script: renders the tables and charts from the embedded data. */
const SCRIPT = `
const data = JSON.parse(document.getElementById('data').textContent);
const r = data.report;
const fmt = (n) => n.toLocaleString('en-US');
const pct = (part, whole) => whole === 0 ? '—' : (100 * part / whole).toFixed(1) + '%';
const el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};
const table = (headers, rows, numeric) => el('table', {},
  el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
  el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell, i) => el('td', numeric && numeric.includes(i) ? { class: 'n' } : {}, cell))))));
const link = (lead) => el('a', { href: data.leadLink + encodeURIComponent(lead.id) + '/view' }, lead.name || lead.id);
const mql = r.gates.find((g) => g.stage === 'MQL');
const delta = mql.proposed - mql.current;
document.getElementById('cards').append(
  el('div', { class: 'card' }, el('b', {}, fmt(r.leads)), el('span', {}, 'leads simulated (' + data.via + ')')),
  el('div', { class: 'card' }, el('b', {}, fmt(mql.current)), el('span', {}, 'MQL under the current criteria')),
  el('div', { class: 'card' }, el('b', { class: delta < 0 ? 'down' : 'up' }, fmt(mql.proposed)), el('span', {}, 'MQL proposed (' + (delta >= 0 ? '+' : '−') + fmt(Math.abs(delta)) + ', ' + (mql.current ? (delta >= 0 ? '+' : '−') + (100 * Math.abs(delta) / mql.current).toFixed(1) + '%' : '—') + ')')),
  el('div', { class: 'card' }, el('b', {}, fmt(r.drift.filter((g) => g.drift).reduce((s, g) => s + g.leads, 0))), el('span', {}, 'leads drifted from the current criteria')));
document.getElementById('changes').append(data.changes.length === 0 ? el('p', {}, 'The proposed criteria change nothing in the org’s criteria.') :
  table(['record', 'change'], data.changes.map((c) => [c.name, c.kind === 'changed' ? c.fields.map((f) => f.field + ': ' + f.from + ' → ' + f.to).join('; ') : c.kind])));
const max = Math.max(1, ...r.matrix.flat());
const matrix = el('table', { class: 'matrix' }, el('thead', {}, el('tr', {}, el('th', {}, 'current \\\\ proposed'), ...r.classes.map((c) => el('th', {}, c)), el('th', {}, 'total'))));
const body = el('tbody', {});
r.classes.forEach((from, i) => {
  const row = el('tr', {}, el('th', {}, from));
  r.matrix[i].forEach((value, j) => {
    const td = el('td', { title: from + ' → ' + r.classes[j] }, fmt(value), el('div', { class: 'note' }, pct(value, r.leads)));
    td.style.background = i === j ? 'rgba(3,45,96,' + (0.08 + 0.5 * value / max) + ')' : 'rgba(221,122,1,' + (value ? 0.12 + 0.6 * value / max : 0) + ')';
    row.append(td);
  });
  row.append(el('td', {}, fmt(r.matrix[i].reduce((s, v) => s + v, 0))));
  body.append(row);
});
matrix.append(body);
document.getElementById('matrix').append(matrix);
const totals = (side) => r.classes.map((_, k) => side === 'current' ? r.matrix[k].reduce((s, v) => s + v, 0) : r.matrix.reduce((s, row) => s + row[k], 0));
const blue = '#0176d3', orange = '#dd7a01';
const bar = (id, labels, datasets, horizontal) => new Chart(document.getElementById(id), {
  type: 'bar', data: { labels, datasets },
  options: { indexAxis: horizontal ? 'y' : 'x', maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } } });
bar('classesChart', r.classes, [{ label: 'current', data: totals('current'), backgroundColor: blue }, { label: 'proposed', data: totals('proposed'), backgroundColor: orange }]);
const sources = r.bySource.slice(0, 15);
bar('sourceChart', sources.map((s) => s.name), [{ label: 'MQL now', data: sources.map((s) => s.current), backgroundColor: blue }, { label: 'MQL proposed', data: sources.map((s) => s.proposed), backgroundColor: orange }]);
const rules = r.rules;
const ruleLabels = rules.map((x) => x.name + ' (' + x.stage + ')');
bar('passChart', ruleLabels, [{ label: 'passes now', data: rules.map((x) => x.current ? x.current.passed : null), backgroundColor: blue }, { label: 'passes proposed', data: rules.map((x) => x.proposed ? x.proposed.passed : null), backgroundColor: orange }], true);
bar('decidesChart', ruleLabels, [{ label: 'decides now', data: rules.map((x) => x.current ? x.current.decides : null), backgroundColor: blue }, { label: 'decides proposed', data: rules.map((x) => x.proposed ? x.proposed.decides : null), backgroundColor: orange }], true);
const dash = (v) => v === null || v === undefined ? '—' : fmt(v);
document.getElementById('rules').append(
  el('p', { class: 'note' }, 'Thresholds: fit ' + r.thresholds.current.fit + ' → ' + r.thresholds.proposed.fit + ', interest ' + r.thresholds.current.interest + ' → ' + r.thresholds.proposed.interest + (r.thresholds.alone === null ? '' : '; the thresholds alone move ' + fmt(r.thresholds.alone) + ' leads.') + ' Decides: leads whose verdict flips without the rule (its marginal effect). Alone moves: leads whose current verdict flips with this change alone.'),
  table(['rule', 'gate', 'dimension', 'change', 'passes now', 'fails now', 'passes proposed', 'fails proposed', 'decides now', 'decides proposed', 'alone moves'],
    rules.map((x) => [x.name, x.stage, x.dimension, x.change, dash(x.current && x.current.passed), dash(x.current && x.current.failed), dash(x.proposed && x.proposed.passed), dash(x.proposed && x.proposed.failed), dash(x.current && x.current.decides), dash(x.proposed && x.proposed.decides), dash(x.alone)]), [4, 5, 6, 7, 8, 9, 10]));
const skipped = rules.flatMap((x) => ['current', 'proposed'].filter((side) => x[side] && x[side].skipped > 0).map((side) => x.name + ' (' + side + '), ' + fmt(x[side].skipped) + ' leads: ' + x[side].skipReason));
if (skipped.length > 0) document.getElementById('rules').append(el('p', {}, 'Skipped rules (they earn no points and fail no gate; fix them before deploying):'), el('ul', {}, ...skipped.map((text) => el('li', {}, text))));
const volume = (list) => table(['name', 'leads', 'MQL now', 'MQL proposed', 'change'], list.map((v) => [v.name, fmt(v.leads), fmt(v.current), fmt(v.proposed), (v.proposed - v.current > 0 ? '+' : '') + fmt(v.proposed - v.current)]), [1, 2, 3, 4]);
document.getElementById('sources').append(volume(r.bySource));
document.getElementById('owners').append(volume(r.byOwner.slice(0, 100)), el('p', { class: 'note' }, r.byOwner.length > 100 ? 'The 100 owners with the most leads of ' + fmt(r.byOwner.length) + '; all are in summary.json.' : ''));
document.getElementById('samples').append(r.samples.length === 0 ? el('p', {}, 'No lead changes class.') :
  table(['current', 'proposed', 'leads (first ' + data.samplesPerTransition + ')'], r.samples.map((s) => [s.from, s.to, el('span', {}, ...s.leads.flatMap((lead, i) => i ? [', ', link(lead)] : [link(lead)]))])));
document.getElementById('drift').append(table(['cause', 'leads', 'kind', 'what it means'], r.drift.map((g) => [g.label, fmt(g.leads), g.drift ? 'drift' : 'Baton’s rule', g.meaning]), [1]));
const unexplained = r.drift.find((g) => g.cause === 'unexplained').leads;
document.getElementById('unexplained').append(unexplained === 0 ? el('p', {}, 'No unexplained drift.') : el('div', {},
  el('p', { class: 'note' }, fmt(unexplained) + ' leads' + (unexplained > r.unexplained.length ? '; the first ' + fmt(r.unexplained.length) + ' here, every one in drift.csv' : '') + '.'),
  table(['lead', 'stored stage', 'stored fit', 'stored interest', 'Baton would store'], r.unexplained.map((d) => [link(d), d.stage || '(blank)', d.fit || '(blank)', d.interest || '(blank)', d.expectedStage + (d.expectedFit === null ? '' : ', fit ' + d.expectedFit + ', interest ' + d.expectedInterest)]))));
`;

export async function writeReportPage(file: string, page: ReportPage, samplesPerTransition: number): Promise<void> {
    const library = await readFile(chartJsFile(), 'utf8');
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.org)} · proposed criteria: ${escapeHtml(page.criteria)} · ${escapeHtml(page.generatedAt)}</p>
<p>Read-only what-if: nothing was written to the org.</p></header>
<main>
<div class="cards" id="cards"></div>
<section><h2>What the proposed criteria change</h2><div id="changes"></div></section>
<section><h2>Transition matrix</h2><p class="note">Where each lead lands under the current criteria (rows) and the proposed ones (columns): MQL, or the fit × sales-ready quadrant of a lead the MQL gate does not pass (“Good Fit, Sales Ready, not MQL”: a required rule failed). Counts and share of all leads.</p><div id="matrix"></div></section>
<div class="grid">
<section><h2>Where leads land</h2><div class="chart"><canvas id="classesChart" role="img" aria-label="Leads per class, current and proposed"></canvas></div></section>
<section><h2>MQL volume by Lead Source</h2><div class="chart"><canvas id="sourceChart" role="img" aria-label="MQL per Lead Source, current and proposed"></canvas></div></section>
</div>
<div class="grid">
<section><h2>Leads each rule passes</h2><div class="chart tall"><canvas id="passChart" role="img" aria-label="Leads passing each rule, current and proposed"></canvas></div></section>
<section><h2>Marginal effect: leads each rule decides</h2><div class="chart tall"><canvas id="decidesChart" role="img" aria-label="Leads whose verdict each rule decides, current and proposed"></canvas></div></section>
</div>
<section><h2>Rules</h2><div id="rules"></div></section>
<section><h2>MQL volume by Lead Source</h2><div id="sources"></div></section>
<section><h2>MQL volume by owner or queue</h2><div id="owners"></div></section>
<section><h2>Sample leads per transition</h2><div id="samples"></div></section>
<section><h2>Drift from the current criteria</h2><p class="note">Stored Lifecycle_Stage__c, Fit_Score__c and Interest_Score__c against what Baton’s Apex would store under the org’s current criteria (docs/consultant.md gives the rules).</p><div id="drift"></div><h2>Unexplained drift</h2><div id="unexplained"></div></section>
</main>
<script id="data" type="application/json">${scriptJson({ ...page, samplesPerTransition })}</script>
<script>${library}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
    await writeFile(file, html, 'utf8');
}
