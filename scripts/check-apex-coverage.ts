/**
 * Judges an Apex test run: every test passed, org-wide coverage at least 90 % and every class and
 * trigger at least 75 % (the platform's own deploy minimum is 75 % overall and 1 % per trigger; the
 * project holds itself higher).
 *
 *   npx sf apex run test --target-org <org> --test-level RunLocalTests --code-coverage --wait 60 --json > apex-tests.json
 *   npm run check:coverage -- --file apex-tests.json [--org-wide 90] [--per-class 75] [--json]
 *
 * The file is what `sf apex run test --code-coverage --json` prints: `result.summary` (outcome,
 * passing, failing, orgWideCoverage "92%"), `result.tests` (Outcome, FullName, Message) and
 * `result.coverage.coverage` (name, totalLines, coveredPercent per class or trigger).
 */
import { readFile } from 'node:fs/promises';
import { integerFlag, runCommand, UsageError, type CommandSpec } from './lib/cli.ts';
import { ScriptError } from './lib/errors.ts';
import { formatTable, say, type Output } from './lib/output.ts';

interface TestRunOutput {
    status?: number;
    message?: string;
    result?: {
        summary?: {
            outcome?: string;
            testsRan?: number;
            passing?: number;
            failing?: number;
            orgWideCoverage?: string;
            testRunCoverage?: string;
        };
        tests?: { FullName?: string; Outcome?: string; Message?: string | null }[];
        coverage?: { coverage?: { name: string; totalLines: number; totalCovered: number; coveredPercent: number }[] };
    };
}

export interface CoverageVerdict {
    ok: boolean;
    testsRan: number;
    failedTests: { test: string; message: string }[];
    orgWide: number;
    orgWideMinimum: number;
    perClassMinimum: number;
    /** Classes and triggers below the per-class minimum, lowest first. */
    belowMinimum: { name: string; percent: number; coveredLines: number; lines: number }[];
}

/** Reads a test run's JSON and applies the minimums; a run that did not complete is an error. */
export function judgeCoverage(output: TestRunOutput, orgWideMinimum: number, perClassMinimum: number): CoverageVerdict {
    const result = output.result;
    if (!result?.summary || !result.tests) {
        throw new ScriptError(
            `The Apex test run did not complete: ${output.message ?? 'its output has no result.summary'}.`,
            'Run the tests again; check the org is reachable and the tests compiled.'
        );
    }
    const classes = result.coverage?.coverage;
    if (!classes) {
        throw new ScriptError('The test run has no coverage: run the tests with --code-coverage.');
    }
    const percentText = result.summary.orgWideCoverage ?? result.summary.testRunCoverage ?? '';
    const orgWide = Number.parseFloat(percentText);
    if (!Number.isFinite(orgWide)) {
        throw new ScriptError(`The test run reports no org-wide coverage (got "${percentText}").`);
    }
    const failedTests = result.tests
        .filter(({ Outcome }) => Outcome !== 'Pass')
        .map(({ FullName, Outcome, Message }) => ({
            test: FullName ?? '?',
            message: `${Outcome ?? '?'}: ${Message ?? ''}`.trim()
        }));
    const belowMinimum = classes
        .filter(({ totalLines, coveredPercent }) => totalLines > 0 && coveredPercent < perClassMinimum)
        .map(({ name, coveredPercent, totalCovered, totalLines }) => ({
            name,
            percent: coveredPercent,
            coveredLines: totalCovered,
            lines: totalLines
        }))
        .sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name));
    return {
        ok: failedTests.length === 0 && orgWide >= orgWideMinimum && belowMinimum.length === 0,
        testsRan: result.summary.testsRan ?? result.tests.length,
        failedTests,
        orgWide,
        orgWideMinimum,
        perClassMinimum,
        belowMinimum
    };
}

function describe(verdict: CoverageVerdict): string {
    const lines: string[] = [];
    if (verdict.failedTests.length > 0) {
        lines.push(`${verdict.failedTests.length} of ${verdict.testsRan} tests failed:`);
        lines.push(...verdict.failedTests.map(({ test, message }) => `  ${test}: ${message}`), '');
    }
    if (verdict.belowMinimum.length > 0) {
        lines.push(`Below ${verdict.perClassMinimum} % coverage:`);
        lines.push(
            formatTable(
                ['class or trigger', 'coverage', 'lines covered'],
                verdict.belowMinimum.map(({ name, percent, coveredLines, lines: total }) => [
                    name,
                    `${percent} %`,
                    `${coveredLines} of ${total}`
                ])
            ),
            ''
        );
    }
    lines.push(
        `Org-wide coverage ${verdict.orgWide} % (minimum ${verdict.orgWideMinimum} %), ${verdict.testsRan} tests, ` +
            `${verdict.failedTests.length} failed, ${verdict.belowMinimum.length} below ${verdict.perClassMinimum} %: ${verdict.ok ? 'passed' : 'FAILED'}`
    );
    return lines.join('\n');
}

const CHECK_COVERAGE = {
    command: 'npm run check:coverage --',
    summary: 'Fails an Apex test run with failing tests, org-wide coverage below 90 % or a class below 75 %.',
    usage: ['--file <apex-tests.json> [--org-wide <percent>] [--per-class <percent>] [--json]'],
    flags: {
        file: {
            type: 'string',
            value: '<file>',
            description: 'Output of npx sf apex run test --code-coverage --json.'
        },
        'org-wide': { type: 'string', value: '<percent>', default: '90', description: 'Minimum org-wide coverage.' },
        'per-class': {
            type: 'string',
            value: '<percent>',
            default: '75',
            description: 'Minimum coverage of each class and trigger.'
        },
        json: { type: 'boolean', description: 'Print the verdict as JSON on stdout.' }
    },
    examples: [
        'npx sf apex run test --target-org baton-ci --test-level RunLocalTests --code-coverage --wait 60 --json > apex-tests.json',
        'npm run check:coverage -- --file apex-tests.json'
    ],
    notes: ['Exit code: 0 passed, 1 failed, 2 usage error.']
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        CHECK_COVERAGE,
        argv,
        async (values, out) => {
            if (!values.file) {
                throw new UsageError('--file is required');
            }
            const orgWide = integerFlag('org-wide', values['org-wide'], { min: 0, max: 100 });
            const perClass = integerFlag('per-class', values['per-class'], { min: 0, max: 100 });
            let text: string;
            try {
                text = await readFile(values.file, 'utf8');
            } catch (error) {
                throw new ScriptError(`Cannot read ${values.file}: ${(error as Error).message}`);
            }
            let parsed: TestRunOutput;
            try {
                parsed = JSON.parse(text) as TestRunOutput;
            } catch {
                throw new ScriptError(`${values.file} is not JSON: run npx sf apex run test with --json.`);
            }
            const verdict = judgeCoverage(parsed, orgWide, perClass);
            if (out.json) {
                out.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
            } else {
                say(out, describe(verdict));
            }
            return verdict.ok ? 0 : 1;
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
