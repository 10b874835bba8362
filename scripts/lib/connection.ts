/**
 * Connects to an org with jsforce, from the Salesforce CLI's stored authorisation
 * (`--target-org <alias|username>`, read with the project's own CLI: `sf org display --json`)
 * or, for CI, from SF_INSTANCE_URL and SF_ACCESS_TOKEN. The API version is the project's
 * sourceApiVersion. Every HTTP call is counted.
 */
import { Connection } from 'jsforce';
import { ScriptError } from './errors.ts';
import { readSfdxProject } from './project.ts';
import { sf } from './sfCli.ts';

export interface OrgAuth {
    instanceUrl: string;
    accessToken: string;
    /** How to name the org in messages. */
    label: string;
    /** What to run when the session has expired. */
    reauthenticate: string;
    /** A fresh access token after the session expired (the CLI's stored login refreshes it). */
    refresh?: () => Promise<string>;
}

export interface OrgConnection {
    conn: Connection;
    label: string;
    reauthenticate: string;
    /** HTTP calls made through this connection so far. */
    apiCalls(): number;
}

/** Reads a CLI authorisation; replaced in tests. */
export type CliAuthReader = (
    targetOrg: string
) => Promise<{ instanceUrl: string; accessToken: string; username: string }>;

export const readCliAuth: CliAuthReader = async (targetOrg) => {
    try {
        return await sf<{ instanceUrl: string; accessToken: string; username: string }>(
            ['org', 'display', '--target-org', targetOrg],
            process.cwd()
        );
    } catch (error) {
        const message = (error as Error).message;
        if (
            /No authorization information found|NamedOrgNotFound|No org configuration found|no such org/i.test(message)
        ) {
            throw new ScriptError(
                `Unknown org "${targetOrg}": the Salesforce CLI has no authorisation with that alias or username.`,
                `See your orgs with "sf org list"; log in with "sf org login web --alias ${targetOrg}" (add --instance-url https://test.salesforce.com for a sandbox).`,
                { cause: error }
            );
        }
        if (/expired|invalid_grant|refresh/i.test(message)) {
            throw new ScriptError(
                `The stored login for "${targetOrg}" has expired.`,
                `Log in again: sf org login web --alias ${targetOrg}`,
                { cause: error }
            );
        }
        throw new ScriptError(
            `Could not read the Salesforce CLI authorisation for "${targetOrg}": ${message}`,
            undefined,
            { cause: error }
        );
    }
};

export async function resolveAuth(
    targetOrg: string | undefined,
    env: NodeJS.ProcessEnv = process.env,
    readAuth: CliAuthReader = readCliAuth
): Promise<OrgAuth> {
    if (targetOrg) {
        const auth = await readAuth(targetOrg);
        return {
            instanceUrl: auth.instanceUrl,
            accessToken: auth.accessToken,
            label: `${targetOrg} (${auth.username})`,
            reauthenticate: `Log in again: sf org login web --alias ${targetOrg}`,
            refresh: async () => (await readAuth(targetOrg)).accessToken
        };
    }
    const instanceUrl = env.SF_INSTANCE_URL;
    const accessToken = env.SF_ACCESS_TOKEN;
    if (instanceUrl && accessToken) {
        return {
            instanceUrl,
            accessToken,
            label: instanceUrl,
            reauthenticate: 'Set SF_ACCESS_TOKEN to a fresh access token.'
        };
    }
    throw new ScriptError(
        'No org given.',
        'Pass --target-org <alias or username> (an org you logged in to with "sf org login web"), or set SF_INSTANCE_URL and SF_ACCESS_TOKEN.'
    );
}

export async function connect(auth: OrgAuth): Promise<OrgConnection> {
    const { sourceApiVersion } = await readSfdxProject();
    const { refresh } = auth;
    const conn = new Connection({
        instanceUrl: auth.instanceUrl,
        accessToken: auth.accessToken,
        version: sourceApiVersion,
        // On INVALID_SESSION_ID jsforce asks for a new token once and replays the call.
        ...(refresh
            ? {
                  refreshFn: (current, callback) => {
                      refresh().then(
                          (token) => {
                              if (token === current.accessToken) {
                                  callback(
                                      new Error(
                                          'INVALID_SESSION_ID: the Salesforce CLI has no newer session for this org'
                                      )
                                  );
                              } else {
                                  callback(null, token);
                              }
                          },
                          (error: unknown) => {
                              callback(error as Error);
                          }
                      );
                  }
              }
            : {})
    });
    let calls = 0;
    // jsforce sends REST, Bulk and SOAP requests through one transport; counting there counts them all.
    const transport = (conn as unknown as { _transport: { httpRequest: (...args: unknown[]) => unknown } })._transport;
    const httpRequest = transport.httpRequest.bind(transport);
    transport.httpRequest = (...args: unknown[]) => {
        calls++;
        return httpRequest(...args);
    };
    return { conn, label: auth.label, reauthenticate: auth.reauthenticate, apiCalls: () => calls };
}
