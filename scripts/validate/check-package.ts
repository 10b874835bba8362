/**
 * Check 6: `sf project convert source` of each package directory succeeds and carries no
 * TypeScript, test or config file (scripts/check-package-contents.ts does the work).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { checkPackageContents } from '../check-package-contents.ts';
import { CheckError, count, type Check, type CheckContext, type CheckOutcome, type Problem } from './check.ts';
import { toRelative } from './source-files.ts';

export const packageCheck: Check = {
    id: 'package',
    title: 'Package structure',
    async run({ projectDir }: CheckContext): Promise<CheckOutcome> {
        let results;
        try {
            results = await checkPackageContents(projectDir);
        } catch (error) {
            throw new CheckError((error as Error).message);
        }
        const problems: Problem[] = [];
        for (const { packageDirectory, developmentFiles } of results) {
            const sources =
                developmentFiles.length > 0 ? await listFiles(path.resolve(projectDir, packageDirectory)) : [];
            for (const { file, reason } of developmentFiles) {
                problems.push({
                    file: toRelative(
                        projectDir,
                        sourceOf(file, sources) ?? path.resolve(projectDir, packageDirectory, file)
                    ),
                    message: `${reason} would be deployed; add it to .forceignore`
                });
            }
        }
        const summary = results
            .map(({ packageDirectory, files }) => `${packageDirectory}: ${count(files.length, 'file')}`)
            .join(', ');
        return { problems, summary };
    }
};

async function listFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The source file a converted file came from (`lwc/x/x.ts` ← `force-app/main/default/lwc/x/x.ts`). */
function sourceOf(convertedFile: string, sources: string[]): string | undefined {
    const suffix = `${path.sep}${convertedFile.split('/').join(path.sep)}`;
    return sources.find((source) => source.endsWith(suffix));
}
