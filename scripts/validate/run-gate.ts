import path from 'node:path';
import { readSfdxProject } from '../lib/project.ts';
import { apexCheck } from './check-apex.ts';
import { apexRulesCheck } from './check-apex-rules.ts';
import { crossReferencesCheck } from './check-cross-references.ts';
import { lwcCheck } from './check-lwc.ts';
import { metadataXmlCheck } from './check-metadata-xml.ts';
import { packageCheck } from './check-package.ts';
import { CheckError, type Check, type CheckContext, type Problem } from './check.ts';

/** The six checks, in report order. */
export const CHECKS: Check[] = [
    metadataXmlCheck,
    crossReferencesCheck,
    apexCheck,
    apexRulesCheck,
    lwcCheck,
    packageCheck
];

export interface CheckReport {
    id: string;
    title: string;
    passed: boolean;
    problems: Problem[];
    summary: string;
    /** Set when the check could not run (tool missing or failing). */
    error?: string;
    milliseconds: number;
}

export interface GateReport {
    passed: boolean;
    checks: CheckReport[];
    milliseconds: number;
}

/**
 * Runs every check over a project. Checks run concurrently (the Java ones and the CLI one are
 * separate processes); each check's time is measured from its own start.
 */
export async function runGate(projectDir: string, checks: Check[] = CHECKS): Promise<GateReport> {
    const started = performance.now();
    const context: CheckContext = { projectDir: path.resolve(projectDir), project: await readSfdxProject(projectDir) };
    const reports = await Promise.all(checks.map((check) => runCheck(check, context)));
    return {
        passed: reports.every(({ passed }) => passed),
        checks: reports,
        milliseconds: Math.round(performance.now() - started)
    };
}

async function runCheck(check: Check, context: CheckContext): Promise<CheckReport> {
    const started = performance.now();
    const base = { id: check.id, title: check.title };
    try {
        const { problems, summary } = await check.run(context);
        const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
        return { ...base, passed: problems.length === 0, problems: sorted, summary, milliseconds: elapsed(started) };
    } catch (error) {
        if (!(error instanceof CheckError)) {
            throw error;
        }
        return {
            ...base,
            passed: false,
            problems: [],
            summary: 'could not run',
            error: error.message,
            milliseconds: elapsed(started)
        };
    }
}

function elapsed(started: number): number {
    return Math.round(performance.now() - started);
}
