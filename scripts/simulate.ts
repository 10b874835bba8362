/**
 * What-if simulator and drift report: every lead of an org through the org's current criteria and a
 * proposed set (a folder of custom metadata records, by default the project's force-app), read-only.
 * `npm run simulate -- --help` for the flags; scripts/simulate/ holds the parts.
 */
import path from 'node:path';
import { runCommand, TARGET_ORG_FLAG, type CommandSpec } from './lib/cli.ts';
import { resolveAuth, type OrgAuth } from './lib/connection.ts';
import type { Output } from './lib/output.ts';
import { PROJECT_ROOT } from './lib/project.ts';
import { defaultOutFolder, simulate, type SimulateOptions } from './simulate/run.ts';

/** From this many leads on, Bulk API 2.0 query reads them; REST query below. */
export const BULK_THRESHOLD = 10_000;
/** Records per set of Bulk API 2.0 query results. */
export const BULK_SET_SIZE = 100_000;

const SIMULATE = {
    command: 'npm run simulate --',
    summary:
        'Shows what a criteria change does to the org’s own leads before it is deployed, and which leads drifted from the current criteria. Reads only; writes nothing to the org.',
    usage: ['--target-org <alias> [--criteria <folder>] [--where "<SOQL condition>"] [--out <folder>] [--json]'],
    flags: {
        'target-org': TARGET_ORG_FLAG,
        criteria: {
            type: 'string',
            value: '<folder>',
            defaultLabel: 'force-app',
            description:
                'Folder of proposed Lead_Stage_Criterion / Lead_Handoff_Setting records (.md-meta.xml). They replace the org’s records of the same name, as a deploy would.'
        },
        where: {
            type: 'string',
            value: '"<SOQL condition>"',
            description: 'Simulate only the leads matching this SOQL condition (without WHERE).'
        },
        out: {
            type: 'string',
            value: '<folder>',
            defaultLabel: 'simulations/<date-time>',
            description: 'Folder for summary.json, leads.csv, drift.csv and report.html.'
        },
        json: { type: 'boolean', description: 'Print summary.json on stdout (no progress bar).' }
    },
    examples: [
        'npm run simulate -- --target-org uat',
        'npm run simulate -- --target-org uat --criteria examples/criteria/stricter-fit',
        'npm run simulate -- --target-org uat --where "CreatedDate = LAST_N_DAYS:90" --out sim-90-days',
        'npm run -s simulate -- --target-org uat --json > summary.json'
    ],
    notes: [
        'Before anything is read from the org, the proposed records pass the deploy-readiness gate’s checks of custom metadata (npm run validate): a record with problems stops the command.',
        `Leads are read with Bulk API 2.0 query from ${BULK_THRESHOLD.toLocaleString('en-US')} leads on (sets of ${BULK_SET_SIZE.toLocaleString('en-US')}), with REST query below. Memory does not grow with the number of leads.`,
        'JSON: run npm with -s (npm run -s simulate -- … --json): without it npm prints its own banner on stdout first.',
        'Exit code: 0 simulated, 1 failed or the proposed records were refused, 2 usage error.'
    ]
} as const satisfies CommandSpec;

export async function runSimulation(auth: OrgAuth, options: SimulateOptions, output: Output): Promise<number> {
    const summary = await simulate(auth, options, output);
    if (output.json) {
        output.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    }
    return 0;
}

export async function main(argv: string[], output?: Output, now: Date = new Date()): Promise<number> {
    return runCommand(
        SIMULATE,
        argv,
        async (values, out) =>
            runSimulation(
                await resolveAuth(values['target-org']),
                {
                    criteria: values.criteria ?? path.relative(process.cwd(), path.join(PROJECT_ROOT, 'force-app')),
                    where: values.where,
                    out: values.out ?? defaultOutFolder(now),
                    bulkThreshold: BULK_THRESHOLD,
                    maxRecords: BULK_SET_SIZE,
                    pollInterval: 500,
                    pollTimeout: 30 * 60_000
                },
                out
            ),
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
