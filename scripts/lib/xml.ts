/**
 * XML of API messages (the org double's SOAP requests and responses): namespace prefixes dropped,
 * plain objects, and escaping for the responses it writes. Metadata source files are read by
 * scripts/validate/xml.ts, which keeps element order and lines.
 */
import { XMLParser } from 'fast-xml-parser';

/** A parsed XML element: text content or nested elements (attributes and namespace prefixes dropped). */
export type XmlNode = string | { [tag: string]: XmlNode | XmlNode[] | undefined };

/**
 * Parses XML into plain objects. Tag values stay strings (no number guessing); namespace prefixes
 * are removed (`soapenv:Body` → `Body`); tags named in `arrayTags` are always arrays.
 */
export function parseXml(text: string, arrayTags: readonly string[] = []): Record<string, XmlNode> {
    const parser = new XMLParser({
        ignoreAttributes: true,
        removeNSPrefix: true,
        parseTagValue: false,
        trimValues: true,
        isArray: (tagName) => arrayTags.includes(tagName)
    });
    return parser.parse(text) as Record<string, XmlNode>;
}

/** The child element `tag` of `node` (undefined when absent or when `node` is text). */
export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
    if (node === undefined || typeof node === 'string') {
        return undefined;
    }
    const value = node[tag];
    return Array.isArray(value) ? value[0] : value;
}

/** Every `tag` child of `node`. */
export function children(node: XmlNode | undefined, tag: string): XmlNode[] {
    if (node === undefined || typeof node === 'string') {
        return [];
    }
    const value = node[tag];
    if (value === undefined) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** Text of the child element `tag` ('' elements read as ''), undefined when absent. */
export function text(node: XmlNode | undefined, tag: string): string | undefined {
    const value = child(node, tag);
    if (value === undefined) {
        return undefined;
    }
    return typeof value === 'string' ? value : '';
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(value: string): string {
    return value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
