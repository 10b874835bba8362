import { readFile } from 'node:fs/promises';
import type { CheckContext } from './check.ts';
import { listSourceFiles, type SourceFile } from './source-files.ts';
import { parseXml, type XmlParseResult } from './xml.ts';

export interface MetadataFile extends SourceFile {
    text: string;
    parsed: XmlParseResult;
}

const cache = new WeakMap<CheckContext, Promise<MetadataFile[]>>();

/** Every `*-meta.xml` of the project, read and parsed once per run and shared by the checks. */
export function readMetadataFiles(context: CheckContext): Promise<MetadataFile[]> {
    let files = cache.get(context);
    if (!files) {
        files = load(context);
        cache.set(context, files);
    }
    return files;
}

async function load(context: CheckContext): Promise<MetadataFile[]> {
    const files = (await listSourceFiles(context)).filter(({ relative }) => relative.endsWith('-meta.xml'));
    return Promise.all(
        files.map(async (file) => {
            const text = await readFile(file.absolute, 'utf8');
            return { ...file, text, parsed: parseXml(text) };
        })
    );
}
