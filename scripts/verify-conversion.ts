/**
 * Verifies the lead conversion mapping. Online it compares the org's LeadConvertSettings with the
 * project's, converts test leads and checks every mapped field on Account, Contact and
 * Opportunity, the primary campaign and the opportunity stage Baton sets, then deletes what it
 * created. Offline it checks the project's mapping against the project's field types and lengths.
 * `npm run verify:conversion -- --help` for every flag.
 */
import { randomBytes } from 'node:crypto';
import { runCommand, TARGET_ORG_FLAG, UsageError, type CommandSpec } from './lib/cli.ts';
import { connect, resolveAuth, type OrgAuth } from './lib/connection.ts';
import { finishReport, formatTable, say, type Output } from './lib/output.ts';
import { PROJECT_ROOT } from './lib/project.ts';
import { readLeadConvertSettings } from './lib/projectMetadata.ts';
import { checkConversionMappingOffline } from './verify/offline.ts';
import { runVerify, type VerifyRunResult } from './verify/run.ts';
import { asText } from './lib/text.ts';

export interface VerifyReport extends VerifyRunResult {
    ok: boolean;
    org: string;
    apiCalls: number;
    seconds: number;
}

function show(value: unknown): string {
    if (value === null || value === undefined) return '—';
    const text = asText(value);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function formatVerifyReport(report: VerifyReport): string {
    const lines: string[] = [];
    if (report.drift.length > 0) {
        lines.push('LeadConvertSettings drift (project file vs org):');
        lines.push(...report.drift.map((item) => `  ✗ ${item.mapping}  (${item.where})`));
    } else {
        lines.push('LeadConvertSettings: the org matches the project file.');
    }
    lines.push('');
    lines.push(
        formatTable(
            ['field', 'source value', 'target', 'expected', 'actual', 'ok'],
            report.rows.map((row) => [
                row.field,
                show(row.source),
                row.target,
                show(row.expected),
                show(row.actual),
                `${row.ok ? '✓' : '✗'}${row.note ? ` ${row.note}` : ''}`
            ])
        )
    );
    const failed = report.rows.filter((row) => !row.ok).length;
    lines.push('');
    lines.push(
        `${report.rows.length - failed} of ${report.rows.length} checks passed; ${report.drift.length} mapping(s) drifted. API calls: ${report.apiCalls}, time: ${report.seconds.toFixed(1)} s`
    );
    if (report.left.length > 0) {
        lines.push(
            `Left in the org${report.cleanupErrors.length > 0 ? ' (cleanup failed)' : ' (--keep)'}: ${report.left.join(', ')}`
        );
        lines.push(...report.cleanupErrors.map((error) => `  ${error}`));
    } else {
        lines.push('Cleaned up: every test record was deleted.');
    }
    return lines.join('\n');
}

export async function verifyConversion(
    auth: OrgAuth,
    options: { keep: boolean; allowProduction: boolean },
    output: Output
): Promise<VerifyReport> {
    const started = performance.now();
    const org = await connect(auth);
    say(output, `Verifying lead conversion in ${org.label}`);
    const { settings } = await readLeadConvertSettings(PROJECT_ROOT);
    const result = await runVerify(org, {
        projectSettings: settings,
        keep: options.keep,
        allowProduction: options.allowProduction,
        runId: randomBytes(3).toString('hex').toUpperCase()
    });
    const report: VerifyReport = {
        ...result,
        ok: result.drift.length === 0 && result.rows.every((row) => row.ok) && result.cleanupErrors.length === 0,
        org: org.label,
        apiCalls: org.apiCalls(),
        seconds: (performance.now() - started) / 1000
    };
    say(output, formatVerifyReport(report));
    return report;
}

async function offline(output: Output): Promise<number> {
    const report = await checkConversionMappingOffline();
    if (output.json) {
        output.stdout.write(`${JSON.stringify({ ok: report.issues.length === 0, ...report }, null, 2)}\n`);
    } else {
        say(output, `${report.file}: ${report.mappings} field mappings checked against the project's metadata`);
        say(
            output,
            report.issues.length === 0
                ? '✓ every mapping has a compatible target (type, length, digits, picklist values)'
                : report.issues.map((issue) => `✗ ${issue.mapping}: ${issue.problem}`).join('\n')
        );
    }
    return report.issues.length === 0 ? 0 : 1;
}

const VERIFY = {
    command: 'npm run verify:conversion --',
    summary:
        "Proves that lead conversion carries Baton's data onto Account, Contact and Opportunity: converts test leads in an org and checks every mapped field, then deletes them (or, with --offline, checks the project's mapping without an org).",
    usage: ['--target-org <alias> [--keep] [--json] [--allow-production]', '--offline [--json]'],
    flags: {
        'target-org': TARGET_ORG_FLAG,
        keep: { type: 'boolean', description: 'Keep the test lead and what its conversion created, to inspect them.' },
        offline: {
            type: 'boolean',
            description: "Check the project's mapping against the project's field types and lengths; no org."
        },
        json: { type: 'boolean', description: 'Print the report as JSON on stdout (progress goes to stderr).' },
        'allow-production': { type: 'boolean', description: 'Allow a production org (refused otherwise).' }
    },
    examples: [
        'npm run verify:conversion -- --target-org uat',
        'npm run verify:conversion -- --offline',
        'npm run -s verify:conversion -- --target-org uat --json > conversion.json'
    ],
    notes: [
        'JSON: run npm with -s (npm run -s verify:conversion -- … --json): without it npm prints its own "> baton@… verify:conversion" banner on stdout first.',
        'Exit code: 0 every check passed, 1 a mismatch, drift or failure, 2 usage error.'
    ]
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        VERIFY,
        argv,
        async (values, out) => {
            if (values.offline) {
                if (values['target-org'] !== undefined || values.keep || values['allow-production']) {
                    throw new UsageError(
                        '--offline reads no org: --target-org, --keep and --allow-production do not apply'
                    );
                }
                return offline(out);
            }
            const report = await verifyConversion(
                await resolveAuth(values['target-org']),
                { keep: values.keep, allowProduction: values['allow-production'] },
                out
            );
            return finishReport(out, report);
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
