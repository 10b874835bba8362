import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { helpText, integerFlag, runCommand, UsageError, type CommandSpec } from '../lib/cli.ts';
import { ScriptError } from '../lib/errors.ts';
import type { Output } from '../lib/output.ts';

const SPEC = {
    command: 'npm run example --',
    summary: 'An example command.',
    usage: ['--name <text> [--count <n>] [--json]'],
    flags: {
        name: { type: 'string', short: 'n', value: '<text>', description: 'A name.' },
        count: { type: 'string', value: '<n>', default: '3', description: 'How many.' },
        json: { type: 'boolean', description: 'JSON on stdout.' }
    },
    examples: ['npm run example -- --name x']
} as const satisfies CommandSpec;

function capture(json: boolean): Output & { out: () => string; err: () => string } {
    let out = '';
    let err = '';
    return {
        json,
        stdout: new Writable({
            write: (chunk, _e, done) => {
                out += String(chunk);
                done();
            }
        }),
        stderr: new Writable({
            write: (chunk, _e, done) => {
                err += String(chunk);
                done();
            }
        }),
        out: () => out,
        err: () => err
    };
}

async function run(argv: string[], body: () => Promise<number> = () => Promise.resolve(0)) {
    const output = capture(argv.includes('--json'));
    const code = await runCommand(SPEC, argv, body, output);
    return { code, out: output.out(), err: output.err() };
}

describe('command line front end', () => {
    it('answers --help on stdout with usage, every flag, the default and examples', async () => {
        const { code, out, err } = await run(['--help']);
        assert.equal(code, 0);
        assert.equal(err, '');
        assert.equal(out, helpText(SPEC));
        for (const text of [
            'Usage: npm run example -- --name <text>',
            '--count <n>',
            '(default: 3)',
            '--debug',
            'Examples:'
        ]) {
            assert.ok(out.includes(text), `help lacks ${text}`);
        }
    });

    for (const [argv, message] of [
        [['--nope'], 'unknown flag --nope'],
        [['--name'], '--name needs a value'],
        [['-n'], '--name needs a value'],
        [['--count', '-5'], '--count needs a value (for a value that starts with "-", write --count=<value>)'],
        [['stray'], "unexpected argument 'stray'"],
        [['--json=yes'], '--json takes no value']
    ] as const) {
        it(`exits 2 with one line and the usage for ${argv.join(' ')}`, async () => {
            let ran = false;
            const { code, err } = await run([...argv], () => ((ran = true), Promise.resolve(0)));
            assert.equal(code, 2);
            assert.equal(ran, false, 'the command must not run');
            const [first, second] = err.split('\n');
            assert.ok(first?.startsWith(`✗ ${message}`), first);
            assert.ok(second?.startsWith('Usage: '), second);
            assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
        });
    }

    it('reports a usage error thrown by the command the same way', async () => {
        const { code, err } = await run(['--name', 'x'], () => Promise.reject(new UsageError('bad name')));
        assert.equal(code, 2);
        assert.match(err, /^✗ bad name\nUsage: /);
    });

    it('prints a user error and its hint, exit 1, no stack', async () => {
        const { code, err } = await run(['--name', 'x'], () => Promise.reject(new ScriptError('No org.', 'Log in.')));
        assert.equal(code, 1);
        assert.equal(err, '✗ No org.\n  Log in.\n');
    });

    it('prints an unexpected error in one line with a --debug hint; the stack only with --debug', async () => {
        const plain = await run(['--name', 'x'], () => Promise.reject(new TypeError('boom')));
        assert.equal(plain.code, 1);
        assert.equal(
            plain.err,
            '✗ Unexpected error: boom\n  Run the same command with --debug to see where it failed.\n'
        );
        const debug = await run(['--name', 'x', '--debug'], () => Promise.reject(new TypeError('boom')));
        assert.match(debug.err, /^✗ Unexpected error: boom\nTypeError: boom\n\s+at /);
    });

    it('keeps stdout JSON-only in JSON mode, for usage and other errors', async () => {
        for (const argv of [
            ['--json', '--nope'],
            ['--json', '--name', 'x']
        ]) {
            const { out } = await run(argv, () => Promise.reject(new ScriptError('No org.')));
            const parsed = JSON.parse(out) as { ok: boolean; error: string };
            assert.equal(parsed.ok, false);
            assert.ok(parsed.error.length > 0);
        }
    });

    it('reads whole numbers within a range and nothing else', () => {
        assert.equal(integerFlag('count', '200', { min: 1, max: 1000 }), 200);
        for (const text of ['-5', '0', 'abc', '1e9', '2.5', ' 7', '0x10', '1001', '']) {
            assert.throws(() => integerFlag('count', text, { min: 1, max: 1000 }), UsageError, text);
        }
        assert.throws(() => integerFlag('count', '1e9', { min: 1, max: 1_000_000 }), {
            message: "--count must be a whole number from 1 to 1,000,000 (got '1e9')"
        });
    });
});
