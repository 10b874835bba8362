/**
 * Prints the funnel of the seeded leads in an org: MQL count, the MQL → SAL → SQL → Opportunity →
 * Won rates, SLA clocks met and breached per stage, rejection reasons.
 * `npm run funnel -- --help` for the flags.
 */
import { runCommand, TARGET_ORG_FLAG, type CommandSpec } from './lib/cli.ts';
import { connect, resolveAuth } from './lib/connection.ts';
import { formatFunnel, readFunnel } from './lib/funnel.ts';
import { say, type Output } from './lib/output.ts';

const FUNNEL = {
    command: 'npm run funnel --',
    summary:
        'Prints the funnel of the seeded leads in an org: MQL → SAL → SQL → Opportunity → Won rates, SLA compliance per stage, rejection reasons.',
    usage: ['--target-org <alias> [--json]'],
    flags: {
        'target-org': TARGET_ORG_FLAG,
        json: { type: 'boolean', description: 'Print the funnel as JSON on stdout.' }
    },
    examples: ['npm run funnel -- --target-org uat', 'npm run -s funnel -- --target-org uat --json > funnel.json'],
    notes: [
        'JSON: run npm with -s (npm run -s funnel -- … --json): without it npm prints its own "> baton@… funnel" banner on stdout first.',
        'Exit code: 0 printed, 1 failed, 2 usage error.'
    ]
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        FUNNEL,
        argv,
        async (values, out) => {
            const org = await connect(await resolveAuth(values['target-org']));
            say(out, `Funnel of the seeded leads in ${org.label}; cohort: the leads that became MQL\n`);
            const funnel = await readFunnel(org);
            out.stdout.write(
                `${out.json ? JSON.stringify({ ok: true, org: org.label, ...funnel }, null, 2) : formatFunnel(funnel)}\n`
            );
            return 0;
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
