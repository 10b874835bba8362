import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './project.ts';

const run = promisify(execFile);

/**
 * Quiet, offline-friendly settings for the project's own Salesforce CLI. Both autoupdate variables:
 * an npm-installed CLI that finds SF_AUTOUPDATE_DISABLE set leaves SF_DISABLE_AUTOUPDATE unset,
 * and the update hook reads only the latter (it then spawns `sf update --autoupdate`).
 */
export const CLI_ENV = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_LOG_FILE: 'true'
};

/** The project's installed Salesforce CLI entry point, run under the current Node binary. */
export const SF_RUN_JS = path.join(PROJECT_ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');

export interface SfResult<T> {
    status: number;
    result?: T;
    message?: string;
}

/**
 * Runs the project's installed Salesforce CLI (`node_modules/@salesforce/cli`) under the current
 * Node binary with `--json`, in `cwd`, with `env` added to the environment. Resolves with the
 * parsed JSON; a failing command rejects with the CLI's own message.
 */
export async function sf<T>(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<T> {
    let stdout: string;
    try {
        ({ stdout } = await run(process.execPath, [SF_RUN_JS, ...args, '--json'], {
            cwd,
            env: { ...process.env, ...CLI_ENV, ...env },
            maxBuffer: 64 * 1024 * 1024
        }));
    } catch (error) {
        const failed = error as { stdout?: string; message: string };
        throw new Error(`sf ${args.join(' ')} failed: ${cliMessage(failed.stdout) ?? failed.message}`, {
            cause: error
        });
    }
    const parsed = JSON.parse(stdout) as SfResult<T>;
    if (parsed.status !== 0 || parsed.result === undefined) {
        throw new Error(`sf ${args.join(' ')} failed: ${parsed.message ?? stdout}`);
    }
    return parsed.result;
}

function cliMessage(stdout: string | undefined): string | undefined {
    if (!stdout) {
        return undefined;
    }
    try {
        return (JSON.parse(stdout) as SfResult<unknown>).message;
    } catch {
        return stdout.trim();
    }
}
