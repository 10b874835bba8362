/**
 * The one-command demo, no org needed: starts the local org double (a test double of a
 * Salesforce sandbox built from this project's metadata, with three SDRs; no Apex runs in it),
 * seeds it with 90 days of history, verifies the lead conversion mapping, prints the funnel, the
 * round-robin shares, speed to lead, campaign attribution by model and return by campaign and Lead Source of the
 * seeded data, simulates the shipped stricter-fit
 * criteria against the seeded leads, stops the double.
 * `npm run demo -- --help` for the flags.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { integerFlag, runCommand, type CommandSpec } from './lib/cli.ts';
import { connect, type OrgAuth } from './lib/connection.ts';
import { formatAttribution, formatReturns, readAttribution } from './lib/attribution/report.ts';
import { formatFunnel, readFunnel } from './lib/funnel.ts';
import { formatFairness, readFairness } from './lib/routingFairness.ts';
import { formatSpeedToLead, readSpeedToLead } from './lib/speedToLead.ts';
import { quietOutput, say, type Output } from './lib/output.ts';
import { PROJECT_ROOT } from './lib/project.ts';
import { BULK_SET_SIZE, BULK_THRESHOLD } from './simulate.ts';
import { formatChanges, formatMatrix } from './simulate/outputs.ts';
import { simulate } from './simulate/run.ts';
import { seed } from './seed.ts';
import { verifyConversion } from './verify-conversion.ts';

export async function demo(count: number, output: Output): Promise<number> {
    // Loaded here, not at the top: --help and usage errors then answer at once.
    const { OrgDouble } = await import('./org-double/server.ts');
    const { SAMPLE_SDRS } = await import('./org-double/setup.ts');
    const double = await OrgDouble.start({
        isSandbox: true,
        assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'],
        colleagues: SAMPLE_SDRS
    });
    try {
        const auth: OrgAuth = {
            instanceUrl: double.url,
            accessToken: double.accessToken,
            label: `the local org double (${double.url})`,
            reauthenticate: 'Run the demo again.'
        };
        say(
            output,
            `Started the local org double at ${double.url} (a test double built from this project's metadata; no Apex runs in it).\n`
        );
        const seeded = await seed(
            auth,
            {
                count,
                history: true,
                reset: false,
                dryRun: false,
                allowProduction: false,
                pollInterval: 10,
                now: new Date()
            },
            output
        );
        // As docs/consultant.md says after a history seed: the bypass goes, so Baton's trigger runs on conversion.
        double.unassignPermissionSet('Baton_Bypass_Automation');
        say(output, '\nRemoved the Baton_Bypass_Automation assignment the history seed needed.\n');
        const verified = await verifyConversion(auth, { keep: false, allowProduction: false }, output);
        const org = await connect(auth);
        say(output, `\nFunnel of the seeded leads (cohort: leads that became MQL in the last 90 days)\n`);
        say(output, formatFunnel(await readFunnel(org)));
        say(
            output,
            "\nRound robin of the seeded MQLs (the seed drew each lead's rep at random by weight, as no Apex runs here; Baton's own round robin takes exact turns, proven by its Apex tests)\n"
        );
        say(output, formatFairness(await readFairness(org)));
        say(
            output,
            '\nSpeed to lead of the seeded MQLs (business minutes from the handoff to the first logged call, email or meeting, as the seed wrote them)\n'
        );
        say(output, formatSpeedToLead(await readSpeedToLead(org)));
        const attribution = await readAttribution(org);
        say(
            output,
            `\nWon revenue of the ${attribution.deals} seeded opportunities credited to campaigns under each model (computed here in TypeScript from the seeded records with the engine held to the Apex job's vectors; in an org the nightly job writes these credits for the revenue panel)\n`
        );
        say(output, formatAttribution(attribution));
        say(
            output,
            "\nReturn by campaign (position-based credits against each campaign's Actual Cost) and revenue by Lead Source\n"
        );
        say(output, formatReturns(attribution));
        await simulateStricterFit(auth, output);
        say(output, `\nThe org double served ${double.requestCount} API requests.`);
        return seeded.ok && verified.ok ? 0 : 1;
    } finally {
        await double.stop();
    }
}

/** What the shipped alternative criteria (a stricter fit threshold) would do to the seeded leads. */
async function simulateStricterFit(auth: OrgAuth, output: Output): Promise<void> {
    const criteria = path.relative(process.cwd(), path.join(PROJECT_ROOT, 'examples', 'criteria', 'stricter-fit'));
    say(output, `\nWhat if the fit threshold were stricter? npm run simulate -- --criteria ${criteria} (read-only)\n`);
    const out = await mkdtemp(path.join(tmpdir(), 'baton-demo-simulation-'));
    const summary = await simulate(
        auth,
        {
            criteria,
            where: undefined,
            out,
            bulkThreshold: BULK_THRESHOLD,
            maxRecords: BULK_SET_SIZE,
            pollInterval: 10,
            pollTimeout: 60_000
        },
        quietOutput()
    );
    say(
        output,
        `${formatChanges(summary.criteria.changes)}\n\n${formatMatrix(summary.report)}\n\nThe whole report: ${summary.files.report}`
    );
}

/** The largest demo: the double and the scripts share one process (50,000 is the size tested). */
export const MAX_DEMO_COUNT = 50_000;

const DEMO = {
    command: 'npm run demo --',
    summary:
        "Runs Baton's consultant scripts end to end without an org: starts the local org double, seeds it with 90 days of history, verifies the lead conversion mapping, prints the funnel, round-robin shares, speed to lead, attribution by model and return by source, simulates a stricter fit threshold on the seeded leads, stops the double.",
    usage: ['[--count <n>]'],
    flags: {
        count: {
            type: 'string',
            value: '<n>',
            defaultLabel: '400',
            description: `Leads to seed, 1 to ${MAX_DEMO_COUNT.toLocaleString('en-US')}.`
        }
    },
    examples: ['npm run demo', 'npm run demo -- --count 5000'],
    notes: [
        'To try the commands one by one against the double instead, start it with npm run double.',
        'Exit code: 0 every step passed, 1 a step failed, 2 usage error.'
    ]
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        DEMO,
        argv,
        (values, out) =>
            demo(
                values.count === undefined ? 400 : integerFlag('count', values.count, { min: 1, max: MAX_DEMO_COUNT }),
                out
            ),
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
