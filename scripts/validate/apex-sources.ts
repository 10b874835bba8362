import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { oncePerRun, type CheckContext } from './check.ts';
import { listSourceFiles, type SourceFile } from './source-files.ts';

export interface ApexSource extends SourceFile {
    /** Class or trigger name (the file name without extension). */
    name: string;
    text: string;
}

/** The project's Apex classes and triggers, read once per run. */
export const readApexSources = oncePerRun(async (context: CheckContext): Promise<ApexSource[]> => {
    const files = (await listSourceFiles(context)).filter(({ relative }) => /\.(cls|trigger)$/.test(relative));
    return Promise.all(
        files.map(async (file) => ({
            ...file,
            name: path.basename(file.relative).replace(/\.(cls|trigger)$/, ''),
            text: await readFile(file.absolute, 'utf8')
        }))
    );
});
