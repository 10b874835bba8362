/**
 * Check 5: each Lightning web component bundle compiles with the platform's compiler
 * (@lwc/sfdc-lwc-compiler: template errors, platform lint rules, invalid decorators…) from the
 * JavaScript `npm run build` produced, and every project name it imports or places resolves:
 * `c/` modules and `<c-…>` components, Apex classes and their methods, schema objects and fields,
 * message channels, custom permissions, static resources and base `lightning` components.
 */
import { readdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readApexSources } from './apex-sources.ts';
import { count, type Check, type CheckContext, type CheckOutcome, type Problem } from './check.ts';
import { resolveField } from './field-references.ts';
import { hasName, loadProjectModel, type BundleInfo, type ProjectModel } from './project-model.ts';
import { toRelative } from './source-files.ts';

// Some @lwc/compiler versions wrap a template error as "LWC1001: Unexpected compilation error: <error>";
// the underlying error is what the author needs.
const UNEXPECTED_ERROR_WRAPPER = /^LWC1001: Unexpected compilation error: /;
/** Diagnostic levels the compiler uses: 0 fatal, 1 error, 2 warning, 3 log. */
const MAX_FAILING_LEVEL = 1;
const BUNDLE_FILE = /\.(js|html|css|svg)$/;

/** The parts of the compiler's diagnostics and references the check reads. */
interface Diagnostic {
    level: number;
    message: string;
    filename?: string;
    location?: { line?: number };
}

interface Reference {
    type: string;
    id: string;
    file?: string;
    locations: { startLine?: number }[];
}

export const lwcCheck: Check = {
    id: 'lwc',
    title: 'Lightning web components',
    async run(context: CheckContext): Promise<CheckOutcome> {
        const model = await loadProjectModel(context);
        const apexSources = new Map(
            (await readApexSources(context)).map(({ name, text }) => [name.toLowerCase(), text])
        );
        const problems: Problem[] = [];
        for (const bundle of model.bundles.values()) {
            problems.push(...(await checkBundle(context.projectDir, bundle, model, apexSources)));
        }
        return { problems, summary: `${count(model.bundles.size, 'bundle')} compiled` };
    }
};

async function checkBundle(
    projectDir: string,
    bundle: BundleInfo,
    model: ProjectModel,
    apexSources: Map<string, string>
): Promise<Problem[]> {
    const dir = path.dirname(path.resolve(projectDir, bundle.file));
    const relativeDir = toRelative(projectDir, dir);
    const names = (await readdir(dir)).sort();
    const problems = await buildProblems(dir, relativeDir, bundle.name, names);
    if (problems.length > 0) {
        return problems;
    }
    const files: Record<string, string> = {};
    for (const name of names.filter((file) => BUNDLE_FILE.test(file))) {
        files[name] = await readFile(path.join(dir, name), 'utf8');
    }
    // Loaded on first use: the compiler takes most of the gate's start-up time.
    const { compile } = await import('@lwc/sfdc-lwc-compiler');
    const report = await compile({
        bundle: { namespace: 'c', name: bundle.name, type: 'platform', files }
    });
    for (const diagnostic of report.diagnostics as unknown as Diagnostic[]) {
        if (diagnostic.level <= MAX_FAILING_LEVEL) {
            problems.push({
                file: `${relativeDir}/${diagnostic.filename ?? `${bundle.name}.js`}`,
                ...(diagnostic.location?.line === undefined ? {} : { line: diagnostic.location.line }),
                message: diagnostic.message.replace(UNEXPECTED_ERROR_WRAPPER, '')
            });
        }
    }
    const references = (report.metadata?.references ?? []) as unknown as Reference[];
    for (const reference of references) {
        const problem = referenceProblem(reference, model, apexSources);
        if (problem) {
            const line = reference.locations[0]?.startLine;
            problems.push({
                file: `${relativeDir}/${reference.file ?? bundle.name}`,
                ...(line ? { line } : {}),
                message: problem
            });
        }
    }
    return problems;
}

