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
    /** The error's name when the command failed (`NamedOrgNotFoundError`, `FailedDeployError`…). */
    name?: string;
    message?: string;
    /** Details some commands attach to a failure (`sf apex run`: the compile or runtime problem). */
    data?: unknown;
    warnings?: string[];
}

/** Runs one `sf` command with `--json` and resolves with what it printed, failed or not. */
export type SfRunner = (args: string[]) => Promise<SfResult<unknown>>;

/**
 * Runs the project's installed Salesforce CLI (`node_modules/@salesforce/cli`) under the current
 * Node binary with `--json`, in `cwd`, with `env` added to the environment, and resolves with its
 * JSON output whatever its exit code (a failed deploy exits 1 and still prints the deploy result).
 * Rejects only when the CLI could not run or printed no JSON.
 */
export async function runSf(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<SfResult<unknown>> {
    let stdout: string;
    try {
        ({ stdout } = await run(process.execPath, [SF_RUN_JS, ...args, '--json'], {
            cwd,
            env: { ...process.env, ...CLI_ENV, ...env },
            maxBuffer: 64 * 1024 * 1024
        }));
    } catch (error) {
        const failed = error as { stdout?: string; message: string };
        if (!failed.stdout?.trim()) {
            throw new Error(`sf ${args.join(' ')} could not run: ${failed.message}`, { cause: error });
        }
        stdout = failed.stdout;
    }
    try {
        return JSON.parse(stdout) as SfResult<unknown>;
    } catch (error) {
        throw new Error(`sf ${args.join(' ')} printed no JSON: ${stdout.trim().slice(0, 500)}`, { cause: error });
    }
}

/** Runs `sf` with `--json` in `cwd` and resolves with its result; a failing command rejects with the CLI's message. */
export async function sf<T>(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<T> {
    const parsed = await runSf(args, cwd, env);
    if (parsed.status !== 0 || parsed.result === undefined) {
        throw new Error(`sf ${args.join(' ')} failed: ${parsed.message ?? JSON.stringify(parsed)}`);
    }
    return parsed.result as T;
}
