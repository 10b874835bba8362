/**
 * Deploys Baton to an org in one command: build, the deploy-readiness gate, `force-app` (with the
 * Apex test level the org's kind needs; configuration values edited in the org that it would undo are
 * shown and asked about first), `org-settings` (likewise), permission sets, the SLA monitor and funnel
 * rollup schedules, checks of the org's routing setup, and a checklist of what is done and what is left.
 *
 *   npm run deploy -- --target-org <alias> [--sdr <username>]… [--manager <username>]… [--yes] [--dry-run]
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { promisify } from 'node:util';
import { integerFlag, runCommand, UsageError, type CommandSpec } from './lib/cli.ts';
import { ScriptError } from './lib/errors.ts';
import type { Output } from './lib/output.ts';
import { PROJECT_ROOT } from './lib/project.ts';
import { runSf } from './lib/sfCli.ts';
import { runGate } from './validate/run-gate.ts';
import { settingsBackupDir } from './deploy/orgSettings.ts';
import { runDeploy, type DeployTools } from './deploy/run.ts';
import { TEST_LEVELS, type TestLevel } from './deploy/targetOrg.ts';

const run = promisify(execFile);

const DEPLOY = {
    command: 'npm run deploy --',
    summary:
        "Deploys Baton to an org: build, deploy-readiness gate, force-app, org-settings, permission sets, scheduled jobs, checks of the org's routing, then a checklist.",
    usage: [
        '--target-org <alias> [--admin <username>]... [--sdr <username>]... [--manager <username>]...',
        '[--chat-poster <username>]... [--test-level <level>] [--skip-org-settings] [--yes] [--dry-run] [--wait <minutes>] [--json]'
    ],
    flags: {
        'target-org': {
            type: 'string',
            short: 'o',
            value: '<alias>',
            description: 'Org to deploy to: an alias or username the Salesforce CLI has a login for.'
        },
        admin: {
            type: 'string',
            value: '<username>',
            multiple: true,
            description: 'Also give Baton_Admin to this user (you always get it); repeatable.'
        },
        sdr: {
            type: 'string',
            value: '<username>',
            multiple: true,
            description: 'Give Baton_SDR to this user; repeatable.'
        },
        manager: {
            type: 'string',
            value: '<username>',
            multiple: true,
            description: 'Give Baton_Manager to this user; repeatable.'
        },
        'chat-poster': {
            type: 'string',
            value: '<username>',
            multiple: true,
            description:
                'Give Baton_Chat_Poster to this user (whose saves hand leads off, when handoffs are posted to chat); repeatable.'
        },
        'test-level': {
            type: 'string',
            value: '<level>',
            description: `Apex tests of the force-app deploy: ${TEST_LEVELS.join(', ')}. Default: RunLocalTests in production, NoTestRun in sandboxes and scratch orgs.`
        },
        'skip-org-settings': {
            type: 'boolean',
            description: "Leave the org's lead conversion mapping and Lead settings as they are."
        },
        yes: {
            type: 'boolean',
            short: 'y',
            description:
                'Accept the listed changes (org settings, Baton configuration values edited in the org) without asking (needed where there is no terminal, as in CI).'
        },
        'dry-run': {
            type: 'boolean',
            description: 'Read the org and show the plan and the settings changes; change nothing.'
        },
        wait: {
            type: 'string',
            value: '<minutes>',
            default: '60',
            description: 'Minutes to wait for each deploy to finish.'
        },
        json: { type: 'boolean', description: 'Print the report as JSON on stdout (progress goes to stderr).' }
    },
    examples: [
        'npm run deploy -- --target-org my-sandbox --dry-run',
        'npm run deploy -- --target-org my-sandbox --sdr rep@acme.com.sb --manager lead@acme.com.sb',
        'npm run deploy -- --target-org baton-ci --yes --json'
    ],
    notes: [
        "Nothing changes in the org before the plan is shown. When deploying org-settings would change the org's settings, or deploying force-app would undo values of Baton's configuration (custom metadata) edited in the org, the changes are listed and you are asked first (or pass --yes); the org's current settings are first retrieved into a new folder under settings-backup/ in the project (the plan names it), as a backup.",
        'Exit code: 0 deployed, 1 failed or stopped (the checklist says where), 2 usage error.'
    ]
} as const satisfies CommandSpec;

function defaultTools(output: Output): DeployTools {
    return {
        sf: (args) => runSf(args, PROJECT_ROOT),
        projectDir: PROJECT_ROOT,
        build,
        gate: () => runGate(PROJECT_ROOT),
        ...(process.stdin.isTTY ? { confirm: (question: string) => askOnTerminal(question, output) } : {}),
        backupDir: (targetOrg) => settingsBackupDir(PROJECT_ROOT, targetOrg)
    };
}

async function build(): Promise<void> {
    const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
        await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: PROJECT_ROOT });
    } catch (error) {
        const printed = ((error as { stdout?: string }).stdout ?? '').trim().split('\n').slice(0, 10).join('\n');
        throw new ScriptError(
            `The build failed (npm run build):\n${printed || (error as Error).message}`,
            'Fix the TypeScript errors, then run the same command again.'
        );
    }
}

async function askOnTerminal(question: string, output: Output): Promise<boolean> {
    const terminal = createInterface({ input: process.stdin, output: output.stderr });
    try {
        return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
    } finally {
        terminal.close();
    }
}

export async function main(argv: string[], output?: Output, tools?: DeployTools): Promise<number> {
    return runCommand(
        DEPLOY,
        argv,
        async (values, out) => {
            if (!values['target-org']) {
                throw new UsageError('--target-org is required');
            }
            const testLevel = values['test-level'];
            if (testLevel !== undefined && !(TEST_LEVELS as readonly string[]).includes(testLevel)) {
                throw new UsageError(`--test-level must be one of ${TEST_LEVELS.join(', ')} (got '${testLevel}')`);
            }
            const report = await runDeploy(
                {
                    targetOrg: values['target-org'],
                    ...(testLevel ? { testLevel: testLevel as TestLevel } : {}),
                    waitMinutes: integerFlag('wait', values.wait, { min: 1, max: 1440 }),
                    users: {
                        admin: values.admin ?? [],
                        sdr: values.sdr ?? [],
                        manager: values.manager ?? [],
                        chatPoster: values['chat-poster'] ?? []
                    },
                    yes: values.yes,
                    dryRun: values['dry-run'],
                    skipOrgSettings: values['skip-org-settings']
                },
                tools ?? defaultTools(out),
                out
            );
            if (out.json) {
                out.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
            }
            return report.ok ? 0 : 1;
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