/** The bundle's JavaScript must exist and be newer than its TypeScript source. */
async function buildProblems(dir: string, relativeDir: string, name: string, files: string[]): Promise<Problem[]> {
    const source = `${name}.ts`;
    const compiled = `${name}.js`;
    if (!files.includes(compiled)) {
        return [
            {
                file: `${relativeDir}/${files.includes(source) ? source : compiled}`,
                message: files.includes(source) ? `not compiled: run npm run build` : `the bundle has no ${compiled}`
            }
        ];
    }
    if (files.includes(source)) {
        const [sourceTime, compiledTime] = await Promise.all([
            stat(path.join(dir, source)),
            stat(path.join(dir, compiled))
        ]);
        if (sourceTime.mtimeMs > compiledTime.mtimeMs) {
            return [{ file: `${relativeDir}/${compiled}`, message: `older than ${source}: run npm run build` }];
        }
    }
    return [];
}

function referenceProblem(
    reference: Reference,
    model: ProjectModel,
    apexSources: Map<string, string>
): string | undefined {
    const { type, id } = reference;
    switch (type) {
        case 'module':
            return moduleProblem(id, model);
        case 'component':
            return componentProblem(id, model);
        case 'apexMethod':
            return apexMethodProblem(id, apexSources);
        case 'schema': {
            let problem: string | undefined;
            const [objectName = '', fieldName] = id.split('.');
            if (fieldName === undefined) {
                return model.objects.has(objectName.toLowerCase()) ? undefined : `unknown object ${objectName}`;
            }
            resolveField(model, `${objectName}.${fieldName}`, (message) => (problem = message));
            return problem;
        }
        case 'messageChannel':
            return hasName(model, 'messageChannel', id.replace(/__c$/i, ''))
                ? undefined
                : `unknown message channel ${id}`;
        case 'customPermission':
            return id.includes('.') || hasName(model, 'customPermission', id)
                ? undefined
                : `unknown custom permission ${id}`;
        case 'resourceUrl':
            return hasName(model, 'staticResource', id) ? undefined : `unknown static resource ${id}`;
        default:
            return undefined;
    }
}

function moduleProblem(id: string, model: ProjectModel): string | undefined {
    const [namespace, name = ''] = id.split('/');
    if (namespace === 'c') {
        return model.bundles.has(name.toLowerCase()) ? undefined : `unknown module ${id}: no lwc/${name} bundle`;
    }
    if (namespace === 'lightning') {
        return baseComponentNames().has(name.toLowerCase()) ? undefined : `unknown base module ${id}`;
    }
    return undefined;
}

function componentProblem(tag: string, model: ProjectModel): string | undefined {
    const [namespace, ...parts] = tag.split('-');
    const name = parts
        .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
        .join('');
    if (namespace === 'c') {
        return model.bundles.has(name.toLowerCase()) ? undefined : `unknown component <${tag}>: no lwc/${name} bundle`;
    }
    if (namespace === 'lightning') {
        return baseComponentNames().has(name.toLowerCase()) ? undefined : `unknown base component <${tag}>`;
    }
    return undefined;
}

/** `@salesforce/apex/Class.method`: the class is in the project and declares the method @AuraEnabled. */
function apexMethodProblem(id: string, apexSources: Map<string, string>): string | undefined {
    const parts = id.split('.');
    if (parts.length !== 2) {
        return undefined; // a managed package's Namespace.Class.method
    }
    const [className = '', method = ''] = parts;
    const source = apexSources.get(className.toLowerCase());
    if (source === undefined) {
        return `unknown Apex class ${className} (imported as @salesforce/apex/${id})`;
    }
    const declaration = new RegExp(`@AuraEnabled\\b[^;{}]*?\\s${method}\\s*\\(`, 'i');
    return declaration.test(source) ? undefined : `${className} has no @AuraEnabled method ${method}`;
}

let baseComponents: Set<string> | undefined;

/**
 * Base `lightning` modules and components (lower-cased camelCase names): the typed ones from
 * @salesforce/lightning-types and the ones sfdx-lwc-jest stubs.
 */
function baseComponentNames(): Set<string> {
    if (!baseComponents) {
        const require = createRequire(import.meta.url);
        const typesDir = path.join(
            path.dirname(require.resolve('@salesforce/lightning-types/package.json')),
            'dist',
            'lightning'
        );
        const stubsDir = path.join(
            path.dirname(require.resolve('@salesforce/sfdx-lwc-jest/package.json')),
            'src',
            'lightning-stubs'
        );
        const typed = readdirSync(typesDir).map((file) => file.replace(/^lightning/, '').replace(/\.d\.ts$/, ''));
        baseComponents = new Set([...typed, ...readdirSync(stubsDir)].map((name) => name.toLowerCase()));
    }
    return baseComponents;
}
