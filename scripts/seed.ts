/**
 * Seeds a Salesforce org with realistic Baton data, or removes it (`--reset`); `--dry-run` shows
 * what either would do and writes nothing. `npm run seed -- --help` for every flag.
 */
import { connect, resolveAuth, type OrgAuth } from './lib/connection.ts';
import { integerFlag, runCommand, TARGET_ORG_FLAG, UsageError, type CommandSpec } from './lib/cli.ts';
import { finishReport, formatTable, say, type Output } from './lib/output.ts';
import { buildPlan, IDENTITIES, type SeedPlan } from './seed/plan.ts';
import { readSeedConfig } from './seed/policies.ts';
import { planReset, runReset, type ResetStep } from './seed/reset.ts';
import { runSeed, type SeedPeople, type SeedRunResult } from './seed/run.ts';

export interface SeedOptions {
    count: number;
    history: boolean;
    reset: boolean;
    dryRun: boolean;
    allowProduction: boolean;
    /** Milliseconds between Bulk API job status checks. */
    pollInterval: number;
    now: Date;
}

export interface SeedReport extends SeedRunResult {
    ok: boolean;
    mode: 'seed' | 'reset';
    org: string;
    apiCalls: number;
    seconds: number;
}

export const DEFAULT_COUNT = 200;
/**
 * The largest --count: the plan has this many different people (look-alike leads would make the
 * standard duplicate rules block their conversions). Their leads also fit one Bulk API 2.0 upload
 * (at most 100 MB; a seeded lead is about 280 bytes of CSV).
 */
export const MAX_COUNT = IDENTITIES;

const SEED = {
    command: 'npm run seed --',
    summary:
        'Seeds an org with realistic Baton data (campaigns, leads in all four fit × sales-ready quadrants, campaign memberships; with --history 90 days of stages, SLA clocks and conversions), or removes it with --reset.',
    usage: [
        '--target-org <alias> [--count <n>] [--history] [--dry-run] [--json] [--allow-production]',
        '--target-org <alias> --reset [--dry-run] [--json] [--allow-production]',
        '--dry-run [--count <n>] [--history]'
    ],
    flags: {
        'target-org': TARGET_ORG_FLAG,
        count: {
            type: 'string',
            value: '<n>',
            defaultLabel: String(DEFAULT_COUNT),
            description: `Leads to seed, 1 to ${MAX_COUNT.toLocaleString('en-US')}.`
        },
        history: {
            type: 'boolean',
            description:
                'Also write 90 days of history: backdated stages, SLA clocks, conversions (needs the Baton_Bypass_Automation permission set).'
        },
        reset: {
            type: 'boolean',
            description:
                'Delete what seeding created: records with a seed key, and the accounts, contacts and opportunities their conversions made.'
        },
        'dry-run': {
            type: 'boolean',
            description:
                'Write nothing: print the seed plan (no org needed), or with --reset what would be deleted (read-only queries).'
        },
        json: { type: 'boolean', description: 'Print the result as JSON on stdout (progress goes to stderr).' },
        'allow-production': { type: 'boolean', description: 'Allow a production org (refused otherwise).' },
        'poll-interval': {
            type: 'string',
            value: '<ms>',
            defaultLabel: '2000',
            description: 'Milliseconds between Bulk API job status checks, 1 to 60,000.'
        }
    },
    examples: [
        'npm run seed -- --target-org uat --count 500 --history',
        'npm run seed -- --dry-run --count 10000 --history',
        'npm run seed -- --target-org uat --reset --dry-run',
        'npm run -s seed -- --target-org uat --json > seed.json'
    ],
    notes: [
        `Memory: --count ${MAX_COUNT.toLocaleString('en-US')} --history plans in about 130 MB; the process peaks near 1.1 GB while it uploads and reads back results.`,
        'JSON: run npm with -s (npm run -s seed -- … --json): without it npm prints its own "> baton@… seed" banner on stdout first.',
        'Exit code: 0 done, 1 failed (records that failed are listed), 2 usage error.'
    ]
} as const satisfies CommandSpec;

type SeedConfig = Awaited<ReturnType<typeof readSeedConfig>>;

function planFor(options: SeedOptions, config: SeedConfig, people?: SeedPeople): SeedPlan {
    return buildPlan({
        count: options.count,
        history: options.history,
        now: options.now,
        ...config,
        ...(people ? { userId: people.userId, reps: people.reps } : {})
    });
}

