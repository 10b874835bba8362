import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './project.ts';

const run = promisify(execFile);

/** Quiet, offline-friendly settings for the project's own Salesforce CLI. */
const CLI_ENV = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_LOG_FILE: 'true'
};

export interface SfResult<T> {
    status: number;
    result?: T;
    message?: string;
}

/**
 * Runs the project's installed Salesforce CLI (`node_modules/@salesforce/cli`) under the current
 * Node binary with `--json`, in `cwd`. Resolves with the parsed JSON; a failing command rejects
 * with the CLI's own message.
 */
export async function sf<T>(args: string[], cwd: string): Promise<T> {
    const runJs = path.join(PROJECT_ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
    let stdout: string;
    try {
        ({ stdout } = await run(process.execPath, [runJs, ...args, '--json'], {
            cwd,
            env: { ...process.env, ...CLI_ENV },
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
