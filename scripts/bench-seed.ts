/**
 * Seeds 10,000 leads into the local org double and prints the API calls and the time, for a
 * plain seed, a rerun of it, and a seed with 90 days of history (conversions included).
 *
 *   npm run bench:seed [-- --count 10000]
 */
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { formatTable, type Output } from './lib/output.ts';
import { OrgDouble } from './org-double/server.ts';
import { seed, type SeedOptions } from './seed.ts';

const quiet: Output = {
    json: true,
    stdout: new Writable({
        write: (_chunk, _encoding, done) => {
            done();
        }
    }),
    stderr: new Writable({
        write: (_chunk, _encoding, done) => {
            done();
        }
    })
};

async function measure(label: string, double: OrgDouble, options: SeedOptions): Promise<string[]> {
    const before = double.requestCount;
    const report = await seed(
        { instanceUrl: double.url, accessToken: double.accessToken, label: 'org double', reauthenticate: '' },
        options,
        quiet
    );
    if (!report.ok) {
        throw new Error(
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
        String(report.apiCalls),
        String(double.requestCount - before),
        `${report.seconds.toFixed(1)} s`
    ];
}

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
const count = Number(values.count);
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
let double = await OrgDouble.start({ assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'] });
try {
    rows.push(await measure('seed', double, base));
    rows.push(await measure('seed again (no duplicates)', double, base));
} finally {
    await double.stop();
}
double = await OrgDouble.start({ assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'] });
try {
    rows.push(await measure('seed --history', double, { ...base, history: true }));
} finally {
    await double.stop();
}
console.log(formatTable(['run', 'leads', 'API calls (client)', 'requests (double)', 'time'], rows));
