/**
 * Check 3: Apex syntax and semantics with the Apex language server bundled in Code Analyzer's PMD
 * engine (apex-ls CheckForIssues): unknown types, unknown fields on standard and project objects,
 * unknown methods, type mismatches. It reads the whole project (sfdx-project.json) in one JVM.
 * Field names inside static SOQL, which apex-ls leaves alone, are resolved by apex-soql.ts; record
 * fields in expressions on objects apex-ls stops checking, and fields read from a query's rows that
 * the query did not select, by apex-record-fields.ts.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { readApexSources } from './apex-sources.ts';
import { checkApexRecordFields } from './apex-record-fields.ts';
import { checkApexQueries } from './apex-soql.ts';
import { parseApexSources } from './apex-syntax.ts';
import { CheckError, type Check, type CheckContext, type CheckOutcome, type Problem } from './check.ts';
import { loadProjectModel } from './project-model.ts';
import { JAVA_LIB, requireJava, SHORT_RUN_JVM_OPTIONS } from './java.ts';
import { describeApex, toRelative } from './source-files.ts';

const run = promisify(execFile);
/** CheckForIssues exits 4 when it found errors; anything else non-zero means it failed to run. */
const ISSUES_FOUND = 4;

interface ApexLsReport {
    files: {
        path: string;
        messages: { start: { line: number }; category: string; message: string }[];
    }[];
}

export const apexCheck: Check = {
    id: 'apex',
    title: 'Apex semantics',
    async run(context: CheckContext): Promise<CheckOutcome> {
        const apex = await readApexSources(context);
        if (apex.length === 0) {
            return { problems: [], summary: 'no Apex: 0 classes checked' };
        }
        await requireJava();
        const [stdout, model, parsed] = await Promise.all([
            runCheckForIssues(path.resolve(context.projectDir)),
            loadProjectModel(context),
            parseApexSources(context)
        ]);
        const languageServer = parseReport(stdout, context.projectDir);
        const problems = [
            ...languageServer,
            ...checkApexQueries(model, apex),
            ...withoutDuplicates(checkApexRecordFields(model, parsed), languageServer)
        ];
        return { problems, summary: `${describeApex(apex)} checked` };
    }
};

async function runCheckForIssues(projectDir: string): Promise<string> {
    const args = [
        ...SHORT_RUN_JVM_OPTIONS,
        '-cp',
        `${JAVA_LIB}/*`,
        'io.github.apexdevtools.apexls.CheckForIssues',
        '-f',
        'json',
        '-n',
        '-w',
        projectDir
    ];
    try {
        return (await run('java', args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
        if (failed.code === ISSUES_FOUND && failed.stdout) {
            return failed.stdout;
        }
        throw new CheckError(`the Apex language server failed: ${failed.stderr?.trim() || failed.message}`);
    }
}

/** Drops unknown-field reports the language server already made on the same line. */
function withoutDuplicates(problems: Problem[], languageServer: Problem[]): Problem[] {
    const reported = new Set(
        languageServer.flatMap(({ file, line, message }) => {
            const field = /Unknown field '([^']+)'/.exec(message)?.[1];
            return field ? [`${file}:${String(line)}:${field.toLowerCase()}`] : [];
        })
    );
    return problems.filter(({ file, line, message }) => {
        const field = /^unknown field \S+\.(\S+)$/.exec(message)?.[1];
        return !field || !reported.has(`${file}:${String(line)}:${field.toLowerCase()}`);
    });
}

function parseReport(stdout: string, projectDir: string): Problem[] {
    const start = stdout.indexOf('{');
    if (start === -1) {
        return [];
    }
    const report = JSON.parse(stdout.slice(start)) as ApexLsReport;
    return report.files.flatMap(({ path: file, messages }) =>
        messages.map(({ start: { line }, category, message }) => ({
            file: toRelative(projectDir, file),
            line,
            message: category === 'Error' ? message : `${category}: ${message}`
        }))
    );
}
