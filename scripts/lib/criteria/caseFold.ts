/**
 * Case-insensitive text comparison with the platform's meaning: Apex's String.equalsIgnoreCase is Java's
 * String.equalsIgnoreCase, which compares character by character and takes two characters as equal when
 * they are the same, when their upper-case forms are the same, or when the lower-case forms of those
 * upper-case forms are the same (Character.toUpperCase / toLowerCase: Unicode's simple, one-to-one case
 * mappings, no locale, no context). So "İ" matches "i", a final "ς" matches "Σ", and "ß" does not match "SS".
 * Two characters pass that test exactly when fold(a) === fold(b) with fold = toLowerCase(toUpperCase(c)),
 * so comparing folded strings is the same comparison.
 *
 * JavaScript's toUpperCase / toLowerCase apply Unicode's full mappings (SpecialCasing.txt): where a full
 * mapping yields several characters, Java keeps the simple mapping, listed below. The test
 * scripts/test/criteria-case-fold.test.ts checks every code point against the installed Java.
 */

/** Simple upper-case mappings JavaScript does not give alone (Greek letters with a subscript iota). */
const SIMPLE_UPPER = new Map<number, number>([
    ...[0x1f80, 0x1f90, 0x1fa0].flatMap((start) =>
        Array.from({ length: 8 }, (_, offset): [number, number] => [start + offset, start + offset + 8])
    ),
    [0x1fb3, 0x1fbc],
    [0x1fc3, 0x1fcc],
    [0x1ff3, 0x1ffc]
]);
/** Simple lower-case mappings JavaScript does not give alone (capital I with dot above). */
const SIMPLE_LOWER = new Map<number, number>([[0x130, 0x69]]);

function single(mapped: string, codePoint: number): number {
    const first = mapped.codePointAt(0);
    return first !== undefined && String.fromCodePoint(first).length === mapped.length ? first : codePoint;
}

/** Java's Character.toUpperCase(int). */
export function javaUpperCase(codePoint: number): number {
    return SIMPLE_UPPER.get(codePoint) ?? single(String.fromCodePoint(codePoint).toUpperCase(), codePoint);
}

/** Java's Character.toLowerCase(int). */
export function javaLowerCase(codePoint: number): number {
    return SIMPLE_LOWER.get(codePoint) ?? single(String.fromCodePoint(codePoint).toLowerCase(), codePoint);
}

const foldedCodePoints = new Map<number, string>();

function foldCodePoint(codePoint: number): string {
    let folded = foldedCodePoints.get(codePoint);
    if (folded === undefined) {
        folded = String.fromCodePoint(javaLowerCase(javaUpperCase(codePoint)));
        foldedCodePoints.set(codePoint, folded);
    }
    return folded;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The text with every character folded; two texts are equal ignoring case when their folds are equal.
 * Text of ASCII characters only folds as JavaScript lower-cases it (A-Z to a-z, nothing else moves).
 */
export function foldCase(text: string): string {
    if (ASCII_ONLY.test(text)) {
        return text.toLowerCase();
    }
    let folded = '';
    for (const character of text) {
        folded += foldCodePoint(character.codePointAt(0) ?? 0);
    }
    return folded;
}

export function equalsIgnoreCase(left: string, right: string): boolean {
    return foldCase(left) === foldCase(right);
}

export function containsIgnoreCase(text: string, part: string): boolean {
    return foldCase(text).includes(foldCase(part));
}

export function startsWithIgnoreCase(text: string, prefix: string): boolean {
    return foldCase(text).startsWith(foldCase(prefix));
}
