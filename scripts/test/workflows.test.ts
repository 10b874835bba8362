/**
 * The GitHub Actions workflows, checked offline: the Actions workflow schema (action-validator, a
 * WebAssembly build of the same checker its CLI runs), then the project's own rules — what runs on
 * which event, that secrets never reach code from forks, that the scratch org is always deleted —
 * and every `sf` command line against the pinned CLI's definitions.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../lib/project.ts';
import { sfCommandProblems } from './sfCommands.ts';

interface Step {
    name?: string;
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}

interface Job {
    if?: string;
    needs?: string | string[];
    env?: Record<string, string>;
    steps?: Step[];
}

interface Workflow {
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

const WORKFLOWS = path.join(PROJECT_ROOT, '.github', 'workflows');
const FORK_GUARD = 'github.event.pull_request.head.repo.full_name == github.repository';

function read(name: string): { text: string; workflow: Workflow } {
    const text = readFileSync(path.join(WORKFLOWS, name), 'utf8');
    return { text, workflow: parse(text) as Workflow };
}

function stepNamed(job: Job, pattern: RegExp): { step: Step; index: number } {
    const index = (job.steps ?? []).findIndex((step) => pattern.test(step.name ?? ''));
    const step = job.steps?.[index];
    assert.ok(step, `no step named ${String(pattern)}`);
    return { step, index };
}

/** Command lines of `npx sf …` in a script, as words (quotes removed, pipes and redirections cut). */
function sfCommandLines(script: string): string[][] {
    return script.split('\n').flatMap((line) => {
        const start = line.indexOf('npx sf ');
        if (start === -1) {
            return [];
        }
        const command = line.slice(start + 'npx sf '.length).split(/\s(?:\|\|?|&&|>|;)\s?/)[0] ?? '';
        return [[...command.matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare ?? '')];
    });
}

/** Whether a job cannot run for a fork's pull request: it, or every job it needs, carries the fork guard. */
function guardedFromForks(workflow: Workflow, jobName: string): boolean {
    const job = workflow.jobs[jobName];
    if (!job) {
        return false;
    }
    if (job.if?.includes(FORK_GUARD)) {
        return true;
    }
    const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []);
    const runsDespiteNeeds = /\b(always|failure|cancelled)\(\)/.test(job.if ?? '');
    return needs.length > 0 && !runsDespiteNeeds && needs.every((need) => guardedFromForks(workflow, need));
}

