/**
 * Converts every package directory of an SFDX project to Metadata API format with the project's
 * own Salesforce CLI (`sf project convert source`) and fails when the output carries files that
 * exist only for development: TypeScript sources, tsconfig files, tests, lint configuration.
 * Those must be kept out by .forceignore. `npm run check:package -- --help` for the flags.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_FLAG, runCommand, UsageError, type CommandSpec } from './lib/cli.ts';
import type { Output } from './lib/output.ts';
import { PROJECT_ROOT, readSfdxProject } from './lib/project.ts';
import { sf } from './lib/sfCli.ts';

const DEVELOPMENT_ONLY = [
    { pattern: /\.ts$/, reason: 'TypeScript source' },
    { pattern: /(^|\/)[tj]sconfig(\.[^/]*)?\.json$/, reason: 'TypeScript/JavaScript project config' },
    { pattern: /(^|\/)__tests__\//, reason: 'test file' },
    { pattern: /\.(test|spec)\.[jt]s$/, reason: 'test file' },
    { pattern: /(^|\/)(\.eslintrc[^/]*|eslint\.config\.[^/]+)$/, reason: 'lint configuration' }
];

export interface DevelopmentFile {
    file: string;
    reason: string;
}

export interface PackageContents {
    packageDirectory: string;
    files: string[];
    developmentFiles: DevelopmentFile[];
}

/** Which of these converted files (paths relative to the output folder) exist only for development. */
export function findDevelopmentFiles(files: string[]): DevelopmentFile[] {
    return files.flatMap((file) => {
        const match = DEVELOPMENT_ONLY.find(({ pattern }) => pattern.test(file));
        return match ? [{ file, reason: match.reason }] : [];
    });
}

async function listFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort();
}

export async function checkPackageContents(projectDir: string = PROJECT_ROOT): Promise<PackageContents[]> {
    const project = await readSfdxProject(projectDir);
    const results: PackageContents[] = [];
    for (const { path: packageDirectory } of project.packageDirectories) {
        const outputDir = await mkdtemp(path.join(tmpdir(), 'baton-convert-'));
        try {
            await sf(
                ['project', 'convert', 'source', '--root-dir', packageDirectory, '--output-dir', outputDir],
                projectDir
            );
            const files = await listFiles(outputDir);
            results.push({ packageDirectory, files, developmentFiles: findDevelopmentFiles(files) });
        } finally {
            await rm(outputDir, { recursive: true, force: true });
        }
    }
    return results;
}

const CHECK_PACKAGE = {
    command: 'npm run check:package --',
    summary:
        "Converts each package directory with the project's Salesforce CLI (sf project convert source) and fails when a development-only file (TypeScript, tsconfig, tests, lint configuration) would be deployed.",
    usage: ['[--project <dir>]'],
    flags: {
        project: PROJECT_FLAG
    },
    examples: ['npm run check:package'],
    notes: ['Exit code: 0 clean, 1 a development-only file would be deployed, 2 usage error.']
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        CHECK_PACKAGE,
        argv,
        async (values, out) => {
            const projectDir = path.resolve(values.project);
            if (!existsSync(path.join(projectDir, 'sfdx-project.json'))) {
                throw new UsageError(`--project ${values.project}: no sfdx-project.json there`);
            }
            let failed = false;
            for (const { packageDirectory, files, developmentFiles } of await checkPackageContents(projectDir)) {
                out.stdout.write(`${packageDirectory}: ${files.length} files after conversion\n`);
                for (const { file, reason } of developmentFiles) {
                    failed = true;
                    out.stderr.write(
                        `  ${packageDirectory}/${file}: ${reason} would be deployed; add it to .forceignore\n`
                    );
                }
            }
            return failed ? 1 : 0;
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
