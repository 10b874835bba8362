/**
 * Shared helpers for the script tests: an org double, its auth, captured output, child runs of
 * the scripts and of the project's Salesforce CLI (in an isolated home).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { Connection } from '@jsforce/jsforce-node';
import type { TokenAuth } from '../lib/connection.ts';
import type { Output } from '../lib/output.ts';
import { PROJECT_ROOT } from '../lib/project.ts';
import { CLI_ENV } from '../lib/sfCli.ts';
import type { OrgDouble } from '../org-double/server.ts';

/** jsforce's own client, logged in to the double (REST, SOAP and Bulk calls as against an org). */
export function jsforceTo(double: OrgDouble, version = '65.0'): Connection {
    return new Connection({ instanceUrl: double.url, accessToken: double.accessToken, version });
}

export function authFor(double: OrgDouble): TokenAuth {
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

/**
 * Runs a script (a path under scripts/, or absolute) under this Node with `env` as its environment
 * (process.env plus any given); resolves with the exit code and the output.
 */
export async function runScript(
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
        const { stdout, stderr } = await run(
            process.execPath,
            [path.resolve(PROJECT_ROOT, 'scripts', script), ...args],
            {
                cwd: PROJECT_ROOT,
                env: { ...process.env, ...env },
                maxBuffer: 16 * 1024 * 1024
            }
        );
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

/**
 * An environment for the Salesforce CLI and @salesforce/core that keeps their auth store in a new
 * empty home (file keychain, no telemetry, no autoupdate) and names no org by variables.
 */
export async function isolatedCliEnv(): Promise<NodeJS.ProcessEnv> {
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...CLI_ENV,
        HOME: await mkdtemp(path.join(tmpdir(), 'baton-cli-home-')),
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true'
    };
    delete env.SF_INSTANCE_URL;
    delete env.SF_ACCESS_TOKEN;
    return env;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => {
        server.close(() => {
            resolve();
        });
    });
    return port;
}

export interface RunningCommand {
    /** Everything it printed so far (stdout and stderr). */
    output(): string;
    /** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
    interrupt(): Promise<number | null>;
}

/** Starts a long-running script and resolves once its output contains `ready`. */
export async function startScript(
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    ready: string
): Promise<RunningCommand> {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts', script), ...args], {
        cwd: PROJECT_ROOT,
        env
    });
    let text = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
        const read = (chunk: Buffer): void => {
            text += chunk.toString();
            if (text.includes(ready)) resolve();
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        void exited.then((code) => {
            reject(new Error(`${script} exited (${String(code)}) before it was ready:\n${text}`));
        });
    });
    return {
        output: () => text,
        interrupt: async () => {
            child.kill('SIGINT');
            return exited;
        }
    };
}
