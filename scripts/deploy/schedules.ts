/**
 * Baton's two scheduled jobs, under fixed names so that scheduling is idempotent: a job whose name
 * already has a CronTrigger is left as it is (System.schedule refuses a second job of the same
 * name). The Apex that schedules them is the contract with the Apex classes: LeadSlaMonitor names
 * its job `Baton SLA monitor <cron expression>`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ScriptError } from '../lib/errors.ts';
import { query, soqlString, type OrgCalls } from './orgCalls.ts';

export interface ScheduledJob {
    label: string;
    /** CronJobDetail.Name of the job. */
    name: string;
    when: string;
    /** Anonymous Apex that schedules it. */
    apex: string;
}

const SLA_CRON = '0 0 * * * ?';
const ROLLUP_CRON = '0 0 2 * * ?';

const SLA_JOB: ScheduledJob = {
    label: 'SLA monitor',
    name: `Baton SLA monitor ${SLA_CRON}`,
    when: 'every hour, on the hour',
    apex: `LeadSlaMonitor.schedule('${SLA_CRON}');`
};

/** Incremental: each night recomputes the days whose records changed (the first run, the last 180 days). */
export const ROLLUP_JOB: ScheduledJob = {
    label: 'Funnel rollup',
    name: 'Baton funnel rollup',
    when: 'every night at 02:00',
    apex: `System.schedule('Baton funnel rollup', '${ROLLUP_CRON}', new LeadFunnelRollupBatch());`
};

export const JOBS: ScheduledJob[] = [SLA_JOB, ROLLUP_JOB];

export interface JobState {
    job: ScheduledJob;
    /** The CronTrigger's state and next run when the job exists. */
    existing?: { state: string; nextFireTime: string | null };
}

export async function readJobStates(org: OrgCalls): Promise<JobState[]> {
    const rows = await query<{ CronJobDetail: { Name: string }; State: string; NextFireTime: string | null }>(
        org,
        'SELECT CronJobDetail.Name, State, NextFireTime FROM CronTrigger ' +
            `WHERE CronJobDetail.Name IN (${JOBS.map(({ name }) => soqlString(name)).join(', ')})`,
        'Reading scheduled jobs'
    );
    return JOBS.map((job) => {
        const row = rows.find(({ CronJobDetail }) => CronJobDetail.Name === job.name);
        return row ? { job, existing: { state: row.State, nextFireTime: row.NextFireTime } } : { job };
    });
}

/** Schedules the jobs that do not exist yet, in one anonymous Apex run. */
export async function scheduleMissing(org: OrgCalls, states: JobState[]): Promise<ScheduledJob[]> {
    const missing = states.filter(({ existing }) => !existing).map(({ job }) => job);
    if (missing.length === 0) {
        return [];
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'baton-schedule-'));
    try {
        const file = path.join(dir, 'schedule.apex');
        await writeFile(file, `${missing.map(({ apex }) => apex).join('\n')}\n`);
        const output = await org.sf(['apex', 'run', '--file', file, '--target-org', org.targetOrg]);
        if (output.status !== 0) {
            const data = output.data as { compileProblem?: string; exceptionMessage?: string } | undefined;
            const reason = data?.exceptionMessage ?? data?.compileProblem ?? output.message ?? 'no reason given';
            throw new ScriptError(
                `Scheduling ${missing.map(({ label }) => label).join(' and ')} failed: ${reason.replace(/\s+/g, ' ').trim()}`,
                'The deploy itself succeeded; see the jobs in Setup → Scheduled Jobs and run the same command again once fixed.'
            );
        }
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
    return missing;
}
