import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/project.ts';
import type { Check, Problem } from '../../validate/check.ts';
import { runGate, type CheckReport } from '../../validate/run-gate.ts';

/** A deliberately broken (or clean) project under scripts/test/fixtures/validate/. */
export function fixture(name: string): string {
    return path.join(PROJECT_ROOT, 'scripts', 'test', 'fixtures', 'validate', name);
}

/** Runs one check over a fixture project. */
export async function runCheckOn(name: string, check: Check): Promise<CheckReport> {
    const { checks } = await runGate(fixture(name), [check]);
    const [report] = checks;
    if (!report) {
        throw new Error(`no report for ${check.id}`);
    }
    return report;
}

/** `file:line: message` lines, file relative to the fixture, for readable assertions. */
export function located(problems: Problem[]): string[] {
    return problems.map(({ file, line, message }) => `${file}:${line ?? '-'}: ${message}`);
}
