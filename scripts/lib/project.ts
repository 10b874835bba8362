import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding sfdx-project.json). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PackageDirectory {
    path: string;
    default?: boolean;
    package?: string;
}

export interface SfdxProject {
    packageDirectories: PackageDirectory[];
    sourceApiVersion: string;
}

export async function readSfdxProject(projectDir: string = PROJECT_ROOT): Promise<SfdxProject> {
    const file = path.join(projectDir, 'sfdx-project.json');
    const project = JSON.parse(await readFile(file, 'utf8')) as Partial<SfdxProject>;
    if (!Array.isArray(project.packageDirectories) || typeof project.sourceApiVersion !== 'string') {
        throw new Error(`${file}: expected packageDirectories and sourceApiVersion`);
    }
    return project as SfdxProject;
}
