import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findDevelopmentFiles } from '../check-package-contents.ts';
import { count, oncePerRun, type CheckContext } from './check.ts';

/** A file of a package directory that would be deployed. */
export interface SourceFile {
    /** Absolute path. */
    absolute: string;
    /** Path relative to the project folder, with forward slashes (what problems print). */
    relative: string;
}

/**
 * Every file under the project's package directories except development-only ones (TypeScript
 * sources, tests, configs — the same rules as the package-contents check). Sorted; listed once
 * per run.
 */
export const listSourceFiles = oncePerRun(async ({ projectDir, project }: CheckContext): Promise<SourceFile[]> => {
    const files: SourceFile[] = [];
    for (const { path: packageDirectory } of project.packageDirectories) {
        const root = path.resolve(projectDir, packageDirectory);
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        for (const entry of entries) {
            if (entry.isFile()) {
                const absolute = path.join(entry.parentPath, entry.name);
                files.push({ absolute, relative: toRelative(projectDir, absolute) });
            }
        }
    }
    const developmentOnly = new Set(
        findDevelopmentFiles(files.map(({ relative }) => relative)).map(({ file }) => file)
    );
    return files
        .filter(({ relative, absolute }) => !developmentOnly.has(relative) && !path.basename(absolute).startsWith('.'))
        .sort((a, b) => a.relative.localeCompare(b.relative));
});

/** "3 classes, 1 trigger" for the Apex files of a project. */
export function describeApex(files: SourceFile[]): string {
    const classes = files.filter(({ relative }) => relative.endsWith('.cls')).length;
    const triggers = files.filter(({ relative }) => relative.endsWith('.trigger')).length;
    return `${count(classes, 'class', 'classes')}, ${count(triggers, 'trigger')}`;
}

export function toRelative(projectDir: string, absolute: string): string {
    return path.relative(projectDir, absolute).split(path.sep).join('/');
}
