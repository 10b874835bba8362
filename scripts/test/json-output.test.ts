/**
 * `--json` means stdout holds one JSON document and nothing else: progress, banners and notes go
 * to stderr. npm itself prints a "> baton@… <script>" banner on stdout before the script starts;
 * `npm run -s` (silent) leaves it out, so the docs give `npm run -s <script> -- … --json`, and
 * these tests parse exactly that, plus the script run directly.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../lib/project.ts';
import { OrgDouble } from '../org-double/server.ts';
import { runScript } from './support.ts';

const run = promisify(execFile);

/** `npm run -s <script> -- <args>` with the npm that runs the tests (or the one on PATH). */
async function npmSilent(
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv
): Promise<{ stdout: string; stderr: string }> {
    const npm = process.env.npm_execpath;
    const command = npm ? process.execPath : 'npm';
    const npmArgs = [...(npm ? [npm] : []), 'run', '-s', script, '--', ...args];
    try {
        return await run(command, npmArgs, {
            cwd: PROJECT_ROOT,
            env: { ...process.env, ...env },
            maxBuffer: 16 * 1024 * 1024
        });
    } catch (error) {
        // A command that reports a failure still owes JSON on stdout.
        const failed = error as { stdout: string; stderr: string };
        return { stdout: failed.stdout, stderr: failed.stderr };
    }
}

interface JsonCommand {
    script: string;
    file: string;
    args: string[];
}

/** Commands that only read: safe to run side by side against one double. */
const READERS: JsonCommand[] = [
    { script: 'seed', file: 'seed.ts', args: ['--dry-run', '--count', '50', '--history'] },
    { script: 'verify:conversion', file: 'verify-conversion.ts', args: ['--offline'] },
    { script: 'validate', file: 'validate.ts', args: ['--check', 'cross-references'] },
    { script: 'seed', file: 'seed.ts', args: ['--reset', '--dry-run'] },
    { script: 'funnel', file: 'funnel.ts', args: [] }
];

/**
 * Commands that write to the org: run one at a time, as they would be against a real org (two
 * seeds upserting the same keys at once race each other there too, and the later one fails on
 * records the other just created).
 */
const WRITERS: JsonCommand[] = [
    { script: 'seed', file: 'seed.ts', args: ['--count', '30', '--history', '--poll-interval', '5'] },
    { script: 'verify:conversion', file: 'verify-conversion.ts', args: [] }
];

function assertJsonOnly(result: { stdout: string }, how: string): void {
    let parsed: unknown;
    assert.doesNotThrow(
        () => {
            parsed = JSON.parse(result.stdout);
        },
        `${how}: stdout is not JSON:\n${result.stdout.slice(0, 300)}`
    );
    assert.equal(typeof parsed, 'object', how);
    assert.doesNotMatch(result.stdout, /^> baton@/m, how);
}

function describeJsonCommands(title: string, commands: JsonCommand[], concurrency: boolean): void {
    describe(title, { concurrency }, () => {
        let double: OrgDouble;
        let env: NodeJS.ProcessEnv;

        before(async () => {
            double = await OrgDouble.start({ assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'] });
            env = { SF_INSTANCE_URL: double.url, SF_ACCESS_TOKEN: double.accessToken };
        });
        after(() => double.stop());

        for (const { script, file, args } of commands) {
            const line = `${script} -- ${[...args, '--json'].join(' ')}`;
            it(line, async () => {
                const start = (which: number) =>
                    which === 0
                        ? npmSilent(script, [...args, '--json'], env)
                        : runScript(file, [...args, '--json'], env);
                const runs = concurrency ? await Promise.all([start(0), start(1)]) : [await start(0), await start(1)];
                for (const [index, result] of runs.entries()) {
                    assertJsonOnly(result, index === 0 ? `npm run -s ${line}` : `node scripts/${file}`);
                }
            });
        }

        if (!concurrency) {
            it('progress and notes go to stderr in JSON mode', async () => {
                const result = await runScript('seed.ts', ['--count', '20', '--json', '--poll-interval', '5'], env);
                assert.equal(result.code, 0, result.stderr);
                assert.match(result.stderr, /^Seeding /m);
                assert.match(result.stderr, /^object +written +skipped +failed$/m);
                assert.equal((JSON.parse(result.stdout) as { ok: boolean }).ok, true);
            });
        }
    });
}

// Each command is mostly Node and npm starting up, so the readers run side by side.
describeJsonCommands('--json: only JSON on stdout, under npm run -s and run directly (readers)', READERS, true);
describeJsonCommands('--json: only JSON on stdout, under npm run -s and run directly (writers)', WRITERS, false);
