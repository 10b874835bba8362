/**
 * Check 6: `sf project convert source` of each package directory succeeds and carries no
 * TypeScript, test or config file (scripts/check-package-contents.ts does the work).
 */
import { checkPackageContents } from '../check-package-contents.ts';
import { CheckError, type Check, type CheckContext, type CheckOutcome, type Problem } from './check.ts';

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
        const problems: Problem[] = results.flatMap(({ packageDirectory, developmentFiles }) =>
            developmentFiles.map(({ file, reason }) => ({
                file: `${packageDirectory}/${file}`,
                message: `${reason} would be deployed; add it to .forceignore`
            }))
        );
        const summary = results
            .map(({ packageDirectory, files }) => `${packageDirectory}: ${files.length} files`)
            .join(', ');
        return { problems, summary };
    }
};
