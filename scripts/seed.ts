/**
 * Seeds a Salesforce org with realistic Baton data, or removes it.
 *
 *   npm run seed -- --target-org <alias> [--count 200] [--history] [--dry-run] [--json] [--allow-production]
 *   npm run seed -- --target-org <alias> --reset
 *
 * Without --target-org, SF_INSTANCE_URL and SF_ACCESS_TOKEN name the org (CI).
 */
import { parseArgs } from 'node:util';
import { connect, resolveAuth, type OrgAuth } from './lib/connection.ts';
import { ScriptError } from './lib/errors.ts';
import { consoleOutput, finishReport, formatTable, reportFailure, say, type Output } from './lib/output.ts';
import { buildPlan, type SeedPlan } from './seed/plan.ts';
import { readSeedConfig } from './seed/policies.ts';
import { runReset } from './seed/reset.ts';
import { runSeed, type SeedRunResult } from './seed/run.ts';

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

export function parseSeedArgs(args: string[]): { targetOrg: string | undefined; json: boolean; options: SeedOptions } {
    const { values } = parseArgs({
        args,
        options: {
            'target-org': { type: 'string', short: 'o' },
            count: { type: 'string', default: String(DEFAULT_COUNT) },
            history: { type: 'boolean', default: false },
            reset: { type: 'boolean', default: false },
            'dry-run': { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            'allow-production': { type: 'boolean', default: false },
            'poll-interval': { type: 'string', default: '2000' }
        }
    });
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > 100_000) {
        throw new ScriptError(`--count must be a whole number from 1 to 100000 (got ${values.count}).`);
    }
    return {
        targetOrg: values['target-org'],
        json: values.json,
        options: {
            count,
            history: values.history,
            reset: values.reset,
            dryRun: values['dry-run'],
            allowProduction: values['allow-production'],
            pollInterval: Number(values['poll-interval']),
            now: new Date()
        }
    };
}

type SeedConfig = Awaited<ReturnType<typeof readSeedConfig>>;

function planFor(options: SeedOptions, config: SeedConfig, userId?: string): SeedPlan {
    return buildPlan({
        count: options.count,
        history: options.history,
        now: options.now,
        ...config,
        ...(userId ? { userId } : {})
    });
}

export function describePlan(plan: SeedPlan): string {
    const rows = [
        ['Campaign', String(plan.campaigns.length), 'upsert on Baton_Seed_Key__c'],
        ['Lead', String(plan.leads.length), 'upsert on Baton_Seed_Key__c'],
        ['CampaignMember', String(plan.members.length), 'insert the ones not there yet'],
        ['Lead_SLA__c', String(plan.slas.length), 'upsert on Baton_Seed_Key__c'],
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
        : await runSeed(org, (userId) => planFor(options, config, userId), options.history, options, output);
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

export async function main(args: string[], output?: Output): Promise<number> {
    let out = output ?? consoleOutput(args.includes('--json'));
    try {
        const { targetOrg, json, options } = parseSeedArgs(args);
        out = output ?? consoleOutput(json);
        if (options.dryRun) {
            const plan = planFor(options, await readSeedConfig());
            if (out.json) {
                out.stdout.write(
                    `${JSON.stringify({ ok: true, mode: 'dry-run', quadrants: plan.quadrants, stages: plan.stages, records: { Campaign: plan.campaigns.length, Lead: plan.leads.length, CampaignMember: plan.members.length, Lead_SLA__c: plan.slas.length, conversions: plan.conversions.length } }, null, 2)}\n`
                );
            } else {
                say(out, `Dry run: nothing is written.\n${describePlan(plan)}`);
            }
            return 0;
        }
        return finishReport(out, await seed(await resolveAuth(targetOrg), options, out));
    } catch (error) {
        reportFailure(out, error);
        return 1;
    }
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
