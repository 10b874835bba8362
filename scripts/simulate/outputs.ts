/**
 * What a simulation writes: leads.csv (one row per lead with both verdicts) and drift.csv (every lead in
 * a drift group), each written as the leads stream past, and the terminal summary of the report.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatTable } from '../lib/output.ts';
import type { CriteriaChange } from './criteria.ts';
import { DRIFT_CAUSES } from './drift.ts';
import type { LeadInput, LeadOutcome, SimulationReport, Volume } from './simulation.ts';

function quote(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV file written row by row, waiting when the disk is behind (memory stays flat). */
export class CsvFile {
    private readonly stream: WriteStream;
    private buffered = '';

    constructor(file: string, columns: readonly string[]) {
        this.stream = createWriteStream(file, { encoding: 'utf8' });
        this.buffered = `${columns.map(quote).join(',')}\n`;
    }

    async row(cells: readonly string[]): Promise<void> {
        this.buffered += `${cells.map(quote).join(',')}\n`;
        if (this.buffered.length > 64 * 1024) {
            await this.flush();
        }
    }

    private async flush(): Promise<void> {
        const text = this.buffered;
        this.buffered = '';
        if (!this.stream.write(text)) {
            await once(this.stream, 'drain');
        }
    }

    async close(): Promise<void> {
        await this.flush();
        this.stream.end();
        await once(this.stream, 'finish');
    }
}

export const LEAD_COLUMNS = [
    'Id',
    'Name',
    'LeadSource',
    'Owner',
    'Lifecycle_Stage__c',
    'Fit_Score__c',
    'Interest_Score__c',
    'current',
    'current fit',
    'current interest',
    'current SAL gate',
    'current SQL gate',
    'proposed',
    'proposed fit',
    'proposed interest',
    'proposed SAL gate',
    'proposed SQL gate',
    'moves',
    'drift'
] as const;

const passText = (passes: boolean): string => (passes ? 'pass' : 'fail');

export function leadRow(lead: LeadInput, outcome: LeadOutcome): string[] {
    const { current, proposed } = outcome;
    return [
        lead.id,
        lead.name,
        lead.source,
        lead.owner,
        lead.stored.stage ?? '',
        lead.stored.fit?.toFixed() ?? '',
        lead.stored.interest?.toFixed() ?? '',
        current.leadClass,
        current.fit.toFixed(),
        current.interest.toFixed(),
        passText(current.sal),
        passText(current.sql),
        proposed.leadClass,
        proposed.fit.toFixed(),
        proposed.interest.toFixed(),
        passText(proposed.sal),
        passText(proposed.sql),
        current.leadClass === proposed.leadClass ? '' : 'yes',
        outcome.drift ? DRIFT_CAUSES[outcome.drift.cause].label : ''
    ];
}

export const DRIFT_COLUMNS = [
    'Id',
    'Name',
    'cause',
    'Lifecycle_Stage__c',
    'Fit_Score__c',
    'Interest_Score__c',
    'expected stage',
    'expected fit',
    'expected interest',
    'link'
] as const;

export function driftRow(lead: LeadInput, outcome: LeadOutcome, link: string): string[] {
    const drift = outcome.drift;
    return [
        lead.id,
        lead.name,
        drift ? DRIFT_CAUSES[drift.cause].label : '',
        lead.stored.stage ?? '',
        lead.stored.fit?.toFixed() ?? '',
        lead.stored.interest?.toFixed() ?? '',
        drift?.expectedStage ?? '',
        drift?.expectedScores ? outcome.current.fit.toFixed() : '',
        drift?.expectedScores ? outcome.current.interest.toFixed() : '',
        link
    ];
}

const count = (value: number): string => value.toLocaleString('en-US');

