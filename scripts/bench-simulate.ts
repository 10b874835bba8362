/**
 * Runs a full simulation of the shipped stricter-fit criteria against an org double holding 1,000,000
 * leads (by default) and prints the API calls, the wall time and the peak memory of the simulation, and
 * the double's memory. The double runs in a process of its own (scripts/bench/doubleWithLeads.ts) with its
 * leads loaded straight into its store; the simulation runs in this process, so this process's peak
 * resident memory is the simulation's. `npm run bench:simulate -- --help` for the flags.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DoubleStats, LoadedDouble } from './bench/doubleWithLeads.ts';
import { integerFlag, runCommand, type CommandSpec } from './lib/cli.ts';
import { formatTable, quietOutput, type Output } from './lib/output.ts';
import { PROJECT_ROOT } from './lib/project.ts';
import { BULK_SET_SIZE, BULK_THRESHOLD } from './simulate.ts';
import { simulate } from './simulate/run.ts';

const CRITERIA = path.join(PROJECT_ROOT, 'examples', 'criteria', 'stricter-fit');
const MAX_COUNT = 2_000_000;

const count = (value: number): string => value.toLocaleString('en-US');

async function bench(leads: number, output: Output): Promise<number> {
    const child = fork(path.join(PROJECT_ROOT, 'scripts', 'bench', 'doubleWithLeads.ts'), [], {
        execArgv: ['--expose-gc', '--max-old-space-size=8192'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    });
    const next = async <T>(type: string): Promise<T> => {
        for (;;) {
            const [message] = (await once(child, 'message')) as [{ type: string }];
            if (message.type === type) {
                return message as T;
            }
        }
    };
    const out = await mkdtemp(path.join(tmpdir(), 'baton-bench-simulate-'));
    try {
        output.stderr.write(`Loading ${count(leads)} leads into the org double's store…\n`);
        child.send({ type: 'load', count: leads });
        const double = await next<LoadedDouble>('loaded');
        output.stderr.write(`Loaded in ${double.seconds.toFixed(1)} s; simulating…\n`);
        const before = (child.send({ type: 'stats' }), await next<DoubleStats>('stats')).requests;
        const started = performance.now();
        const summary = await simulate(
            {
                instanceUrl: double.url,
                accessToken: double.accessToken,
                label: 'the org double',
                reauthenticate: ''
            },
            {
                criteria: path.relative(process.cwd(), CRITERIA),
                where: undefined,
                out,
                bulkThreshold: BULK_THRESHOLD,
                maxRecords: BULK_SET_SIZE,
                pollInterval: 200,
                pollTimeout: 10 * 60_000
            },
            quietOutput()
        );
        const seconds = (performance.now() - started) / 1000;
        child.send({ type: 'stats' });
        const after = await next<DoubleStats>('stats');
        const size = async (file: string): Promise<string> =>
            `${((await stat(file)).size / 1024 / 1024).toFixed(0)} MB`;
        const rows = [
            [
                'leads',
                count(summary.report.leads),
                `read with the ${summary.leads.via}, sets of ${count(BULK_SET_SIZE)}`
            ],
            ['API calls (client)', String(summary.apiCalls), 'requests the simulation sent'],
            ['requests (double)', String(after.requests - before), 'requests the double served meanwhile'],
            ['wall time', `${seconds.toFixed(1)} s`, `${count(Math.round(summary.report.leads / seconds))} leads/s`],
            [
                'peak RSS, simulation',
                `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
                'this process, which ran the simulation'
            ],
            [
                'RSS, double',
                `${double.rssMb} MB`,
                `after the load (heap ${double.heapMb} MB); peak ${after.maxRssMb} MB`
            ],
            ['leads.csv', await size(summary.files.leads), 'written as the leads streamed past'],
            [
                'MQL',
                `${count(summary.report.gates[0]?.current ?? 0)} → ${count(summary.report.gates[0]?.proposed ?? 0)}`,
                'current → proposed (examples/criteria/stricter-fit)'
            ]
        ];
        output.stdout.write(`${formatTable(['measure', 'value', 'note'], rows)}\n`);
        return 0;
    } finally {
        child.send({ type: 'stop' });
        await once(child, 'exit');
        await rm(out, { recursive: true, force: true });
    }
}

const BENCH = {
    command: 'npm run bench:simulate --',
    summary:
        'Measures a full simulation against the local org double: API calls, wall time and peak memory for 1,000,000 leads (the goal: ≤ 2 minutes and ≤ 1 GB on 2 cores).',
    usage: ['[--count <n>]'],
    flags: {
        count: {
            type: 'string',
            value: '<n>',
            defaultLabel: '1000000',
            description: `Leads loaded into the double, 1 to ${count(MAX_COUNT)}.`
        }
    },
    examples: ['npm run bench:simulate', 'npm run bench:simulate -- --count 100000'],
    notes: [
        'The double runs in a process of its own and gets its leads straight into its store, not through the API; it needs about 1.2 GB of memory for a million leads.',
        'Exit code: 0 measured, 1 failed, 2 usage error.'
    ]
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        BENCH,
        argv,
        (values, out) =>
            bench(
                values.count === undefined ? 1_000_000 : integerFlag('count', values.count, { min: 1, max: MAX_COUNT }),
                out
            ),
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
