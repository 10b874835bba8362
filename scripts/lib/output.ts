/**
 * Console output for the consultant scripts: plain text tables, a progress bar on a terminal
 * (plain lines otherwise) and JSON mode (machine output on stdout, everything else on stderr).
 * Failures are reported by the command-line front end (cli.ts).
 */
import { Writable } from 'node:stream';

export interface Output {
    /** Machine-readable result on stdout instead of human text. */
    json: boolean;
    stdout: Writable & { isTTY?: boolean };
    stderr: Writable & { isTTY?: boolean };
}

export const consoleOutput = (json: boolean): Output => ({ json, stdout: process.stdout, stderr: process.stderr });

function discard(): Writable {
    return new Writable({
        write: (_chunk, _encoding, done) => {
            done();
        }
    });
}

/** Output that goes nowhere (benchmarks measure the work, not the printing). */
export const quietOutput = (): Output => ({ json: true, stdout: discard(), stderr: discard() });

/** A line for people: stdout normally, stderr in JSON mode (stdout then holds only the JSON). */
export function say(output: Output, line: string): void {
    (output.json ? output.stderr : output.stdout).write(`${line}\n`);
}

export function formatTable(headers: string[], rows: string[][]): string {
    const widths = headers.map((header, column) =>
        Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length))
    );
    const line = (cells: string[]): string =>
        cells
            .map((cell, column) => cell.padEnd(widths[column] ?? 0))
            .join('  ')
            .trimEnd();
    return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export interface ProgressBar {
    update(done: number): void;
    finish(): void;
}

/** "42 s", "3 min 5 s". */
function duration(seconds: number): string {
    const whole = Math.max(0, Math.round(seconds));
    return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/**
 * A bar redrawn in place on a terminal, with the rate so far and the time left at that rate; a start and
 * an end line otherwise.
 */
export function progressBar(output: Output, label: string, total: number): ProgressBar {
    const stream = output.stderr;
    const tty = stream.isTTY === true;
    const started = performance.now();
    let last = -1;
    if (!tty) {
        stream.write(`${label}: ${total} records…\n`);
    }
    return {
        update(done: number): void {
            if (!tty) return;
            const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
            if (percent === last) return;
            last = percent;
            const filled = Math.round(percent / 4);
            const seconds = (performance.now() - started) / 1000;
            const rate = seconds > 0 ? done / seconds : 0;
            const pace =
                rate > 0
                    ? `, ${Math.round(rate).toLocaleString('en-US')}/s, ${duration((total - done) / rate)} left`
                    : '';
            stream.write(
                `\r${label.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${percent}% (${done}/${total}${pace})  `
            );
        },
        finish(): void {
            stream.write(tty ? '\n' : `${label}: done\n`);
        }
    };
}

/** Prints the report as JSON in JSON mode and gives the exit code: 0 when it is ok, 1 otherwise. */
export function finishReport(output: Output, report: { ok: boolean }): number {
    if (output.json) {
        output.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    }
    return report.ok ? 0 : 1;
}
