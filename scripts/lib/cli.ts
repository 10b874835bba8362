/**
 * The command-line front end every script shares, following the `sf` CLI's conventions: strict
 * flags (node:util parseArgs), `--help` with usage and examples, exit code 2 with one line and the
 * usage for a usage error, one line (and a hint) for a user error, one line and a `--debug` hint
 * for an unexpected error (the stack only with `--debug`). In JSON mode stdout carries only JSON.
 */
import { parseArgs } from 'node:util';
import { ScriptError } from './errors.ts';
import { consoleOutput, type Output } from './output.ts';
import { PROJECT_ROOT } from './project.ts';

export interface FlagSpec {
    type: 'string' | 'boolean';
    short?: string;
    multiple?: boolean;
    default?: string | boolean;
    /** Placeholder shown in the help for a string flag, e.g. `<alias>`. */
    value?: string;
    /** How the help names the default when the value itself would mislead (an absolute path). */
    defaultLabel?: string;
    description: string;
}

export interface CommandSpec {
    /** How the command is run, e.g. `npm run seed --`. */
    command: string;
    /** One sentence: what the command does. */
    summary: string;
    /** Synopsis lines after the command, e.g. `--target-org <alias> [--count <n>]`. */
    usage: string[];
    flags: Record<string, FlagSpec>;
    examples: string[];
    /** Paragraphs printed after the flags (limits, environment variables). */
    notes?: string[];
}

/** `--target-org`, as every command that talks to an org spells it. */
export const TARGET_ORG_FLAG = {
    type: 'string',
    short: 'o',
    value: '<alias>',
    description:
        'Alias or username of an org the Salesforce CLI is logged in to (npx sf org list). Without it, SF_INSTANCE_URL and SF_ACCESS_TOKEN name the org.'
} as const satisfies FlagSpec;

/** `--project`, as every offline check of an SFDX project spells it. */
export const PROJECT_FLAG = {
    type: 'string',
    value: '<dir>',
    default: PROJECT_ROOT,
    defaultLabel: 'this project',
    description: 'SFDX project folder (the one holding sfdx-project.json).'
} as const satisfies FlagSpec;

type FlagValue<F extends FlagSpec> = F['type'] extends 'boolean'
    ? boolean
    : F['multiple'] extends true
      ? string[] | undefined
      : F extends { default: string }
        ? string
        : string | undefined;

export type FlagValues<S extends CommandSpec> = { [K in keyof S['flags']]: FlagValue<S['flags'][K]> } & {
    debug: boolean;
};

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}

const COMMON_FLAGS: Record<string, FlagSpec> = {
    help: { type: 'boolean', short: 'h', description: 'Show this help.' },
    debug: { type: 'boolean', description: 'Print the stack trace of an unexpected error.' }
};

function flagLabel(name: string, flag: FlagSpec): string {
    const short = flag.short ? `-${flag.short}, ` : '    ';
    return `${short}--${name}${flag.type === 'string' ? ` ${flag.value ?? '<value>'}` : ''}`;
}

export function usageText(spec: CommandSpec): string {
    return spec.usage.map((line, index) => `${index === 0 ? 'Usage: ' : '       '}${spec.command} ${line}`).join('\n');
}

export function helpText(spec: CommandSpec): string {
    const flags = Object.entries({ ...spec.flags, ...COMMON_FLAGS });
    const width = Math.max(...flags.map(([name, flag]) => flagLabel(name, flag).length));
    const flagLines = flags.map(([name, flag]) => {
        const shown = flag.defaultLabel ?? (flag.type === 'string' ? flag.default : undefined);
        const fallback = shown === undefined ? '' : ` (default: ${String(shown)})`;
        return `  ${flagLabel(name, flag).padEnd(width)}  ${flag.description}${fallback}`;
    });
    return [
        spec.summary,
        '',
        usageText(spec),
        '',
        'Flags:',
        ...flagLines,
        ...(spec.notes ?? []).flatMap((note) => ['', note]),
        '',
        'Examples:',
        ...spec.examples.map((example) => `  ${example}`),
        ''
    ].join('\n');
}

