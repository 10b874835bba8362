/**
 * One simulation, read-only from end to end: checks the proposed criteria, reads the org's criteria, its
 * Lead describe and two facts about its SLA clocks, streams the leads through both criteria sets, and
 * writes summary.json, leads.csv, drift.csv and report.html. Every call is a GET but one: creating the
 * Bulk API 2.0 query job (POST jobs/query), which reads.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import { connect, type OrgAuth, type OrgConnection } from '../lib/connection.ts';
import { parseDatetime } from '../lib/criteria/values.ts';
import { explainError, ScriptError } from '../lib/errors.ts';
import { exactQuery } from '../lib/exactQuery.ts';
import { progressBar, say, type Output } from '../lib/output.ts';
import {
    criteriaChanges,
    proposedSet,
    readOrgCriteria,
    readProposedFolder,
    type CriteriaChange,
    type CriteriaSet
} from './criteria.ts';
import type { DriftContext } from './drift.ts';
import { writeReportPage } from './html.ts';
import { checkBatonFields, criteriaFields, leadQuery, leadReader, readLeads, type LeadReadOptions } from './leads.ts';
import { CsvFile, DRIFT_COLUMNS, driftRow, formatChanges, formatReport, LEAD_COLUMNS, leadRow } from './outputs.ts';
import { SAMPLES_PER_TRANSITION, Simulation, type SimulationReport } from './simulation.ts';

export interface SimulateOptions extends LeadReadOptions {
    /** Folder of proposed custom metadata records. */
    criteria: string;
    where: string | undefined;
    /** Folder the files are written to (created when missing). */
    out: string;
}

export interface SimulationSummary {
    ok: true;
    org: string;
    criteria: { folder: string; changes: CriteriaChange[]; currentVersion: string | null };
    leads: { total: number; via: string; where: string | null };
    report: SimulationReport;
    files: { summary: string; leads: string; drift: string; report: string };
    apiCalls: number;
    seconds: number;
}

/** SOQL text literal. */
function literal(value: string | null): string {
    return value === null ? 'null' : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

async function clockStart(org: OrgConnection, condition: string, order: 'ASC' | 'DESC'): Promise<number | null> {
    const [clock] = await exactQuery(
        org,
        `SELECT Started_At__c FROM Lead_SLA__c WHERE ${condition} ORDER BY Started_At__c ${order} LIMIT 1`
    );
    const started = typeof clock?.Started_At__c === 'string' ? parseDatetime(clock.Started_At__c) : undefined;
    return started === undefined ? null : started.toNumber();
}

/**
 * When the current criteria version is known to be in use: the start of the first SLA clock stamped with
 * it or, when none is yet, of the last clock stamped with another version (two queries of one row).
 */
async function driftContext(org: OrgConnection, current: CriteriaSet): Promise<DriftContext> {
    const version = literal(current.version);
    const firstCurrent = await clockStart(org, `Criteria_Version__c = ${version}`, 'ASC');
    return {
        automationEnabled: current.automationEnabled,
        criteriaInUseSince: firstCurrent ?? (await clockStart(org, `Criteria_Version__c != ${version}`, 'DESC'))
    };
}

async function describeLead(org: OrgConnection): Promise<DescribeSObjectResult> {
    try {
        return await org.conn.describe('Lead');
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}

async function orgCriteria(org: OrgConnection): Promise<CriteriaSet> {
    try {
        return await readOrgCriteria(org);
    } catch (error) {
        if (/INVALID_TYPE/.test((error as Error).message)) {
            throw new ScriptError(
                `${org.label} has no Lead_Stage_Criterion__mdt or Lead_Handoff_Setting__mdt: Baton is not deployed there.`,
                'Deploy Baton (npm run deploy), then run again.',
                { cause: error }
            );
        }
        throw error;
    }
}

function timestamp(date: Date): string {
    return date.toISOString().slice(0, 19).replaceAll(':', '-');
}

/** The default output folder: simulations/<date and time> under the current folder. */
export function defaultOutFolder(now: Date): string {
    return path.join('simulations', timestamp(now));
}

export async function simulate(auth: OrgAuth, options: SimulateOptions, output: Output): Promise<SimulationSummary> {
    const started = performance.now();
    // The proposed records are checked before the org is even contacted.
    const folder = await readProposedFolder(options.criteria);
    const org = await connect(auth);
    say(output, `Simulating the criteria in ${options.criteria} against ${org.label} (read-only).`);
    const describe = await describeLead(org);
    checkBatonFields(describe, org.label);
    const current = await orgCriteria(org);
    const proposed = proposedSet(current, folder);
    const changes = criteriaChanges(current, proposed);
    say(output, `Proposed changes to the org’s criteria:\n  ${formatChanges(changes)}`);
    const context = await driftContext(org, current);
    const fields = criteriaFields(describe, [...current.rules, ...proposed.rules]);
    const query = leadQuery(fields.keys(), options.where);
    const leads = await readLeads(org, query, options.where, options);
    say(
        output,
        `Leads: ${leads.total.toLocaleString('en-US')}${options.where ? ` where ${options.where}` : ''}, read with the ${leads.via}.`
    );

    await mkdir(options.out, { recursive: true });
    const files = {
        summary: path.join(options.out, 'summary.json'),
        leads: path.join(options.out, 'leads.csv'),
        drift: path.join(options.out, 'drift.csv'),
        report: path.join(options.out, 'report.html')
    };
    const leadLink = `${org.conn.instanceUrl.replace(/\/+$/, '')}/lightning/r/Lead/`;
    const simulation = new Simulation(current, proposed, context);
    const read = leadReader(leads.columns, fields);
    const leadsCsv = new CsvFile(files.leads, LEAD_COLUMNS);
    const driftCsv = new CsvFile(files.drift, DRIFT_COLUMNS);
    const progress = output.json ? undefined : progressBar(output, 'Leads', leads.total);
    let done = 0;
    try {
        for await (const row of leads.rows) {
            const lead = read(row);
            const outcome = simulation.add(lead);
            await leadsCsv.row(leadRow(lead, outcome));
            if (outcome.drift) {
                await driftCsv.row(driftRow(lead, outcome, `${leadLink}${lead.id}/view`));
            }
            progress?.update(++done);
        }
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    } finally {
        await leadsCsv.close();
        await driftCsv.close();
    }
    progress?.finish();
    const report = simulation.report();
    const summary: SimulationSummary = {
        ok: true,
        org: org.label,
        criteria: { folder: options.criteria, changes, currentVersion: current.version },
        leads: { total: report.leads, via: leads.via, where: options.where ?? null },
        report,
        files,
        apiCalls: org.apiCalls(),
        seconds: Math.round((performance.now() - started) / 100) / 10
    };
    await writeFile(files.summary, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
    await writeReportPage(
        files.report,
        {
            title: 'Baton criteria simulation',
            org: org.label,
            criteria: options.criteria,
            changes,
            via: leads.via,
            generatedAt: new Date().toISOString(),
            leadLink,
            report
        },
        SAMPLES_PER_TRANSITION
    );
    if (!output.json) {
        say(output, `\n${formatReport(report)}\n`);
        say(output, `Written: ${files.summary}, ${files.leads}, ${files.drift}, ${files.report}`);
        say(output, `API calls: ${summary.apiCalls}   time: ${summary.seconds.toFixed(1)} s`);
    }
    return summary;
}
