/**
 * The one-command demo, no org needed: starts the local org double (a test double of a
 * Salesforce sandbox built from this project's metadata; no Apex runs in it), seeds it with
 * 90 days of history, verifies the lead conversion mapping, prints the funnel, stops the double.
 *
 *   npm run demo [-- --count 400]
 */
import { parseArgs } from 'node:util';
import { connect, type OrgAuth } from './lib/connection.ts';
import { ScriptError } from './lib/errors.ts';
import { formatFunnel, readFunnel } from './lib/funnel.ts';
import { consoleOutput, reportFailure, say, type Output } from './lib/output.ts';
import { OrgDouble } from './org-double/server.ts';
import { seed } from './seed.ts';
import { verifyConversion } from './verify-conversion.ts';

export async function demo(count: number, output: Output): Promise<number> {
    const double = await OrgDouble.start({
        isSandbox: true,
        assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation']
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
        say(output, `\nFunnel of the seeded leads (cohort: leads that became MQL in the last 90 days)\n`);
        say(output, formatFunnel(await readFunnel(await connect(auth))));
        say(output, `\nThe org double served ${double.requestCount} API requests.`);
        return seeded.ok && verified.ok ? 0 : 1;
    } finally {
        await double.stop();
    }
}

async function main(): Promise<void> {
    const output = consoleOutput(false);
    try {
        const { values } = parseArgs({ options: { count: { type: 'string', default: '400' } } });
        const count = Number(values.count);
        if (!Number.isInteger(count) || count < 1 || count > 100_000) {
            throw new ScriptError(`--count must be a whole number from 1 to 100000 (got ${values.count}).`);
        }
        process.exitCode = await demo(count, output);
    } catch (error) {
        reportFailure(output, error);
    }
}

if (import.meta.main) {
    await main();
}
