import { readFile } from 'node:fs/promises';
import { oncePerRun, type CheckContext } from './check.ts';
import { listSourceFiles, type SourceFile } from './source-files.ts';
import { parseXml, type XmlParseResult } from './xml.ts';

export interface MetadataFile extends SourceFile {
    parsed: XmlParseResult;
}

/** Every `*-meta.xml` of the project, read and parsed once per run and shared by the checks. */
export const readMetadataFiles = oncePerRun(async (context: CheckContext): Promise<MetadataFile[]> => {
    const files = (await listSourceFiles(context)).filter(({ relative }) => relative.endsWith('-meta.xml'));
    return Promise.all(
        files.map(async (file) => {
            return { ...file, parsed: parseXml(await readFile(file.absolute, 'utf8')) };
        })
    );
});
