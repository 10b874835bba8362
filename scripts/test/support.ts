/** Shared helpers for the script tests: an org double, its auth, captured output, child runs. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import type { OrgAuth } from '../lib/connection.ts';
import type { Output } from '../lib/output.ts';
import { PROJECT_ROOT } from '../lib/project.ts';
import type { OrgDouble } from '../org-double/server.ts';

export function authFor(double: OrgDouble): OrgAuth {
    return {
        instanceUrl: double.url,
        accessToken: double.accessToken,
        label: 'test org',
        reauthenticate: 'Log in again: sf org login web --alias test'
    };
}

export interface CapturedOutput extends Output {
    /** Everything written, in order. */
    text(): string;
    /** What was written to stdout alone. */
    stdoutText(): string;
}

export function capture(json = false): CapturedOutput {
    let buffer = '';
    let stdout = '';
    const sink = (isStdout: boolean): Writable =>
        new Writable({
            write(chunk: Buffer, _encoding, done) {
                buffer += chunk.toString();
                if (isStdout) stdout += chunk.toString();
                done();
            }
        });
    return { json, stdout: sink(true), stderr: sink(false), text: () => buffer, stdoutText: () => stdout };
}

const run = promisify(execFile);

/** Runs a script under this Node with extra environment variables; resolves with exit code and output. */
export async function runScript(
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
        const { stdout, stderr } = await run(process.execPath, [path.join(PROJECT_ROOT, 'scripts', script), ...args], {
            cwd: PROJECT_ROOT,
            env: { ...process.env, ...env },
            maxBuffer: 16 * 1024 * 1024
        });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
}

export function baseSeedOptions(count: number, history = true) {
    return {
        count,
        history,
        reset: false,
        dryRun: false,
        allowProduction: false,
        pollInterval: 5,
        now: new Date('2026-11-20T15:00:00Z')
    };
}
