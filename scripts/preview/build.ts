/**
 * Bundles the browser preview: the project's components (from their TypeScript sources), the preview
 * shell and the platform stand-ins under preview/modules, Lightning base components and the LWC engine
 * with synthetic shadow (as Lightning Experience runs it), into one ES module served with SLDS.
 *
 * Platform modules the components import are answered here:
 * - `@salesforce/apex/Class.method` becomes a module whose default export is both callable and a wire
 *   adapter (the platform's contract), answering from the preview scenario;
 * - `@salesforce/apex`, `lightning/messageService`, `lightning/navigation`,
 *   `lightning/platformShowToastEvent` and `@salesforce/messageChannel/*` come from preview/modules/platform;
 * - `@salesforce/gate/bc.260.enableComboboxElementInternals` is closed: lightning-combobox otherwise
 *   calls attachInternals, which synthetic shadow does not support.
 * Everything else under `lightning/*` and `@salesforce/i18n/*` comes from lightning-base-components.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import lwcPlugin from '@lwc/rollup-plugin';
import replacePlugin from '@rollup/plugin-replace';
import { rollup, type Plugin } from 'rollup';
import ts from 'typescript';
import { PROJECT_ROOT } from '../lib/project.ts';

export type BuildMode = 'development' | 'production';

export interface PreviewBundle {
    /**
     * The page's modules by file name: the entry `preview.js`, the chunks it imports on demand (Lightning base
     * components load icon templates that way) and, in development mode, their `.map` files.
     */
    files: Map<string, string>;
    milliseconds: number;
}

export const ENTRY_FILE = 'preview.js';

export const COMPONENTS_DIR = path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'lwc');
export const PREVIEW_MODULES_DIR = path.join(PROJECT_ROOT, 'preview', 'modules');
// Both packages' types describe an ES module default export, which NodeNext resolution reads as `.default` of a
// CommonJS module; at run time the default import is the plugin function itself.
const lwc = lwcPlugin as unknown as typeof lwcPlugin.default;
const replace = replacePlugin as unknown as typeof replacePlugin.default;
const PLATFORM_DIR = path.join(PREVIEW_MODULES_DIR, 'platform');
const ENTRY = path.join(PREVIEW_MODULES_DIR, 'main.ts');
/** The API version the components declare in their -meta.xml files. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the plugin's APIVersion enum values are these numbers
const API_VERSION = 65 as NonNullable<Parameters<typeof lwc>[0]>['apiVersion'];

const PLATFORM_MODULES: Record<string, string> = {
    '@salesforce/apex': 'apex.ts',
    'lightning/messageService': 'messageService.ts',
    'lightning/navigation': 'navigation.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    '@salesforce/gate/bc.260.enableComboboxElementInternals': 'closedGate.ts'
};

/**
 * The `@salesforce/*` modules lightning-base-components maps for its own use (i18n values, labels, gates):
 * the package exposes only `lightning/*`, so the project's imports of them are resolved here.
 */
function baseComponentScopedModules(): Map<string, string> {
    const packageJson = createRequire(import.meta.url).resolve('lightning-base-components/package.json');
    const { lwc: config } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
        lwc: { modules: Array<{ name?: string; path?: string }> };
    };
    return new Map(
        config.modules.flatMap(({ name, path: file }) =>
            name && file ? [[name, path.join(path.dirname(packageJson), file)] as const] : []
        )
    );
}

const APEX_PREFIX = '@salesforce/apex/';
const CHANNEL_PREFIX = '@salesforce/messageChannel/';
const VIRTUAL = '\0baton-preview:';

/** `c/name` from the project, `preview/name` from the preview shell, the platform stand-ins, Apex and channels. */
function projectModules(): Plugin {
    const scoped = baseComponentScopedModules();
    return {
        name: 'baton-preview-modules',
        resolveId(source) {
            const platform = PLATFORM_MODULES[source];
            if (platform) {
                return path.join(PLATFORM_DIR, platform);
            }
            if (source.startsWith('@salesforce/') && scoped.has(source)) {
                return scoped.get(source);
            }
            if (source.startsWith(APEX_PREFIX) || source.startsWith(CHANNEL_PREFIX)) {
                return VIRTUAL + source;
            }
            const [namespace, name, ...rest] = source.split('/');
            const dir = { c: COMPONENTS_DIR, preview: path.join(PREVIEW_MODULES_DIR, 'preview') }[namespace ?? ''];
            if (dir && name && rest.length === 0) {
                const file = path.join(dir, name, `${name}.ts`);
                return existsSync(file) ? file : null;
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(VIRTUAL)) {
                return null;
            }
            const source = id.slice(VIRTUAL.length);
            if (source.startsWith(APEX_PREFIX)) {
                const method = JSON.stringify(source.slice(APEX_PREFIX.length));
                const apex = JSON.stringify(path.join(PLATFORM_DIR, 'apex.ts'));
                return `import { apexMethod } from ${apex};\nexport default apexMethod(${method});\n`;
            }
            return `export default { channelName: ${JSON.stringify(source.slice(CHANNEL_PREFIX.length))} };\n`;
        }
    };
}

/** TypeScript to JavaScript with the project's compiler options (decorators stay for the LWC compiler). */
function typescript(): Plugin {
    return {
        name: 'baton-preview-typescript',
        transform(code, id) {
            if (!id.endsWith('.ts') || id.includes(`${path.sep}node_modules${path.sep}`)) {
                return null;
            }
            const output = ts.transpileModule(code, {
                fileName: id,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    isolatedModules: true,
                    sourceMap: true
                }
            });
            return { code: output.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ''), map: output.sourceMapText };
        }
    };
}

/** The Jest fixtures the preview serves, imported as JSON. */
function json(): Plugin {
    return {
        name: 'baton-preview-json',
        async load(id) {
            return id.endsWith('.json') ? `export default ${await readFile(id, 'utf8')};\n` : null;
        }
    };
}

export async function buildPreview(mode: BuildMode): Promise<PreviewBundle> {
    const started = performance.now();
    const bundle = await rollup({
        input: ENTRY,
        plugins: [
            projectModules(),
            json(),
            typescript(),
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify(mode),
                    // Lightning base components test for server-side rendering this way.
                    'import.meta.env.SSR': 'false'
                }
            }),
            lwc({
                rootDir: PREVIEW_MODULES_DIR,
                exclude: ['**/*.json'],
                modules: [{ npm: 'lightning-base-components' }],
                apiVersion: API_VERSION,
                sourcemap: mode === 'development'
            })
        ],
        onwarn(warning, warn) {
            // Lightning base components are compiled from their sources here, and their own circular imports
            // and template warnings are theirs to fix; the project's warnings are shown.
            const ids = [warning.id, ...(warning.ids ?? [])].filter(Boolean);
            if (ids.length > 0 && ids.every((id) => id?.includes(`${path.sep}node_modules${path.sep}`))) {
                return;
            }
            warn(warning);
        }
    });
    try {
        const { output } = await bundle.generate({
            format: 'esm',
            entryFileNames: ENTRY_FILE,
            chunkFileNames: '[name]-[hash].js',
            sourcemap: mode === 'development'
        });
        const files = new Map<string, string>();
        for (const file of output) {
            if (file.type === 'chunk') {
                files.set(file.fileName, file.code);
                if (file.map) {
                    files.set(`${file.fileName}.map`, file.map.toString());
                }
            }
        }
        return { files, milliseconds: performance.now() - started };
    } finally {
        await bundle.close();
    }
}
