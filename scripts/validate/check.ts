import type { SfdxProject } from '../lib/project.ts';

/** One thing a deploy would reject. `file` is relative to the project folder. */
export interface Problem {
    file: string;
    line?: number;
    message: string;
}

export interface CheckOutcome {
    problems: Problem[];
    /** What was examined, for the summary line ("14 files", "3 classes"). */
    summary: string;
}

/** What every check receives: the project being validated. */
export interface CheckContext {
    projectDir: string;
    project: SfdxProject;
}

export interface Check {
    id: string;
    title: string;
    run(context: CheckContext): Promise<CheckOutcome>;
}

/**
 * Wraps a loader so that every check of one run shares its result (the run's context is the key):
 * files are listed, read and parsed once however many checks need them.
 */
export function oncePerRun<T>(load: (context: CheckContext) => Promise<T>): (context: CheckContext) => Promise<T> {
    const results = new WeakMap<CheckContext, Promise<T>>();
    return (context) => {
        let result = results.get(context);
        if (!result) {
            result = load(context);
            results.set(context, result);
        }
        return result;
    };
}

/** A check that could not run at all (a tool missing or crashing) is reported as a problem of the check. */
export class CheckError extends Error {}

/** "1 file", "3 files", "2 classes". */
export function count(amount: number, singular: string, plural = `${singular}s`): string {
    return `${amount} ${amount === 1 ? singular : plural}`;
}

export function formatProblem({ file, line, message }: Problem): string {
    return line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}