/** node:util's parse errors, said in one line the way a user would read them. */
function usageMessage(error: Error & { code?: string }): string {
    // "Option '-o, --target-org <value>' argument missing" names the long flag after the short one.
    const option = /'(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1];
    const positional = /Unexpected argument '([^']*)'/.exec(error.message)?.[1];
    switch (error.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown flag ${option ?? error.message}`;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return `unexpected argument '${positional ?? '?'}' (every value follows its flag)`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            if (/argument missing|ambiguous/.test(error.message)) {
                return `${option ?? 'a flag'} needs a value (for a value that starts with "-", write ${option ?? '--flag'}=<value>)`;
            }
            return `${option ?? 'a flag'} takes no value`;
        default:
            return error.message;
    }
}

export type ParsedCommandLine<S extends CommandSpec> = { help: true } | { help: false; values: FlagValues<S> };

/** Parses strictly; throws UsageError for anything the command does not accept. */
export function parseCommandLine<S extends CommandSpec>(spec: S, argv: string[]): ParsedCommandLine<S> {
    const options = Object.fromEntries(
        Object.entries({ ...spec.flags, ...COMMON_FLAGS }).map(([name, flag]) => [
            name,
            {
                type: flag.type,
                ...(flag.short ? { short: flag.short } : {}),
                ...(flag.multiple ? { multiple: true } : {}),
                ...(flag.default === undefined ? {} : { default: flag.default })
            }
        ])
    );
    let values: Record<string, unknown>;
    try {
        ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
    } catch (error) {
        throw new UsageError(usageMessage(error as Error & { code?: string }));
    }
    if (values.help === true) {
        return { help: true };
    }
    for (const [name, flag] of Object.entries(spec.flags)) {
        if (flag.type === 'boolean' && values[name] === undefined) {
            values[name] = false;
        }
    }
    values.debug = values.debug === true;
    return { help: false, values: values as FlagValues<S> };
}

/**
 * A whole number from a flag's text: digits only (no signs, exponents, decimals or spaces), within
 * [min, max]. Anything else is a usage error naming the flag and the allowed range.
 */
export function integerFlag(name: string, text: string, { min, max }: { min: number; max: number }): number {
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
        throw new UsageError(
            `--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got '${text}')`
        );
    }
    return value;
}

/** Writes a failure: JSON on stdout in JSON mode, one line and a hint on stderr always. */
export function reportFailure(output: Output, error: unknown, debug = false): void {
    const known = error instanceof ScriptError;
    const message = known
        ? error.message
        : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    const hint = known ? error.hint : debug ? undefined : 'Run the same command with --debug to see where it failed.';
    if (output.json) {
        output.stdout.write(`${JSON.stringify({ ok: false, error: message, ...(hint ? { hint } : {}) }, null, 2)}\n`);
    }
    output.stderr.write(`✗ ${message}\n`);
    if (hint) {
        output.stderr.write(`  ${hint}\n`);
    }
    if (debug && error instanceof Error && error.stack) {
        output.stderr.write(`${error.stack}\n`);
    }
}

/**
 * Runs a command: parses `argv` against `spec`, answers `--help`, runs `body` with the flags and
 * the output, and turns every failure into a message and an exit code (0 ok, 1 failed, 2 usage).
 */
export async function runCommand<S extends CommandSpec>(
    spec: S,
    argv: string[],
    body: (values: FlagValues<S>, output: Output) => Promise<number>,
    output?: Output
): Promise<number> {
    const json = argv.includes('--json') && 'json' in spec.flags;
    const out = output ?? consoleOutput(json);
    let debug = argv.includes('--debug');
    try {
        const parsed = parseCommandLine(spec, argv);
        if (parsed.help) {
            out.stdout.write(helpText(spec));
            return 0;
        }
        debug = parsed.values.debug;
        return await body(parsed.values, out);
    } catch (error) {
        if (error instanceof UsageError) {
            if (out.json) {
                out.stdout.write(`${JSON.stringify({ ok: false, error: error.message }, null, 2)}\n`);
            }
            out.stderr.write(`✗ ${error.message}\n${usageText(spec)}\nRun ${spec.command} --help for details.\n`);
            return 2;
        }
        reportFailure(out, error, debug);
        return 1;
    }
}
