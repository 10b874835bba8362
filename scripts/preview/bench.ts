/**
 * `npm run bench:ui`: how long the first page of a 2,000-lead queue (pages of 50 and of 200) and the funnel take
 * to paint in Debian's Chromium, production build. Fresh: from navigation to the frame after the state appeared
 * (the page loads, compiles and renders). Warm: the component mounted again in the loaded page, from mount to
 * that frame. Prints medians; it is a measurement, not a test.
 */
import { formatTable, say, type Output } from '../lib/output.ts';
import { integerFlag, runCommand, type CommandSpec } from '../lib/cli.ts';
import { buildPreview } from './build.ts';
import { launchChromium } from './chromium.ts';
import { WIDE, openState, waitForState } from './page.ts';
import { servePreview } from './server.ts';

interface Case {
    label: string;
    stateId: string;
    query: Record<string, string>;
}

const CASES: Case[] = [
    { label: 'Queue, 2,000 waiting, first page of 50', stateId: 'queue-deep', query: { pageSize: '50' } },
    { label: 'Queue, 2,000 waiting, first page of 200', stateId: 'queue-deep', query: { pageSize: '200' } },
    { label: 'Funnel, live, 30 days', stateId: 'funnel-live', query: {} }
];

/** The goal of issue 16: the first page of 50 paints in under 150 ms (median) on a 2-core machine. */
const GOAL_MS = 150;

const BENCH = {
    command: 'npm run bench:ui --',
    summary: 'Measures how fast the queue and the funnel paint in Chromium (median of several runs).',
    usage: ['[--runs <n>]'],
    flags: {
        runs: { type: 'string', value: '<n>', default: '7', description: 'Runs per case, fresh and warm each.' }
    },
    examples: ['npm run bench:ui', 'npm run bench:ui -- --runs 15'],
    notes: ['Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH). Other work on the machine slows every figure.']
} as const satisfies CommandSpec;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const at = (index: number): number => sorted[index] ?? Number.NaN;
    return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

function describe(values: number[]): string {
    return `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
}

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        BENCH,
        argv,
        async (values, out) => {
            const runs = integerFlag('runs', values.runs, { min: 1, max: 100 });
            const bundle = await buildPreview('production');
            const server = await servePreview(bundle);
            const browser = await launchChromium();
            try {
                const rows: string[][] = [];
                let goalMedian = Number.NaN;
                for (const benchCase of CASES) {
                    const fresh: number[] = [];
                    const warm: number[] = [];
                    for (let run = 0; run < runs; run++) {
                        // Runs are sequential on purpose: each one measures a page alone.
                        const opened = await openState(browser, server.url, benchCase.stateId, WIDE, benchCase.query);
                        fresh.push(opened.timing.paintedAt);
                        await opened.page.evaluate((id) => window.batonPreview.show(id), benchCase.stateId);
                        const timing = await waitForState(opened.page, benchCase.stateId);
                        warm.push(timing.paintedAt - timing.mountedAt);
                        await opened.page.close();
                    }
                    if (benchCase === CASES[0]) {
                        goalMedian = median(warm);
                    }
                    rows.push([benchCase.label, describe(fresh), describe(warm)]);
                }
                say(
                    out,
                    `Median time to first paint over ${runs} runs (min–max), production build, Chromium ${browser.version()}`
                );
                say(out, '');
                say(out, formatTable(['Case', 'Fresh page load', 'Warm (mounted again)'], rows));
                say(out, '');
                say(
                    out,
                    `Goal: first page of 50 in under ${GOAL_MS} ms (warm median): ${goalMedian.toFixed(0)} ms, ${goalMedian < GOAL_MS ? 'met' : 'not met'}.`
                );
                say(out, `Build: ${(bundle.milliseconds / 1000).toFixed(1)} s.`);
                return 0;
            } finally {
                await browser.close();
                await server.close();
            }
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
