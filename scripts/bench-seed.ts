/**
 * Seeds 10,000 leads into the local org double and prints the API calls and the time, for a
 * plain seed, a rerun of it, a seed with 90 days of history (conversions included), and a plain
 * seed with Bulk API row locks simulated (the calls that wrote locked rows again counted apart).
 * `npm run bench:seed -- --help` for the flags.
 */
import { integerFlag, runCommand, type CommandSpec } from './lib/cli.ts';
import { ScriptError } from './lib/errors.ts';
import { formatTable, quietOutput, type Output } from './lib/output.ts';
import type { RowLockSimulation } from './org-double/bulk.ts';
import type { OrgDouble } from './org-double/server.ts';
import { MAX_DEMO_COUNT } from './demo.ts';
import { seed, type SeedOptions } from './seed.ts';

async function measure(label: string, double: OrgDouble, options: SeedOptions): Promise<string[]> {
    const before = double.requestCount;
    const report = await seed(
        { instanceUrl: double.url, accessToken: double.accessToken, label: 'org double', reauthenticate: '' },
        options,
        quietOutput()
    );
    if (!report.ok) {
        throw new ScriptError(
            `${label} failed: ${report.failures
                .slice(0, 3)
                .map((failure) => failure.error)
                .join('; ')}`
        );
    }
    const leads = report.objects.find((item) => item.object === 'Lead');
    return [
        label,
        String((leads?.written ?? 0) + (leads?.skipped ?? 0)),
        String(report.apiCalls - report.lockRetries.calls),
        `${report.lockRetries.calls} (${report.lockRetries.rows} rows)`,
        String(double.requestCount - before),
        `${report.seconds.toFixed(1)} s`
    ];
}

/** Runs `work` against a fresh org double. */
async function withDouble<T>(
    rowLocks: RowLockSimulation | undefined,
    work: (double: OrgDouble) => Promise<T>
): Promise<T> {
    // Loaded here, not at the top: --help and usage errors then answer at once.
    const { OrgDouble } = await import('./org-double/server.ts');
    const double = await OrgDouble.start({
        assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'],
        ...(rowLocks ? { rowLocks } : {})
    });
    try {
        return await work(double);
    } finally {
        await double.stop();
    }
}

async function bench(count: number, output: Output): Promise<number> {
    const base: SeedOptions = {
        count,
        history: false,
        reset: false,
        dryRun: false,
        allowProduction: false,
        pollInterval: 10,
        now: new Date()
    };
    const rows: string[][] = [];
    await withDouble(undefined, async (double) => {
        rows.push(await measure('seed', double, base));
        rows.push(await measure('seed again (no duplicates)', double, base));
    });
    await withDouble(undefined, async (double) => {
        rows.push(await measure('seed --history', double, { ...base, history: true }));
    });
    // One row in five whose parent spans Bulk API 2.0's internal batches of 10,000 fails to lock.
    await withDouble({ seed: 1, rate: 0.2 }, async (double) => {
        rows.push(await measure('seed, row locks simulated', double, base));
    });
    output.stdout.write(
        `${formatTable(['run', 'leads', 'API calls (client)', 'lock retry calls', 'requests (double)', 'time'], rows)}\n`
    );
    return 0;
}

const BENCH = {
    command: 'npm run bench:seed --',
    summary:
        'Measures the seed against the local org double: API calls and time for a seed, a rerun of it (no duplicates), a seed with --history, and a seed with Bulk API row locks simulated.',
    usage: ['[--count <n>]'],
    flags: {
        count: {
            type: 'string',
            value: '<n>',
            defaultLabel: '10000',
            description: `Leads to seed, 1 to ${MAX_DEMO_COUNT.toLocaleString('en-US')} (the double runs in this process).`
        }
    },
    examples: ['npm run bench:seed', 'npm run bench:seed -- --count 50000'],
    notes: ['Exit code: 0 measured, 1 a seed failed, 2 usage error.']
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        BENCH,
        argv,
        (values, out) =>
            bench(
                values.count === undefined
                    ? 10_000
                    : integerFlag('count', values.count, { min: 1, max: MAX_DEMO_COUNT }),
                out
            ),
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
