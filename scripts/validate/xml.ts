import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An XML element with its 1-based line, children in document order and its own text. */
export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
    line: number;
}

export type XmlParseResult = { root: XmlElement } | { error: { line: number; message: string } };

const ATTRIBUTE_PREFIX = '@_';
const parser = new XMLParser({
    preserveOrder: true,
    captureMetaData: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    parseTagValue: false,
    parseAttributeValue: false,
    // Text as written: a criterion value keeps the spaces the engines see (they trim only up to U+0020).
    trimValues: false,
    ignoreDeclaration: true,
    commentPropName: '#comment'
});
const METADATA = XMLParser.getMetaDataSymbol() as unknown as string;

type OrderedNode = Record<string, unknown>;

/** Parses an XML document; a malformed one gives the validator's line and message. */
export function parseXml(text: string): XmlParseResult {
    // The parser alone accepts mismatched tags; its validator (deprecated in favour of the same code
    // published as fast-xml-validator, which the project does not install) rejects them with a line.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const validation = XMLValidator.validate(text);
    if (validation !== true) {
        return { error: { line: validation.err.line, message: validation.err.msg } };
    }
    const nodes = parser.parse(text) as OrderedNode[];
    const lineStarts = lineStartIndexes(text);
    const elements = toElements(nodes, lineStarts);
    const [root, ...others] = elements;
    if (!root || others.length > 0) {
        return { error: { line: 1, message: 'expected exactly one root element' } };
    }
    return { root };
}

function toElements(nodes: OrderedNode[], lineStarts: number[]): XmlElement[] {
    const elements: XmlElement[] = [];
    for (const node of nodes) {
        const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#comment');
        if (name === undefined) {
            continue;
        }
        const content = node[name] as OrderedNode[];
        const attributes: Record<string, string> = {};
        for (const [key, value] of Object.entries((node[':@'] ?? {}) as Record<string, string>)) {
            attributes[key.slice(ATTRIBUTE_PREFIX.length)] = value;
        }
        const start = (node[METADATA] as { startIndex?: number } | undefined)?.startIndex ?? 0;
        elements.push({
            name,
            attributes,
            children: toElements(content, lineStarts),
            text: content
                .map((child) => child['#text'])
                .filter((value) => value !== undefined)
                .map(String)
                .join(''),
            line: lineOf(start, lineStarts)
        });
    }
    return elements;
}

function lineStartIndexes(text: string): number[] {
    const starts = [0];
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
        starts.push(index + 1);
    }
    return starts;
}

/** 1-based line of a character index (binary search over line starts). */
function lineOf(index: number, lineStarts: number[]): number {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((lineStarts[middle] ?? 0) <= index) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return low + 1;
}

/** The text of the first child element with this name, trimmed; undefined when absent. */
export function childText(element: XmlElement, name: string): string | undefined {
    return element.children.find((child) => child.name === name)?.text.trim();
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((child) => child.name === name);
}
