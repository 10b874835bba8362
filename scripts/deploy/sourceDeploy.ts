/**
 * Deploys one source directory with `sf project deploy start` and reads the Metadata API's
 * DeployResult it prints: components that failed, Apex tests that failed, coverage below the
 * platform's minimum. A failed deploy changes nothing in the org (rollbackOnError is the default).
 */
import { count } from '../validate/check.ts';
import { ScriptError } from '../lib/errors.ts';
import { failure, type OrgCalls } from './orgCalls.ts';
import type { TestLevel } from './targetOrg.ts';

/** The parts of a DeployResult (Metadata API) this reads; lists of one come as a single object. */
interface DeployResult {
    id?: string;
    status?: string;
    success?: boolean;
    numberComponentsDeployed?: number;
    numberTestsCompleted?: number;
    errorMessage?: string;
    details?: {
        componentFailures?: OneOrMany<{
            componentType?: string;
            fullName?: string;
            fileName?: string;
            lineNumber?: number | string;
            problem?: string;
        }>;
        runTestResult?: {
            numTestsRun?: number | string;
            failures?: OneOrMany<{ name?: string; methodName?: string; message?: string }>;
            codeCoverageWarnings?: OneOrMany<{ name?: string | { $?: unknown }; message?: string }>;
        };
    };
}

type OneOrMany<T> = T | T[] | undefined;

const many = <T>(value: OneOrMany<T>): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export interface DeployedSource {
    id: string;
    components: number;
    testsRun: number;
}

/** A deploy the org rejected, with each problem on its own line. */
export class DeployFailure extends ScriptError {
    readonly problems: string[];

    constructor(message: string, problems: string[], hint?: string) {
        super(message, hint);
        this.problems = problems;
    }
}

export async function deploySource(
    org: OrgCalls,
    sourceDir: string,
    options: { testLevel?: TestLevel; waitMinutes: number }
): Promise<DeployedSource> {
    const args = ['project', 'deploy', 'start', '--source-dir', sourceDir, '--wait', String(options.waitMinutes)];
    if (options.testLevel) {
        args.push('--test-level', options.testLevel);
    }
    const output = await org.sf([...args, '--target-org', org.targetOrg]);
    const result = output.result as DeployResult | undefined;
    if (output.status === 0 && result?.success !== false) {
        return {
            id: result?.id ?? '',
            components: result?.numberComponentsDeployed ?? 0,
            testsRun: Number(result?.details?.runTestResult?.numTestsRun ?? result?.numberTestsCompleted ?? 0)
        };
    }
    if (!result?.details) {
        throw failure(org, output, `Deploying ${sourceDir}`);
    }
    throw deployFailure(sourceDir, result);
}

function deployFailure(sourceDir: string, result: DeployResult): DeployFailure {
    const details = result.details ?? {};
    const components = many(details.componentFailures).map(
        ({ fileName, lineNumber, componentType, fullName, problem }) =>
            `${fileName ?? fullName ?? '?'}${lineNumber ? `:${String(lineNumber)}` : ''}: ${componentType ?? ''} ${fullName ?? ''}: ${problem ?? ''}`
    );
    const tests = many(details.runTestResult?.failures).map(
        ({ name, methodName, message }) => `test ${name ?? '?'}.${methodName ?? '?'}: ${message ?? ''}`
    );
    const coverage = many(details.runTestResult?.codeCoverageWarnings).map(
        ({ name, message }) => `coverage${typeof name === 'string' ? ` ${name}` : ''}: ${message ?? ''}`
    );
    const parts = [
        components.length > 0 ? count(components.length, 'component error') : '',
        tests.length > 0 ? count(tests.length, 'test failure') : '',
        coverage.length > 0 ? count(coverage.length, 'coverage problem') : ''
    ].filter(Boolean);
    const summary = parts.length > 0 ? parts.join(', ') : (result.errorMessage ?? result.status ?? 'failed');
    const hint = components.some((line) => /jobs pending or in progress/i.test(line))
        ? 'A scheduled Baton job holds its classes: turn on "Allow deployments of components when corresponding Apex jobs are pending or in progress" (Setup → Deployment Settings), or delete the Baton jobs in Setup → Scheduled Jobs (this command schedules them again).'
        : tests.length > 0 || coverage.length > 0
          ? 'Failing tests and coverage below 75 % fail the whole deploy; fix them, then run the same command again.'
          : 'Fix the components named above, run npm run validate, then run the same command again.';
    return new DeployFailure(
        `Deploying ${sourceDir} failed (${summary}); the org rolled the deploy back, nothing was changed.`,
        [...components.map((line) => line.replace(/\s+/g, ' ')), ...tests, ...coverage],
        hint
    );
}
