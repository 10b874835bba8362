/**
 * Runs the local org double in the foreground so the commands can be tried by hand without an
 * org, and logs the project's Salesforce CLI in to it under an alias, so `--target-org <alias>`
 * goes through the CLI's real auth store like any org. Ctrl-C stops it (its data is in memory).
 * `npm run double -- --help` for the flags.
 */
import { integerFlag, runCommand, type CommandSpec } from './lib/cli.ts';
import { ScriptError } from './lib/errors.ts';
import { say, type Output } from './lib/output.ts';
import { PROJECT_ROOT } from './lib/project.ts';
import { sf } from './lib/sfCli.ts';
import type { OrgDouble } from './org-double/server.ts';

/** A fixed port keeps the CLI login valid across restarts (the access token is fixed too). */
export const DEFAULT_PORT = 7065;
export const DEFAULT_ALIAS = 'baton-double';

const DOUBLE = {
    command: 'npm run double --',
    summary:
        "Starts the local org double (a test double of a Salesforce sandbox built from this project's metadata; no Apex, flows or sharing run in it) in the foreground and logs the Salesforce CLI in to it, so seed, verify:conversion, reset and the funnel can be tried by hand.",
    usage: ['[--port <n>] [--alias <name>] [--skip-login]'],
    flags: {
        port: {
            type: 'string',
            value: '<n>',
            defaultLabel: String(DEFAULT_PORT),
            description: 'Port on 127.0.0.1, 1024 to 65,535.'
        },
        alias: {
            type: 'string',
            value: '<name>',
            default: DEFAULT_ALIAS,
            description: 'CLI alias to log in under (then --target-org <name> works).'
        },
        'skip-login': {
            type: 'boolean',
            description: 'Do not log the CLI in; use SF_INSTANCE_URL and SF_ACCESS_TOKEN instead.'
        }
    },
    examples: ['npm run double', 'npm run double -- --port 7070 --alias my-double', 'npm run double -- --skip-login'],
    notes: [
        'The CLI login is stored like any other (~/.sfdx/<username>.json and the alias in ~/.sfdx/alias.json); remove it with npx sf org logout --target-org baton-double --no-prompt.',
        'Exit code: 0 stopped with Ctrl-C, 1 could not start (for example the port is taken), 2 usage error.'
    ]
} as const satisfies CommandSpec;

/** Logs the project's CLI in to the double with its access token; returns the stored username. */
async function logIn(double: OrgDouble, alias: string): Promise<string> {
    const result = await sf<{ username: string }>(
        ['org', 'login', 'access-token', '--instance-url', double.url, '--alias', alias, '--no-prompt'],
        PROJECT_ROOT,
        { SF_ACCESS_TOKEN: double.accessToken }
    );
    return result.username;
}

/** The running user's assignment of the bypass permission set (seed --history needs it; verify must not have it). */
function bypassAssignmentId(double: OrgDouble): string {
    const { store } = double.state;
    const bypass = store.all('PermissionSet').find((row) => row.Name === 'Baton_Bypass_Automation');
    const assignment = store.all('PermissionSetAssignment').find((row) => row.PermissionSetId === bypass?.Id);
    return String(assignment?.Id);
}

/**
 * The commands to try, in order, each pointed at the double by `target` (a flag, or variables
 * before npm); `removeBypass` is the command that takes the bypass permission set away.
 */
function tryThese(prefix: string, target: string, removeBypass: string): string[] {
    const npm = (command: string): string => `  ${prefix}npm run ${command}`.trimEnd();
    return [
        npm(`seed -- ${target}--count 500 --history`),
        `  ${removeBypass}`,
        npm(`verify:conversion -- ${target}`),
        npm(`funnel -- ${target}`),
        npm(`seed -- ${target}--reset --dry-run`),
        npm(`seed -- ${target}--reset`)
    ];
}

const BYPASS_NOTE = [
    'Its user holds Baton_Admin and Baton_Bypass_Automation. seed --history needs the bypass;',
    'verify:conversion fails while you hold it (Baton skips your changes). So, as in an org, remove it',
    'after the history seed (the second command below); restart the double to start over.'
].join('\n');

async function start(port: number): Promise<OrgDouble> {
    // Loaded here, not at the top: --help and usage errors then answer at once.
    const { OrgDouble } = await import('./org-double/server.ts');
    const { SAMPLE_SDRS } = await import('./org-double/setup.ts');
    try {
        return await OrgDouble.start({
            port,
            isSandbox: true,
            assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'],
            colleagues: SAMPLE_SDRS
        });
    } catch (error) {
        if ((error as { code?: string }).code === 'EADDRINUSE') {
            throw new ScriptError(
                `Port ${port} on 127.0.0.1 is taken (another org double?).`,
                'Stop the other one (Ctrl-C in its terminal), or pass --port <n>.',
                { cause: error }
            );
        }
        throw error;
    }
}

async function serve(port: number, alias: string, skipLogin: boolean, output: Output): Promise<number> {
    const double = await start(port);
    say(
        output,
        `Org double running at ${double.url}: a test double built from this project's metadata; no Apex runs in it.`
    );
    const ci = `SF_INSTANCE_URL=${double.url} SF_ACCESS_TOKEN='${double.accessToken}'`;
    const assignment = bypassAssignmentId(double);
    let lines: string[];
    if (skipLogin) {
        const curl = `curl -X DELETE -H "Authorization: Bearer ${double.accessToken}" ${double.url}/services/data/v${double.state.apiVersion}/sobjects/PermissionSetAssignment/${assignment}`;
        lines = ['', BYPASS_NOTE, '', 'Point a command at it with the CI variables:', ...tryThese(`${ci} `, '', curl)];
    } else {
        say(output, `Logging the Salesforce CLI in to it as "${alias}"…`);
        try {
            const username = await logIn(double, alias);
            const removeBypass = `npx sf data delete record --sobject PermissionSetAssignment --record-id ${assignment} --target-org ${alias}`;
            lines = [
                `The CLI is logged in to it: alias ${alias}, user ${username}.`,
                `The login is stored with your other CLI logins (~/.sfdx/${username}.json);`,
                `remove it with: npx sf org logout --target-org ${alias} --no-prompt`,
                '',
                BYPASS_NOTE,
                '',
                `Point any command at it with --target-org ${alias}:`,
                ...tryThese('', `--target-org ${alias} `, removeBypass),
                `  npx sf data query --target-org ${alias} --query "SELECT Name, Lifecycle_Stage__c FROM Lead LIMIT 10"`,
                '',
                `Or, without the CLI login: ${ci} npm run seed -- …`
            ];
        } catch (error) {
            lines = [
                `The CLI login failed: ${(error as Error).message}`,
                `Use the CI variables instead: ${ci} npm run seed -- …`
            ];
        }
    }
    say(output, [...lines, '', 'Ctrl-C stops the double (its data lives in memory only).'].join('\n'));
    await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    await double.stop();
    say(output, `\nOrg double stopped after ${double.requestCount} API requests.`);
    return 0;
}

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        DOUBLE,
        argv,
        (values, out) =>
            serve(
                values.port === undefined ? DEFAULT_PORT : integerFlag('port', values.port, { min: 1024, max: 65_535 }),
                values.alias,
                values['skip-login'],
                out
            ),
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
