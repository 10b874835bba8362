/**
 * Every command answers the ordinary command-line mistakes the same way: one line saying what is
 * wrong, the usage, exit code 2, no stack trace, and nothing done. Each case runs the real script
 * as a child process (several at a time: each one is mostly Node starting up).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runScript } from './support.ts';

interface Script {
    file: string;
    command: string;
    /** A string flag, to leave without its value. */
    valueFlag: string;
    /** The whole-number flag, if the command has one. */
    numberFlag?: string;
}

const SCRIPTS: Script[] = [
    { file: 'seed.ts', command: 'npm run seed --', valueFlag: '--target-org', numberFlag: '--count' },
    { file: 'verify-conversion.ts', command: 'npm run verify:conversion --', valueFlag: '--target-org' },
    { file: 'funnel.ts', command: 'npm run funnel --', valueFlag: '--target-org' },
    { file: 'simulate.ts', command: 'npm run simulate --', valueFlag: '--criteria' },
    { file: 'bench-simulate.ts', command: 'npm run bench:simulate --', valueFlag: '--count', numberFlag: '--count' },
    { file: 'demo.ts', command: 'npm run demo --', valueFlag: '--count', numberFlag: '--count' },
    { file: 'bench-seed.ts', command: 'npm run bench:seed --', valueFlag: '--count', numberFlag: '--count' },
    { file: 'double.ts', command: 'npm run double --', valueFlag: '--alias', numberFlag: '--port' },
    { file: 'check-package-contents.ts', command: 'npm run check:package --', valueFlag: '--project' },
    { file: 'validate.ts', command: 'npm run validate --', valueFlag: '--project' },
    { file: 'preview/serve.ts', command: 'npm run preview --', valueFlag: '--port', numberFlag: '--port' },
    { file: 'preview/screenshots.ts', command: 'npm run screenshots --', valueFlag: '--out' },
    { file: 'preview/bench.ts', command: 'npm run bench:ui --', valueFlag: '--runs', numberFlag: '--runs' }
];

interface Case {
    script: Script;
    args: string[];
    message: RegExp;
}

function cases(script: Script): Case[] {
    const list: Case[] = [
        { script, args: ['--nope'], message: /^✗ unknown flag --nope$/ },
        { script, args: [script.valueFlag], message: new RegExp(`^✗ ${script.valueFlag} needs a value`) },
        { script, args: ['stray'], message: /^✗ unexpected argument 'stray'/ }
    ];
    if (script.numberFlag) {
        const flag = script.numberFlag;
        const range = new RegExp(`^✗ ${flag} must be a whole number from [\\d,]+ to [\\d,]+ \\(got '`);
        list.push(
            { script, args: [flag, '-5'], message: new RegExp(`^✗ ${flag} needs a value`) },
            { script, args: [`${flag}=-5`], message: range },
            { script, args: [flag, 'abc'], message: range },
            { script, args: [flag, '1e9'], message: range }
        );
    }
    if (script.valueFlag === '--project') {
        list.push({
            script,
            args: ['--project', '../nope'],
            message: /^✗ --project \.\.\/nope: no sfdx-project\.json there$/
        });
    }
    return list;
}

function check(item: Case, result: { code: number; stdout: string; stderr: string }): string[] {
    const name = `${item.script.file} ${item.args.join(' ')}`;
    const [first = '', second = ''] = result.stderr.split('\n');
    const problems: string[] = [];
    if (result.code !== 2) problems.push(`${name}: exit ${result.code}`);
    if (!item.message.test(first)) problems.push(`${name}: first line ${JSON.stringify(first)}`);
    if (!second.startsWith(`Usage: ${item.script.command}`)) problems.push(`${name}: no usage after it`);
    if (/\n\s+at /.test(result.stderr)) problems.push(`${name}: stack trace`);
    if (result.stdout !== '') problems.push(`${name}: stdout ${JSON.stringify(result.stdout.slice(0, 80))}`);
    return problems;
}

async function help(script: Script): Promise<string[]> {
    const result = await runScript(script.file, ['--help']);
    const problems: string[] = [];
    if (result.code !== 0 || result.stderr !== '') problems.push(`--help: exit ${result.code} ${result.stderr}`);
    for (const part of [`Usage: ${script.command}`, '\nFlags:\n', '--debug', '\nExamples:\n  npm run ']) {
        if (!result.stdout.includes(part)) problems.push(`--help lacks ${JSON.stringify(part)}`);
    }
    return problems;
}

describe('every command: usage mistakes exit 2 with one line, the usage and no stack trace; --help exits 0', () => {
    for (const script of SCRIPTS) {
        const all = cases(script);
        it(`${script.command.replace(/ --$/, '')}: ${all.map((item) => item.args.join(' ')).join(' · ')} · --help`, async () => {
            // The cases run side by side: each one is mostly Node starting up.
            const problems = await Promise.all([
                help(script),
                ...all.map(async (item) => check(item, await runScript(item.script.file, item.args)))
            ]);
            assert.deepEqual(problems.flat(), []);
        });
    }
});

describe('command-line flag checks', () => {
    it('in JSON mode a usage error is JSON on stdout, the explanation on stderr', async () => {
        const result = await runScript('seed.ts', ['--json', '--count', 'abc']);
        assert.equal(result.code, 2);
        assert.deepEqual(JSON.parse(result.stdout), {
            ok: false,
            error: "--count must be a whole number from 1 to 100,000 (got 'abc')"
        });
        assert.match(result.stderr, /^✗ --count must be/);
    });

    it('refuses flags that contradict each other', async () => {
        const [reset, offline] = await Promise.all([
            runScript('seed.ts', ['--reset', '--count', '10']),
            runScript('verify-conversion.ts', ['--offline', '--target-org', 'uat'])
        ]);
        assert.equal(reset.code, 2);
        assert.match(reset.stderr, /^✗ --reset deletes every seeded record: --count and --history do not apply\n/);
        assert.equal(offline.code, 2);
        assert.match(offline.stderr, /^✗ --offline reads no org/);
    });
});