function share(part: number, whole: number): string {
    return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

function signed(value: number): string {
    return value > 0 ? `+${count(value)}` : value < 0 ? `−${count(-value)}` : '0';
}

/** "1,234 → 1,100 (−134, −10.9%)". */
function movement(before: number, after: number): string {
    const change =
        before === 0
            ? ''
            : `, ${after >= before ? '+' : '−'}${((Math.abs(after - before) / before) * 100).toFixed(1)}%`;
    return `${count(before)} → ${count(after)} (${signed(after - before)}${change})`;
}

function changeText(change: CriteriaChange): string {
    if (change.kind !== 'changed') {
        return `${change.name}: ${change.kind}`;
    }
    return `${change.name}: ${change.fields.map((field) => `${field.field} ${field.from} → ${field.to}`).join('; ')}`;
}

export function formatChanges(changes: readonly CriteriaChange[]): string {
    return changes.length === 0 ? 'no change to the org’s criteria' : changes.map(changeText).join('\n  ');
}

function volumeTable(title: string, volumes: readonly Volume[], limit: number): string {
    const shown = volumes.slice(0, limit);
    const rest = volumes.length > limit ? `\n(${volumes.length - limit} more in summary.json and report.html)` : '';
    return `${formatTable(
        [title, 'leads', 'MQL now', 'MQL proposed', 'change'],
        shown.map((volume) => [
            volume.name,
            count(volume.leads),
            count(volume.current),
            count(volume.proposed),
            signed(volume.proposed - volume.current)
        ])
    )}${rest}`;
}

/** The MQL gate's volume now and proposed, and the transition matrix with counts and shares. */
export function formatMatrix(report: SimulationReport): string {
    const total = report.leads;
    const mql = report.gates.find((gate) => gate.stage === 'MQL');
    const header = `MQL gate: ${movement(mql?.current ?? 0, mql?.proposed ?? 0)} of ${count(total)} leads`;
    const table = formatTable(
        ['current \\ proposed', ...report.classes],
        report.classes.map((from, row) => [
            from,
            ...report.classes.map((_, column) => {
                const value = report.matrix[row]?.[column] ?? 0;
                return `${count(value)} (${share(value, total)})`;
            })
        ])
    );
    return `${header}\n\nTransition matrix: current (rows) → proposed (columns), leads and share of all leads\n${table}`;
}

/** The report as the terminal shows it. */
export function formatReport(report: SimulationReport): string {
    const lines: string[] = [];
    lines.push(formatMatrix(report), '');
    for (const gate of report.gates.filter((item) => item.stage !== 'MQL')) {
        lines.push(`${gate.stage} gate passes: ${movement(gate.current, gate.proposed)}`);
    }
    lines.push('');
    const { thresholds } = report;
    lines.push(
        `Thresholds: fit ${thresholds.current.fit} → ${thresholds.proposed.fit}, interest ${thresholds.current.interest} → ${thresholds.proposed.interest}${thresholds.alone === null ? '' : `; these alone move ${count(thresholds.alone)} leads`}`
    );
    lines.push(
        formatTable(
            [
                'rule',
                'gate',
                'change',
                'passes now',
                'passes proposed',
                'decides now',
                'decides proposed',
                'alone moves'
            ],
            report.rules.map((rule) => [
                rule.name,
                rule.stage,
                rule.change,
                rule.current ? count(rule.current.passed) : '—',
                rule.proposed ? count(rule.proposed.passed) : '—',
                rule.current ? count(rule.current.decides) : '—',
                rule.proposed ? count(rule.proposed.decides) : '—',
                rule.alone === null ? '' : count(rule.alone)
            ])
        )
    );
    lines.push(
        '(decides: leads whose verdict flips without this rule; alone moves: leads whose verdict flips with this change alone)'
    );
    const skipped = report.rules.flatMap((rule) =>
        (['current', 'proposed'] as const).flatMap((side) => {
            const counts = rule[side];
            return counts && counts.skipped > 0
                ? [`  ${rule.name} (${side}), ${count(counts.skipped)} leads: ${counts.skipReason ?? ''}`]
                : [];
        })
    );
    if (skipped.length > 0) {
        lines.push('Skipped rules (they earn no points and fail no gate; fix them before deploying):', ...skipped);
    }
    lines.push('');
    lines.push(volumeTable('Lead Source', report.bySource, 15));
    lines.push('');
    lines.push(volumeTable('owner', report.byOwner, 10));
    lines.push('');
    lines.push('Drift: stored stage or scores against what Baton would store under the org’s current criteria');
    lines.push(
        formatTable(
            ['cause', 'leads', 'kind', 'what it means'],
            report.drift.map((group) => [
                group.label,
                count(group.leads),
                group.drift ? 'drift' : 'Baton’s rule',
                group.meaning
            ])
        )
    );
    const unexplained = report.drift.find((group) => group.cause === 'unexplained')?.leads ?? 0;
    if (unexplained > 0) {
        lines.push('');
        lines.push(`Unexplained drift (${count(unexplained)}; every one is in drift.csv):`);
        lines.push(
            formatTable(
                ['Id', 'Name', 'stored stage', 'stored fit', 'stored interest', 'Baton would store'],
                report.unexplained
                    .slice(0, 20)
                    .map((lead) => [
                        lead.id,
                        lead.name,
                        lead.stage ?? '(blank)',
                        lead.fit ?? '(blank)',
                        lead.interest ?? '(blank)',
                        `${lead.expectedStage}${lead.expectedFit === null ? '' : `, fit ${lead.expectedFit}, interest ${lead.expectedInterest ?? ''}`}`
                    ])
            )
        );
    }
    return lines.join('\n');
}
