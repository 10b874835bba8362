/**
 * The streaming CSV reader gives the same rows however the text is cut into pieces (RFC 4180: quoted
 * cells with delimiters, doubled quotes and line breaks; LF and CRLF line endings; empty cells).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CsvRowReader } from '../lib/csvStream.ts';

const TEXT =
    '"Id","Name","Note"\r\n"1","Ann ""A"" Smith","a,b"\r\n"2","","two\r\nlines"\r\n3,plain,\r\n"4","é ✓ 😀","x"';
const ROWS = [
    ['Id', 'Name', 'Note'],
    ['1', 'Ann "A" Smith', 'a,b'],
    ['2', '', 'two\r\nlines'],
    ['3', 'plain', ''],
    ['4', 'é ✓ 😀', 'x']
];

function read(pieces: string[], delimiter = ','): string[][] {
    const reader = new CsvRowReader(delimiter);
    return [...pieces.flatMap((piece) => reader.push(piece)), ...reader.end()];
}

describe('CsvRowReader', () => {
    it('reads the whole text at once', () => {
        assert.deepEqual(read([TEXT]), ROWS);
    });

    it('gives the same rows for every place the text may be cut, and one character at a time', () => {
        for (let cut = 1; cut < TEXT.length; cut++) {
            assert.deepEqual(read([TEXT.slice(0, cut), TEXT.slice(cut)]), ROWS, `cut at ${cut}`);
        }
        assert.deepEqual(read(Array.from({ length: TEXT.length }, (_, index) => TEXT.charAt(index))), ROWS);
    });

    it('returns each row once it is complete, and keeps only the row being read', () => {
        const reader = new CsvRowReader();
        assert.deepEqual(reader.push('"a","b'), []);
        assert.deepEqual(reader.push('"\n"c"'), [['a', 'b']]);
        assert.deepEqual(reader.push(',"d"\n'), [['c', 'd']]);
        assert.deepEqual(reader.end(), []);
    });

    it('reads another delimiter; refuses text after a closing quote and text that ends inside quotes', () => {
        assert.deepEqual(read(['"a"|"b|c"\n'], '|'), [['a', 'b|c']]);
        assert.throws(() => read(['"a"|"b|c"\n']), /CSV has "\|" after a quoted value/);
        const reader = new CsvRowReader();
        reader.push('"open');
        assert.throws(() => reader.end(), /CSV ends inside a quoted value/);
    });
});
