/**
 * Check 4: PMD's Apex rules listed in apex-rules.json, run through Salesforce Code Analyzer
 * (@salesforce/code-analyzer-core with the PMD engine) over the project's Apex classes and triggers.
 */
import path from 'node:path';
import {
    CodeAnalyzer,
    CodeAnalyzerConfig,
    EventType,
    LogLevel,
    type LogEvent,
    type RuleSelection,
    type Workspace
} from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import rulesFile from './apex-rules.json' with { type: 'json' };
import { CheckError, type Check, type CheckContext, type CheckOutcome, type Problem } from './check.ts';
import { requireJava, SHORT_RUN_JVM_OPTIONS } from './java.ts';
import { describeApex, listSourceFiles, toRelative } from './source-files.ts';

const SELECTED_RULES: string[] = Object.values(rulesFile.rules).flat();

export const apexRulesCheck: Check = {
    id: 'apex-rules',
    title: 'Apex rules (PMD)',
    async run(context: CheckContext): Promise<CheckOutcome> {
        const apexFiles = (await listSourceFiles(context)).filter(({ relative }) => /\.(cls|trigger)$/.test(relative));
        const summary = `${SELECTED_RULES.length} rules`;
        if (apexFiles.length === 0) {
            return { problems: [], summary: `${summary}, no Apex: 0 classes checked` };
        }
        await requireJava();
        const problems = await runPmd(
            context.projectDir,
            apexFiles.map(({ absolute }) => absolute)
        );
        return { problems, summary: `${summary} over ${describeApex(apexFiles)}` };
    }
};

/**
 * Code Analyzer's PMD engine reads `java -version` on the process's exit event, which can come before
 * the JVM's stderr has been read: with JAVA_TOOL_OPTIONS set, the first line it sees may be "Picked up
 * JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1 …", whose first number it takes for the version ("Java
 * v1.0.0"), and the engine is not created. requireJava() has already run Java, so that failure is
 * retried with a new analyzer (each one asks again) a few times before it is reported.
 */
const ENGINE_ATTEMPTS = 3;
const JAVA_NOT_LOCATED = /Could not locate Java/;

interface PmdSession {
    analyzer: CodeAnalyzer;
    workspace: Workspace;
    selection: RuleSelection;
    errors: string[];
}

async function startPmd(root: string, apexFiles: string[]): Promise<PmdSession> {
    for (let attempt = 1; ; attempt++) {
        const config = CodeAnalyzerConfig.fromObject({ engines: { cpd: { disable_engine: true } } }, root);
        const analyzer = new CodeAnalyzer(config);
        const errors: string[] = [];
        analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
            if (event.logLevel === LogLevel.Error) {
                errors.push(event.message);
            }
        });
        await analyzer.addEnginePlugin(createEnginePlugin());
        const workspace = await analyzer.createWorkspace(apexFiles);
        const selection = await analyzer.selectRules(
            SELECTED_RULES.map((rule) => `pmd:${rule}`),
            { workspace }
        );
        const missing = SELECTED_RULES.filter(
            (rule) => !selection.getRulesFor('pmd').some((found) => found.getName() === rule)
        );
        if (missing.length === 0) {
            return { analyzer, workspace, selection, errors };
        }
        if (attempt < ENGINE_ATTEMPTS && errors.some((error) => JAVA_NOT_LOCATED.test(error))) {
            continue;
        }
        // PMD describes its rules from a Java process: when that fails every rule looks missing, and
        // only the logged errors say why.
        const why = errors.length > 0 ? ` (Code Analyzer logged: ${errors.join('; ')})` : '';
        throw new CheckError(
            `rules in apex-rules.json that the bundled PMD does not have: ${missing.join(', ')}${why}`
        );
    }
}

async function runPmd(projectDir: string, apexFiles: string[]): Promise<Problem[]> {
    const root = path.resolve(projectDir);
    // Code Analyzer starts Java with this process's environment and takes no JVM options itself.
    process.env.JAVA_TOOL_OPTIONS ??= SHORT_RUN_JVM_OPTIONS.join(' ');
    const { analyzer, workspace, selection, errors } = await startPmd(root, apexFiles);
    const results = await analyzer.run(selection, { workspace });
    if (errors.length > 0) {
        throw new CheckError(`Code Analyzer failed: ${errors.join('; ')}`);
    }
    return results.getViolations().map((violation) => {
        const location = violation.getPrimaryLocation();
        const file = location.getFile();
        return {
            file: file ? toRelative(root, file) : '(unknown file)',
            ...(location.getStartLine() === undefined ? {} : { line: location.getStartLine() }),
            message: `${violation.getRule().getName()}: ${violation.getMessage()}`
        };
    });
}