describe('GitHub Actions workflows', () => {
    const ci = read('ci.yml');
    const scratch = read('scratch-org.yml');

    it('match the GitHub Actions workflow schema', () => {
        for (const [name, { text }] of [
            ['ci.yml', ci],
            ['scratch-org.yml', scratch]
        ] as const) {
            assert.deepEqual(validateWorkflow(text).errors, [], name);
        }
        assert.notDeepEqual(
            validateWorkflow('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n').errors,
            []
        );
    });

    it('CI runs npm ci and npm test through .ci/run on every push and pull request, with Node from .nvmrc and Java 17', () => {
        const { workflow } = ci;
        assert.deepEqual(Object.keys(workflow.on).sort(), ['pull_request', 'push']);
        const [job] = Object.values(workflow.jobs);
        assert.ok(job);
        assert.equal(stepNamed(job, /Node/).step.with?.['node-version-file'], '.nvmrc');
        assert.equal(stepNamed(job, /Java/).step.with?.['java-version'], '17');
        assert.equal(stepNamed(job, /\.ci\/run/).step.run, 'bash .ci/run');
        const ciRun = readFileSync(path.join(PROJECT_ROOT, '.ci', 'run'), 'utf8');
        assert.match(ciRun, /^npm ci\b/m);
        assert.match(ciRun, /^npm test$/m);
        assert.ok(!ci.text.includes('secrets.'), 'CI needs no secrets');
    });

    it('never use pull_request_target, read only the repository, and read secrets only in jobs a fork cannot run', () => {
        for (const { workflow } of [ci, scratch]) {
            assert.ok(!('pull_request_target' in workflow.on));
            assert.ok(!('workflow_run' in workflow.on));
            assert.deepEqual(workflow.permissions, { contents: 'read' });
            for (const [name, job] of Object.entries(workflow.jobs)) {
                if (JSON.stringify(job).includes('secrets.') && 'pull_request' in workflow.on) {
                    assert.ok(guardedFromForks(workflow, name), `job ${name} reads secrets on a fork's pull request`);
                }
            }
        }
    });

    it('pass the Dev Hub secret through the environment, never into a script, and skip the run without it', () => {
        for (const job of Object.values(scratch.workflow.jobs)) {
            for (const step of job.steps ?? []) {
                assert.ok(
                    !step.run?.includes('${{ secrets.'),
                    `step ${step.name ?? '?'} interpolates a secret into its script`
                );
            }
        }
        const { 'dev-hub': check, 'scratch-org': job } = scratch.workflow.jobs;
        assert.ok(check && job);
        assert.equal(stepNamed(check, /secret/).step.env?.DEVHUB_SFDX_AUTH_URL, '${{ secrets.DEVHUB_SFDX_AUTH_URL }}');
        assert.equal(job.if, "needs.dev-hub.outputs.configured == 'true'");
        assert.equal(stepNamed(job, /Dev Hub/).step.env?.DEVHUB_SFDX_AUTH_URL, '${{ secrets.DEVHUB_SFDX_AUTH_URL }}');
    });

    it('create the scratch org from the project definition, deploy with npm run deploy, test with coverage, seed and verify conversion, in that order', () => {
        const job = scratch.workflow.jobs['scratch-org'];
        assert.ok(job);
        const order = [/Create a scratch org/, /Deploy Baton/, /Apex tests/, /Seed/, /Verify lead conversion/].map(
            (pattern) => stepNamed(job, pattern)
        );
        assert.deepEqual(
            order.map(({ index }) => index),
            order.map(({ index }) => index).sort((a, b) => a - b)
        );
        const [create, deploy, tests, seed, verify] = order.map(({ step }) => step.run ?? '');
        assert.match(create ?? '', /--definition-file config\/project-scratch-def\.json/);
        assert.ok(existsSync(path.join(PROJECT_ROOT, 'config', 'project-scratch-def.json')));
        assert.match(deploy ?? '', /^npm run deploy -- --target-org "\$SCRATCH_ORG" --yes$/);
        assert.match(tests ?? '', /npx sf apex run test .*--code-coverage .*--json > test-results\/apex-tests\.json/);
        assert.match(
            tests ?? '',
            /npm run check:coverage -- --file test-results\/apex-tests\.json --org-wide 90 --per-class 75/
        );
        assert.match(seed ?? '', /^npm run seed -- --target-org "\$SCRATCH_ORG"$/);
        assert.match(verify ?? '', /^npm run verify:conversion -- --target-org "\$SCRATCH_ORG"$/);
        const scripts = (
            JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
                scripts: Record<string, string>;
            }
        ).scripts;
        for (const script of ['deploy', 'check:coverage', 'seed', 'verify:conversion']) {
            assert.ok(scripts[script], `package.json has no ${script} script`);
        }
    });

    it('delete the scratch org in its own last step, which always runs', () => {
        const job = scratch.workflow.jobs['scratch-org'];
        assert.ok(job);
        const steps = job.steps ?? [];
        const { step, index } = stepNamed(job, /Delete the scratch org/);
        assert.match(step.if ?? '', /^always\(\)$/);
        assert.match(step.run ?? '', /npx sf org delete scratch --target-org "\$SCRATCH_ORG" --no-prompt/);
        const lastUse = Math.max(
            ...steps.flatMap((candidate, position) =>
                candidate !== step && candidate.run?.includes('$SCRATCH_ORG') ? [position] : []
            )
        );
        assert.ok(index > lastUse, 'the delete step comes after every step that uses the org');
        assert.equal(index, steps.length - 1);
        // Only cleanup steps run after a failure; nothing else hides one.
        assert.deepEqual(
            steps.filter((candidate) => candidate.if?.includes('always()')).map(({ name }) => name),
            ['Keep the test results', 'Delete the scratch org']
        );
        assert.ok(!steps.some((candidate) => (candidate as { 'continue-on-error'?: boolean })['continue-on-error']));
    });

    it('run only sf commands and flags that the pinned Salesforce CLI defines', () => {
        const lines = Object.values(scratch.workflow.jobs).flatMap((job) =>
            (job.steps ?? []).flatMap((step) => sfCommandLines(step.run ?? ''))
        );
        assert.ok(lines.length >= 5, `found ${lines.length} sf commands`);
        assert.deepEqual(lines.flatMap(sfCommandProblems), []);
    });
});
