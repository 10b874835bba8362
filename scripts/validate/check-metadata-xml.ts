/**
 * Check 1: every metadata XML file is well-formed, its root element is the Metadata API type its
 * file suffix promises, a settings type of its own is not filed as a Settings component, and every
 * element at every depth is one the Metadata API schema allows there. Source files that need a companion -meta.xml (Apex, Visualforce, email templates) have one, and
 * every static resource has its content.
 */
import path from 'node:path';
import { count, type Check, type CheckContext, type CheckOutcome, type Problem } from './check.ts';
import { allowedElements, elementType, isMetadataType } from './metadata-schema.ts';
import { misplacedSettings, parseMetadataFileName } from './metadata-types.ts';
import { readMetadataFiles, type MetadataFile } from './metadata-files.ts';
import { listSourceFiles, type SourceFile } from './source-files.ts';
import type { XmlElement } from './xml.ts';

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
/** Source files that deploy only together with a `<file>-meta.xml`. */
const NEEDS_META_FILE = /\.(cls|trigger|page|component|email)$/;
const RESOURCE_META_SUFFIX = '.resource-meta.xml';

export const metadataXmlCheck: Check = {
    id: 'metadata-xml',
    title: 'Metadata XML',
    async run(context: CheckContext): Promise<CheckOutcome> {
        const metadataFiles = await readMetadataFiles(context);
        const problems = metadataFiles.flatMap(checkMetadataFile);
        problems.push(...missingCompanions(await listSourceFiles(context)));
        return { problems, summary: count(metadataFiles.length, 'metadata file') };
    }
};

/** What a deploy would reject in one metadata file: malformed XML, a wrong root, an element not in the schema. */
export function checkMetadataFile({ relative, parsed }: MetadataFile): Problem[] {
    if ('error' in parsed) {
        return [{ file: relative, line: parsed.error.line, message: `malformed XML: ${parsed.error.message}` }];
    }
    const { root } = parsed;
    const problems: Problem[] = [];
    const report = (element: XmlElement, message: string): void => {
        problems.push({ file: relative, line: element.line, message });
    };
    const fileName = parseMetadataFileName(path.basename(relative));
    if (fileName?.expectedType && root.name !== fileName.expectedType) {
        report(
            root,
            `root element <${root.name}> should be <${fileName.expectedType}> for a .${fileName.suffix}-meta.xml file`
        );
        return problems;
    }
    const misplaced = misplacedSettings(relative);
    if (misplaced) {
        report(
            root,
            `${misplaced.type} is a metadata type of its own, not a Settings file: the CLI would deploy this file as Settings "${misplaced.settingsName}"; move it to ${misplaced.path}`
        );
    }
    if (!isMetadataType(root.name)) {
        report(root, `<${root.name}> is not a Metadata API type`);
        return problems;
    }
    if (root.attributes.xmlns !== METADATA_NAMESPACE) {
        report(root, `<${root.name}> must declare xmlns="${METADATA_NAMESPACE}"`);
    }
    checkChildren(root, root.name, report);
    return problems;
}

function checkChildren(
    element: XmlElement,
    typeName: string,
    report: (element: XmlElement, message: string) => void
): void {
    const allowed = allowedElements(typeName);
    for (const child of element.children) {
        const declared = allowed.get(child.name);
        if (declared === undefined) {
            report(child, `<${child.name}> is not an element of ${typeName}${suggestion(child.name, allowed)}`);
            continue;
        }
        // Polymorphic elements name their concrete type (xsi:type="FlowScreenFieldInput"…).
        const concrete = child.attributes['xsi:type'];
        const type = elementType(concrete && !concrete.startsWith('xsd:') ? concrete : declared);
        if (type.kind === 'complex') {
            checkChildren(child, type.type, report);
        } else if (type.kind === 'leaf' && declared !== 'any' && child.children.length > 0) {
            report(child.children[0] ?? child, `<${child.name}> of ${typeName} takes a value, not elements`);
        }
    }
}

/** " (did you mean <label>?)" when a close spelling exists. */
function suggestion(name: string, allowed: Map<string, string>): string {
    let best: string | undefined;
    let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
    for (const candidate of allowed.keys()) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best ? ` (did you mean <${best}>?)` : '';
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

function missingCompanions(files: SourceFile[]): Problem[] {
    const present = new Set(files.map(({ relative }) => relative));
    const withoutMeta = files
        .filter(({ relative }) => NEEDS_META_FILE.test(relative) && !present.has(`${relative}-meta.xml`))
        .map(({ relative }) => ({
            file: relative,
            message: `has no ${path.basename(relative)}-meta.xml; the deploy needs one (apiVersion, status)`
        }));
    const withoutContent = files
        .filter(({ relative }) => relative.endsWith(RESOURCE_META_SUFFIX))
        .filter(({ relative }) => {
            const base = relative.slice(0, -RESOURCE_META_SUFFIX.length);
            return !files.some(
                (file) =>
                    file.relative !== relative &&
                    (file.relative.startsWith(`${base}.`) || file.relative.startsWith(`${base}/`))
            );
        })
        .map(({ relative }) => ({
            file: relative,
            message: `static resource without content: add ${path.basename(relative, RESOURCE_META_SUFFIX)}.<extension> or a folder of that name`
        }));
    return [...withoutMeta, ...withoutContent];
}
