/** The gate's report as people read it: problems grouped by failing check, then one line per check. */
import { count, formatProblem } from './check.ts';
import type { GateReport } from './run-gate.ts';

export function formatReport(report: GateReport): string {
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

export function seconds(milliseconds: number): string {
    return `${(milliseconds / 1000).toFixed(1)} s`;
}
