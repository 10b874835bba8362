/**
 * RFC 4180 CSV read piece by piece: text goes in as it arrives, complete rows come out as arrays of cell
 * texts, and only the row being read is held (a quoted cell may span pieces and lines). Cells are text as
 * written; an empty cell is "" (Bulk API 2.0 query results write a null as an empty value).
 */
export class CsvRowReader {
    private readonly delimiter: string;
    private pending = '';

    constructor(delimiter = ',') {
        this.delimiter = delimiter;
    }

    /** The rows completed by this piece of text. */
    push(text: string): string[][] {
        this.pending += text;
        const { rows, rest } = readRows(this.pending, this.delimiter, false);
        this.pending = rest;
        return rows;
    }

    /** The last row, when the text does not end with a line break; throws on an unclosed quote. */
    end(): string[][] {
        const { rows, rest } = readRows(this.pending, this.delimiter, true);
        this.pending = '';
        if (rest !== '') {
            throw new Error('CSV ends inside a quoted value');
        }
        return rows;
    }
}

/** Every complete row of `text`, and the text of the row still incomplete (all of it at the end). */
function readRows(text: string, delimiter: string, atEnd: boolean): { rows: string[][]; rest: string } {
    const rows: string[][] = [];
    let rowStart = 0;
    let position = 0;
    let row: string[] = [];
    while (position < text.length || (atEnd && row.length > 0)) {
        const cell = readCell(text, position, delimiter, atEnd);
        if (cell === undefined) {
            return { rows, rest: text.slice(rowStart) };
        }
        row.push(cell.value);
        position = cell.next;
        if (cell.endsRow) {
            rows.push(row);
            row = [];
            rowStart = position;
        }
    }
    return { rows, rest: text.slice(rowStart) };
}

interface Cell {
    value: string;
    /** Where the next cell starts. */
    next: number;
    /** The cell ended its row (a line break, or the end of the text at the end). */
    endsRow: boolean;
}

/** The cell at `start`, or undefined when the text ends before the cell does (more text will come). */
function readCell(text: string, start: number, delimiter: string, atEnd: boolean): Cell | undefined {
    let value: string;
    let position: number;
    if (text[start] === '"') {
        let search = start + 1;
        let close: number;
        for (;;) {
            close = text.indexOf('"', search);
            if (close === -1 || (close === text.length - 1 && !atEnd)) {
                return undefined;
            }
            if (text[close + 1] !== '"') {
                break;
            }
            search = close + 2;
        }
        value = text.slice(start + 1, close);
        if (value.includes('""')) {
            value = value.replaceAll('""', '"');
        }
        position = close + 1;
    } else {
        position = start;
        while (position < text.length) {
            const char = text[position];
            if (char === delimiter || char === '\n' || char === '\r') {
                break;
            }
            position++;
        }
        value = text.slice(start, position);
    }
    return ending(text, position, delimiter, atEnd, value);
}

/** What follows a cell: a delimiter, a line break (LF or CRLF), or the end of the text. */
function ending(text: string, position: number, delimiter: string, atEnd: boolean, value: string): Cell | undefined {
    const char = text[position];
    if (char === delimiter) {
        return { value, next: position + 1, endsRow: false };
    }
    if (char === '\n') {
        return { value, next: position + 1, endsRow: true };
    }
    if (char === '\r') {
        if (position + 1 >= text.length && !atEnd) {
            return undefined;
        }
        return { value, next: text[position + 1] === '\n' ? position + 2 : position + 1, endsRow: true };
    }
    if (position >= text.length) {
        return atEnd ? { value, next: position, endsRow: true } : undefined;
    }
    throw new Error(`CSV has "${char ?? ''}" after a quoted value at character ${position}`);
}
