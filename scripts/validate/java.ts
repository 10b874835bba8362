import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../lib/project.ts';
import { CheckError } from './check.ts';

const run = promisify(execFile);

const JAVA_MISSING =
    'Java 11 or newer is required for the Apex checks and was not found on PATH. ' +
    'Install it with: sudo apt-get install -y openjdk-17-jre-headless (Debian/Ubuntu), ' +
    'or any JDK/JRE 17, then run again.';

/** The Java libraries (PMD 7, Apex language server) bundled with Code Analyzer's PMD engine. */
export const JAVA_LIB = path.join(
    PROJECT_ROOT,
    'node_modules',
    '@salesforce',
    'code-analyzer-pmd-engine',
    'dist',
    'java-lib'
);

/**
 * The Java tools run once over the project and exit: the client compiler alone and the serial
 * collector start and finish them about twice as fast as the JVM's server defaults.
 */
export const SHORT_RUN_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

let javaAvailable: Promise<void> | undefined;

/** Resolves when `java` runs; rejects with install instructions otherwise. */
export function requireJava(): Promise<void> {
    javaAvailable ??= run('java', ['-version']).then(
        () => undefined,
        () => {
            throw new CheckError(JAVA_MISSING);
        }
    );
    return javaAvailable;
}
