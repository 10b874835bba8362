/**
 * Apex syntax trees from the platform's own parser: jorje, the Apex compiler's front end, as
 * prettier-plugin-apex ships it (a native `apex-ast-serializer` per platform, and a Java build of
 * the same serializer for platforms without one). The serializer reads one source on stdin and
 * prints jorje's tree as JSON: every node carries its Java class in `@class`
 * (`apex.jorje.data.ast.Expr$VariableExpr`), optional children are `{}` or `{ value: node }`,
 * identifiers carry their location (`loc.line`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project.ts';
import { CheckError, oncePerRun, type CheckContext } from './check.ts';
import { readApexSources, type ApexSource } from './apex-sources.ts';
import { requireJava } from './java.ts';

/** A jorje node as the serializer prints it. */
export interface ApexNode {
    '@class'?: string;
    [key: string]: unknown;
}

export interface ParsedApex extends ApexSource {
    /** The compilation unit (`CompilationUnit$ClassDeclUnit`, `$TriggerDeclUnit`, …). */
    unit: ApexNode;
}

interface SerializerOutput {
    'apex.jorje.semantic.compiler.parser.ParserOutput': {
        parseErrors: { message: string }[];
        unit: ApexNode;
    };
}

/** The native serializer for this platform, or the Java one (slower: one JVM per file). */
function serializerCommand(): { file: string; java: boolean } {
    const pluginDir = path.join(PROJECT_ROOT, 'node_modules', 'prettier-plugin-apex');
    const platform = `${process.platform}-${process.arch}`;
    try {
        const pluginRequire = createRequire(path.join(pluginDir, 'package.json'));
        const executable = `apex-ast-serializer-${platform}${process.platform === 'win32' ? '.exe' : ''}`;
        return {
            file: pluginRequire.resolve(`@prettier-apex/apex-ast-serializer-${platform}/${executable}`),
            java: false
        };
    } catch {
        const script = process.platform === 'win32' ? 'apex-ast-serializer.bat' : 'apex-ast-serializer';
        return { file: path.join(pluginDir, 'vendor', 'apex-ast-serializer', 'bin', script), java: true };
    }
}

function serialize(serializer: { file: string; java: boolean }, source: string): Promise<string> {
    return new Promise((resolve, reject) => {
        // A Windows batch file runs only through the shell.
        const shell = serializer.java && process.platform === 'win32';
        const child = spawn(serializer.file, [], { stdio: ['pipe', 'pipe', 'pipe'], shell });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0) {
                resolve(Buffer.concat(stdout).toString('utf8'));
            } else {
                reject(new Error(Buffer.concat(stderr).toString('utf8').trim() || `exit code ${String(code)}`));
            }
        });
        child.stdin.end(source);
    });
}

/**
 * Parses every Apex class and trigger of the project, once per run. A source the parser rejects is
 * left out: reporting syntax errors is the Apex language server's part of the check.
 */
export const parseApexSources = oncePerRun(async (context: CheckContext): Promise<ParsedApex[]> => {
    const sources = await readApexSources(context);
    if (sources.length === 0) {
        return [];
    }
    const serializer = serializerCommand();
    if (serializer.java) {
        await requireJava();
    }
    // Native runs take ~10 ms each; JVM runs go two at a time on a shared machine.
    const concurrency = serializer.java ? 2 : 8;
    const parsed: ParsedApex[] = [];
    const queue = [...sources];
    const worker = async (): Promise<void> => {
        for (let source = queue.shift(); source; source = queue.shift()) {
            let output: SerializerOutput;
            try {
                output = JSON.parse(await serialize(serializer, source.text)) as SerializerOutput;
            } catch (error) {
                throw new CheckError(`the Apex parser failed on ${source.relative}: ${(error as Error).message}`);
            }
            const result = output['apex.jorje.semantic.compiler.parser.ParserOutput'];
            if (result.parseErrors.length === 0) {
                parsed.push({ ...source, unit: result.unit });
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, sources.length) }, worker));
    return parsed.sort((a, b) => a.relative.localeCompare(b.relative));
});

/** `Expr$VariableExpr` for `apex.jorje.data.ast.Expr$VariableExpr`; `soql.Query` for SOQL nodes. */
export function kindOf(node: unknown): string {
    const name = isNode(node) ? node['@class'] : undefined;
    return name ? name.replace(/^apex\.jorje\.data\.(ast\.)?/, '') : '';
}

export function isNode(value: unknown): value is ApexNode {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A child node, unwrapping jorje's optionals (`{}` is none, `{ value }` is some). */
export function child(node: ApexNode, key: string): ApexNode | undefined {
    const value = node[key];
    if (!isNode(value)) {
        return undefined;
    }
    if (value['@class'] === undefined) {
        return isNode(value.value) ? value.value : undefined;
    }
    return value;
}

export function children(node: ApexNode, key: string): ApexNode[] {
    const value = node[key];
    return Array.isArray(value) ? value.filter(isNode) : [];
}

/** An identifier's text and line. */
export interface Identifier {
    value: string;
    line: number;
}

export function identifier(node: ApexNode | undefined): Identifier | undefined {
    if (!node || typeof node.value !== 'string') {
        return undefined;
    }
    const loc = node.loc as { line?: number } | undefined;
    return { value: node.value, line: loc?.line ?? 0 };
}

export function identifiers(node: ApexNode, key: string): Identifier[] {
    return children(node, key).flatMap((name) => identifier(name) ?? []);
}

/** The first line any node under `node` carries (VariableExpr and others have no location of their own). */
export function lineOf(node: ApexNode): number {
    const loc = node.loc as { line?: number } | undefined;
    if (loc?.line !== undefined) {
        return loc.line;
    }
    for (const value of Object.values(node)) {
        for (const item of Array.isArray(value) ? value : [value]) {
            if (isNode(item)) {
                const line = lineOf(item);
                if (line > 0) {
                    return line;
                }
            }
        }
    }
    return 0;
}

/** Child nodes in document order of their keys, for a walk that does not know the node's kind. */
export function childNodes(node: ApexNode): ApexNode[] {
    const found: ApexNode[] = [];
    for (const [key, value] of Object.entries(node)) {
        if (key === 'loc') {
            continue;
        }
        for (const item of Array.isArray(value) ? value : [value]) {
            if (isNode(item)) {
                found.push(item['@class'] === undefined && isNode(item.value) ? item.value : item);
            }
        }
    }
    return found;
}
