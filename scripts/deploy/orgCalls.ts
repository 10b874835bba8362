/**
 * The deploy's calls to the org, all through the Salesforce CLI (`sf … --json`) run by one
 * replaceable function: the tests hand in a recording stand-in, the command the real CLI.
 */
import { ScriptError } from '../lib/errors.ts';
import type { SfResult, SfRunner } from '../lib/sfCli.ts';

export interface OrgCalls {
    sf: SfRunner;
    /** The `--target-org` the user gave (alias or username). */
    targetOrg: string;
}

/** Runs a command that must succeed; a failure becomes a ScriptError saying what was being done. */
export async function succeed<T>(org: OrgCalls, args: string[], doing: string): Promise<T> {
    const output = await org.sf([...args, '--target-org', org.targetOrg]);
    if (output.status !== 0 || output.result === undefined) {
        throw failure(org, output, doing);
    }
    return output.result as T;
}

/** Rows of a SOQL query (`sf data query`). */
export async function query<T>(org: OrgCalls, soql: string, doing: string): Promise<T[]> {
    const result = await succeed<{ records: T[] }>(org, ['data', 'query', '--query', soql], doing);
    return result.records;
}

/** A CLI failure in one sentence, with what to do for the usual causes (unknown org, expired login). */
export function failure(org: OrgCalls, output: SfResult<unknown>, doing: string): ScriptError {
    const message = (output.message ?? `exit status ${String(output.status)}`).replace(/\s+/g, ' ').trim();
    if (output.name === 'NamedOrgNotFoundError' || /No authorization information found/i.test(message)) {
        return new ScriptError(
            `Unknown org "${org.targetOrg}": the Salesforce CLI has no login with that alias or username.`,
            `See your orgs with "npx sf org list"; log in with "npx sf org login web --alias ${org.targetOrg}" (add --instance-url https://test.salesforce.com for a sandbox).`
        );
    }
    if (/expired|invalid_grant|INVALID_SESSION_ID/i.test(message)) {
        return new ScriptError(
            `The login for "${org.targetOrg}" has expired (${doing}).`,
            `Log in again: npx sf org login web --alias ${org.targetOrg}`
        );
    }
    return new ScriptError(`${doing} failed: ${message}`);
}

/** A SOQL string literal. */
export function soqlString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
