/**
 * The PMD check when Code Analyzer misreads `java -version`: its engine reads the JVM's stderr on the
 * process's exit event, which can come before all of it was read, and then takes the first number of
 * "Picked up JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1 …" for the version (seen once in `npm test` as
 * "The command 'java' specifies Java v1.0.0"). A `java` on PATH that answers `-version` with only that
 * line for its first calls, then runs the real JVM, stands in for the race.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runScript } from '../support.ts';

interface GateJson {
    passed: boolean;
    checks: { id: string; passed: boolean; error?: string }[];
}

describe('check 4 (PMD) when Code Analyzer misreads the Java version', () => {
    let dir: string;

    before(async () => {
        dir = await mkdtemp(path.join(tmpdir(), 'baton-java-'));
        const realJava = execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim();
        const java = path.join(dir, 'java');
        await writeFile(
            java,
            [
                '#!/bin/sh',
                'if [ "$1" = "-version" ]; then',
                `    calls=$(cat "${dir}/calls" 2>/dev/null || echo 0)`,
                `    echo $((calls + 1)) > "${dir}/calls"`,
                '    if [ "$calls" -lt "$MISREAD_CALLS" ]; then',
                '        echo "Picked up JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" >&2',
                '        exit 0',
                '    fi',
                'fi',
                `exec "${realJava}" "$@"`,
                ''
            ].join('\n')
        );
        await chmod(java, 0o755);
    });

    after(() => rm(dir, { recursive: true, force: true }));

    async function gate(misreadCalls: number): Promise<GateJson> {
        await rm(path.join(dir, 'calls'), { force: true });
        const run = await runScript('validate.ts', ['--check', 'apex-rules', '--json'], {
            PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`,
            JAVA_HOME: '',
            JRE_HOME: '',
            JDK_HOME: '',
            MISREAD_CALLS: String(misreadCalls)
        });
        return JSON.parse(run.stdout) as GateJson;
    }

    it('asks again and runs the rules when one answer was misread', async () => {
        // The gate's own `java -version` (it only needs Java to run) and Code Analyzer's first reading.
        const report = await gate(2);
        assert.deepEqual(
            report.checks.map(({ id, passed }) => [id, passed]),
            [['apex-rules', true]]
        );
    });

    it('reports what Code Analyzer logged when every reading fails', async () => {
        const report = await gate(99);
        const [check] = report.checks;
        assert.ok(check);
        assert.equal(check.passed, false);
        assert.match(check.error ?? '', /Code Analyzer logged: .*Could not locate Java/s);
    });
});
