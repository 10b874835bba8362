/**
 * The offline deploy-readiness gate: catches what a deploy to an org would reject, without an org.
 *
 *   npm run validate [-- --json] [--project <dir>] [--check <id> …]   (--help for all flags)
 *
 * `--check` runs only the named checks (metadata-xml, cross-references, apex, apex-rules, lwc,
 * package).
 * Prints each problem as `file:line: message` grouped by check, then one summary line per check
 * with its time; exits 1 when any check fails. `--json` prints the whole report as JSON instead.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { PROJECT_FLAG, runCommand, UsageError, type CommandSpec } from './lib/cli.ts';
import type { Output } from './lib/output.ts';
import { formatReport } from './validate/format-report.ts';
import { CHECKS, runGate } from './validate/run-gate.ts';

const VALIDATE = {
    command: 'npm run validate --',
    summary: 'Checks offline what a deploy of this project to an org would reject.',
    usage: ['[--project <dir>] [--check <id>]... [--json]'],
    flags: {
        project: PROJECT_FLAG,
        check: {
            type: 'string',
            value: '<id>',
            multiple: true,
            description: `Run only this check; repeatable. One of: ${CHECKS.map(({ id }) => id).join(', ')}.`
        },
        json: { type: 'boolean', description: 'Print the whole report as JSON on stdout.' }
    },
    examples: [
        'npm run validate',
        'npm run validate -- --check apex --check apex-rules',
        'npm run -s validate -- --json > gate.json'
    ],
    notes: ['Exit code: 0 deploy-ready, 1 problems found, 2 usage error.']
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        VALIDATE,
        argv,
        async (values, out) => {
            const unknown = (values.check ?? []).filter((id) => !CHECKS.some((check) => check.id === id));
            if (unknown.length > 0) {
                throw new UsageError(
                    `unknown check ${unknown.join(', ')}; the checks are ${CHECKS.map(({ id }) => id).join(', ')}`
                );
            }
            const projectDir = path.resolve(values.project);
            if (!existsSync(path.join(projectDir, 'sfdx-project.json'))) {
                throw new UsageError(`--project ${values.project}: no sfdx-project.json there`);
            }
            const selected = values.check ? CHECKS.filter(({ id }) => values.check?.includes(id)) : CHECKS;
            const report = await runGate(projectDir, selected);
            out.stdout.write(`${out.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
            return report.passed ? 0 : 1;
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
