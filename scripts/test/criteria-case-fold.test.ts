/**
 * Holds the TypeScript case-insensitive comparison to the real reference: Java, which Apex runs on
 * (String.equalsIgnoreCase, Character.toUpperCase / toLowerCase, "(?iu)" patterns as LeadCriteriaEngine
 * uses them for Contains). Needs a JDK (source-file launch); .ci/run installs one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
    containsIgnoreCase,
    equalsIgnoreCase,
    javaLowerCase,
    javaUpperCase,
    startsWithIgnoreCase
} from '../lib/criteria/caseFold.ts';

const SOURCE = path.join(import.meta.dirname, 'java', 'CaseFold.java');

/** Pairs whose comparison differs between lower-casing and the platform's equalsIgnoreCase, and ordinary ones. */
const PAIRS: [string, string][] = [
    ['ΟΔΟΣ', 'Σ'],
    ['ΟΔΟΣ', 'ς'],
    ['οδος', 'ΟΔΟΣ'],
    ['İstanbul', 'istanbul'],
    ['ISTANBUL', 'ıstanbul'],
    ['İstanbul', 'i\u0307stanbul'],
    ['Straße', 'STRASSE'],
    ['Straße', 'STRAẞE'],
    ['ᾳ Holdings', 'ᾼ'],
    ['ᾳ Holdings', 'ΑΙ'],
    ['ǅ', 'ǆ'],
    ['K', '\u212a'],
    ['Å', '\u212b'],
    ['µ', 'Μ'],
    ['ﬀ', 'FF'],
    ['𐐀𐐁', '𐐨'],
    ['VP of Marketing', 'of MARK'],
    ['Café', 'CAFE'],
    ['', ''],
    ['a', '']
];

const codePoints = (text: string): string =>
    Array.from(text, (character) => (character.codePointAt(0) ?? 0).toString(16)).join(' ');

function runJava(): string[] {
    const input = PAIRS.map(([text, part]) => `${codePoints(text)}|${codePoints(part)}`).join('\n');
    const result = spawnSync('java', [SOURCE], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(result.status, 0, `java ${SOURCE} failed: ${result.stderr}`);
    return result.stdout.trim().split('\n');
}

describe("case-insensitive text comparison against Java (Apex's runtime)", () => {
    const lines = runJava();
    const parse = (prefix: string): number[][] =>
        lines
            .filter((line) => line.startsWith(`${prefix} `))
            .map((line) =>
                line
                    .slice(prefix.length + 1)
                    .split(' ')
                    .map((value) => parseInt(value, 16))
            );

    it('maps every code point Java defines to the same upper- and lower-case code point', () => {
        const defined = parse('defined');
        const isDefined = (codePoint: number): boolean =>
            defined.some(([from = 0, to = 0]) => codePoint >= from && codePoint <= to);
        const javaMaps = new Map(
            parse('map').map(([codePoint = 0, upper = 0, lower = 0]) => [codePoint, [upper, lower]])
        );
        const differences: string[] = [];
        for (const [from = 0, to = 0] of defined) {
            for (let codePoint = from; codePoint <= to; codePoint++) {
                const [upper, lower] = javaMaps.get(codePoint) ?? [codePoint, codePoint];
                const ours = [javaUpperCase(codePoint), javaLowerCase(codePoint)];
                // Case pairs added to Unicode after the JDK's version map to code points it does not define.
                const differs = ours[0] !== upper || ours[1] !== lower;
                if (differs && ours.every((mapped) => isDefined(mapped))) {
                    differences.push(`U+${codePoint.toString(16)}: ${ours.join('/')} vs Java ${upper}/${lower}`);
                }
            }
        }
        assert.deepEqual(differences, []);
    });

    it('compares, finds and matches prefixes as equalsIgnoreCase, (?iu) patterns and regionMatches do', () => {
        const java = lines.filter((line) => line.startsWith('pair ')).map((line) => line.slice(5));
        const ours = PAIRS.map(([text, part]) =>
            [equalsIgnoreCase(text, part), containsIgnoreCase(text, part), startsWithIgnoreCase(text, part)].join(' ')
        );
        assert.deepEqual(
            ours.map((result, index) => `${PAIRS[index]?.join(' / ')}: ${result}`),
            java.map((result, index) => `${PAIRS[index]?.join(' / ')}: ${result}`)
        );
    });
});
