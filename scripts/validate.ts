/**
 * The offline deploy-readiness gate: catches what a deploy to an org would reject, without an org.
 *
 *   npm run validate [-- --json] [-- --project <dir>] [-- --check <id> …]
 *
 * `--check` runs only the named checks (metadata-xml, cross-references, apex, apex-rules, lwc,
 * package).
 * Prints each problem as `file:line: message` grouped by check, then one summary line per check
 * with its time; exits 1 when any check fails. `--json` prints the whole report as JSON instead.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from './lib/project.ts';
import { count, formatProblem } from './validate/check.ts';
import { CHECKS, runGate, type GateReport } from './validate/run-gate.ts';

function formatReport(report: GateReport): string {
    const lines: string[] = [];
    for (const check of report.checks.filter(({ passed }) => !passed)) {
        lines.push(`== ${check.title}`);
        if (check.error) {
            lines.push(`  ${check.error}`);
        }
        lines.push(...check.problems.map((problem) => `  ${formatProblem(problem)}`), '');
    }
    for (const check of report.checks) {
        const status = check.passed ? 'ok  ' : 'FAIL';
        const problems = check.error ? 'could not run' : count(check.problems.length, 'problem');
        lines.push(
            `${status} ${check.title.padEnd(26)} ${problems.padEnd(14)} ${check.summary} (${seconds(check.milliseconds)})`
        );
    }
    lines.push(
        `${report.passed ? 'Deploy-ready' : 'Not deploy-ready'}: ${report.checks.length} checks in ${seconds(report.milliseconds)}`
    );
    return lines.join('\n');
}

function seconds(milliseconds: number): string {
    return `${(milliseconds / 1000).toFixed(1)} s`;
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            json: { type: 'boolean', default: false },
            project: { type: 'string', default: PROJECT_ROOT },
            check: { type: 'string', multiple: true }
        }
    });
    const unknown = (values.check ?? []).filter((id) => !CHECKS.some((check) => check.id === id));
    if (unknown.length > 0) {
        console.error(`Unknown check ${unknown.join(', ')}; the checks are ${CHECKS.map(({ id }) => id).join(', ')}.`);
        process.exitCode = 2;
        return;
    }
    const selected = values.check ? CHECKS.filter(({ id }) => values.check?.includes(id)) : CHECKS;
    const report = await runGate(path.resolve(values.project), selected);
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    process.exitCode = report.passed ? 0 : 1;
}

if (import.meta.main) {
    await main();
}
