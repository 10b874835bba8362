import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../lib/project.ts';
import type { GateReport } from '../../validate/run-gate.ts';
import { fixture } from './fixtures.ts';

const run = promisify(execFile);
const VALIDATE = path.join(PROJECT_ROOT, 'scripts', 'validate.ts');

async function validate(
    args: string[],
    env: NodeJS.ProcessEnv = process.env
): Promise<{ code: number; stdout: string }> {
    try {
        const { stdout } = await run(process.execPath, [VALIDATE, ...args], { env });
        return { code: 0, stdout };
    } catch (error) {
        const failed = error as { code: number; stdout: string };
        return { code: failed.code, stdout: failed.stdout };
    }
}

describe('npm run validate', () => {
    it('passes the clean project: every check ok, one summary line each with its time, exit 0', async () => {
        const { code, stdout } = await validate(['--project', fixture('clean')]);
        assert.equal(code, 0, stdout);
        const lines = stdout.trim().split('\n');
        assert.equal(lines.length, 7);
        for (const title of [
            'Metadata XML',
            'Cross-references',
            'Apex semantics',
            'Apex rules (PMD)',
            'Lightning web components',
            'Package structure'
        ]) {
            assert.ok(
                lines.some((line) => line.startsWith(`ok   ${title}`) && /\(\d+\.\d s\)$/.test(line)),
                `${title} in\n${stdout}`
            );
        }
        assert.match(lines.at(-1) ?? '', /^Deploy-ready: 6 checks in \d+\.\d s$/);
    });

    it('groups problems by check as file:line: message and exits 1', async () => {
        const { code, stdout } = await validate([
            '--project',
            fixture('permission-set-missing-field'),
            '--check',
            'cross-references'
        ]);
        assert.equal(code, 1);
        assert.match(
            stdout,
            /^== Cross-references\n {2}force-app\/main\/default\/permissionsets\/Baton_SDR\.permissionset-meta\.xml:8: unknown field Lead\.Fit_Scor__c\n/
        );
        assert.match(stdout, /^FAIL Cross-references +4 problems/m);
        assert.match(stdout, /^Not deploy-ready/m);
    });

    it('prints the report as JSON with --json, and says how to install Java when it is missing', async () => {
        const nodeOnly = { ...process.env, PATH: path.dirname(process.execPath) };
        const args = [
            '--json',
            '--project',
            fixture('apex-errors'),
            '--check',
            'metadata-xml',
            '--check',
            'apex',
            '--check',
            'apex-rules'
        ];
        const { code, stdout } = await validate(args, nodeOnly);
        assert.equal(code, 1);
        const report = JSON.parse(stdout) as GateReport;
        assert.equal(report.passed, false);
        assert.deepEqual(
            report.checks.map(({ id, passed }) => [id, passed]),
            [
                ['metadata-xml', true],
                ['apex', false],
                ['apex-rules', false]
            ]
        );
        for (const check of report.checks.filter(({ id }) => id.startsWith('apex'))) {
            assert.match(check.error ?? '', /apt-get install -y openjdk-17-jre-headless/);
        }
    });

    it('refuses an unknown check name', async () => {
        const { code } = await validate(['--check', 'apex-lint']);
        assert.equal(code, 2);
    });
});