export function describePlan(plan: SeedPlan): string {
    const rows = [
        ['Campaign', String(plan.campaigns.length), 'upsert on Baton_Seed_Key__c'],
        ['Lead', String(plan.leads.length), 'upsert on Baton_Seed_Key__c'],
        ['CampaignMember', String(plan.members.length), 'insert the ones not there yet'],
        ['Lead_SLA__c', String(plan.slas.length), 'upsert on Baton_Seed_Key__c'],
        ...(plan.slas.length > 0
            ? [
                  [
                      'Lead_Routing_Member__c',
                      plan.routingMembers.length > 0 ? String(plan.routingMembers.length) : 'one per rep',
                      'upsert on Baton_Seed_Key__c (reps: active users with Baton_SDR, else you)'
                  ]
              ]
            : []),
        ['Lead conversion', String(plan.conversions.length), 'convertLead, then opportunity stage']
    ];
    const quadrants = Object.entries(plan.quadrants)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ');
    const stages = Object.entries(plan.stages)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ');
    return [
        formatTable(['object', 'records', 'how'], rows),
        `quadrants: ${quadrants}`,
        ...(stages ? [`stages: ${stages}`] : [])
    ].join('\n');
}

function summaryTable(report: SeedReport): string {
    const rows = report.objects.map((item) => [
        item.object,
        String(item.written),
        String(item.skipped),
        String(item.failed)
    ]);
    return [
        formatTable(['object', report.mode === 'reset' ? 'deleted' : 'written', 'skipped', 'failed'], rows),
        `API calls: ${report.apiCalls}${report.lockRetries.calls > 0 ? ` (${report.lockRetries.calls} of them resent ${report.lockRetries.rows} rows Bulk API could not lock)` : ''}   time: ${report.seconds.toFixed(1)} s`
    ].join('\n');
}

/** Runs a seed or reset against an org; prints progress and the summary; returns the report. */
export async function seed(auth: OrgAuth, options: SeedOptions, output: Output): Promise<SeedReport> {
    const started = performance.now();
    const config = await readSeedConfig();
    const org = await connect(auth);
    say(output, `${options.reset ? 'Removing seeded data from' : 'Seeding'} ${org.label}`);
    const result = options.reset
        ? await runReset(org, options, output)
        : await runSeed(org, (people) => planFor(options, config, people), options.history, options, output);
    const report: SeedReport = {
        ok: result.failures.length === 0,
        mode: options.reset ? 'reset' : 'seed',
        org: org.label,
        ...result,
        apiCalls: org.apiCalls(),
        seconds: (performance.now() - started) / 1000
    };
    say(output, summaryTable(report));
    for (const note of report.notes) {
        say(output, `  note: ${note}`);
    }
    for (const failure of report.failures.slice(0, 10)) {
        say(output, `  ✗ ${failure.object} ${failure.key}: ${failure.error}`);
    }
    if (report.failures.length > 10) {
        say(output, `  … and ${report.failures.length - 10} more failures`);
    }
    return report;
}

function resetTable(steps: ResetStep[]): string {
    return formatTable(
        ['object', 'records'],
        steps.map((step) => [step.object, String(step.records.length)])
    );
}

/** `--reset --dry-run`: what reset would delete, by object, from read-only queries. */
async function resetDryRun(auth: OrgAuth, allowProduction: boolean, output: Output): Promise<number> {
    const org = await connect(auth);
    say(output, `Dry run: nothing is deleted. Reset would delete from ${org.label}:`);
    const steps = await planReset(org, { allowProduction });
    if (output.json) {
        const objects = steps.map((step) => ({ object: step.object, records: step.records.length }));
        output.stdout.write(
            `${JSON.stringify({ ok: true, mode: 'reset-dry-run', org: org.label, objects, apiCalls: org.apiCalls() }, null, 2)}\n`
        );
    } else {
        say(output, resetTable(steps));
        say(output, `API calls: ${org.apiCalls()} (read-only)`);
    }
    return 0;
}

function seedDryRun(plan: SeedPlan, output: Output): number {
    if (output.json) {
        output.stdout.write(
            `${JSON.stringify({ ok: true, mode: 'dry-run', quadrants: plan.quadrants, stages: plan.stages, records: { Campaign: plan.campaigns.length, Lead: plan.leads.length, CampaignMember: plan.members.length, Lead_SLA__c: plan.slas.length, conversions: plan.conversions.length } }, null, 2)}\n`
        );
    } else {
        say(output, `Dry run: nothing is written.\n${describePlan(plan)}`);
    }
    return 0;
}

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        SEED,
        argv,
        async (values, out) => {
            if (values.reset && (values.count !== undefined || values.history)) {
                throw new UsageError('--reset deletes every seeded record: --count and --history do not apply');
            }
            const options: SeedOptions = {
                count:
                    values.count === undefined
                        ? DEFAULT_COUNT
                        : integerFlag('count', values.count, { min: 1, max: MAX_COUNT }),
                history: values.history,
                reset: values.reset,
                dryRun: values['dry-run'],
                allowProduction: values['allow-production'],
                pollInterval:
                    values['poll-interval'] === undefined
                        ? 2000
                        : integerFlag('poll-interval', values['poll-interval'], { min: 1, max: 60_000 }),
                now: new Date()
            };
            if (options.dryRun && !options.reset) {
                return seedDryRun(planFor(options, await readSeedConfig()), out);
            }
            const auth = await resolveAuth(values['target-org']);
            if (options.dryRun) {
                return resetDryRun(auth, options.allowProduction, out);
            }
            return finishReport(out, await seed(auth, options, out));
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
