/**
 * Connects to an org through @salesforce/core, the library the Salesforce CLI itself uses, so the
 * scripts hold one connection type (@salesforce/core's Connection, a jsforce Connection):
 *
 * - `--target-org <alias|username>` reads the CLI's stored login (`Org.create`); its connection
 *   refreshes an expired session by itself when the login holds a refresh token (web and JWT
 *   logins). Nothing is read from CLI output: `sf org display` redacts the token.
 * - For CI, SF_INSTANCE_URL and SF_ACCESS_TOKEN give a session directly (never stored).
 *
 * Requests use the project's sourceApiVersion (a stored login alone would use the org's newest
 * version, or 50.0 before the CLI has asked). Every HTTP call is counted.
 */
import type { Connection, Org } from '@salesforce/core';
import { ScriptError } from './errors.ts';
import { readSfdxProject } from './project.ts';

/** A session given directly (CI variables, the local org double, tests). */
export interface TokenAuth {
    instanceUrl: string;
    accessToken: string;
    /** How to name the org in messages. */
    label: string;
    /** What to do when the session has expired. */
    reauthenticate: string;
}

/** A login the Salesforce CLI stored (`sf org login …`), by alias or username. */
export interface StoredAuth {
    targetOrg: string;
}

export type OrgAuth = TokenAuth | StoredAuth;

export interface OrgConnection {
    conn: Connection;
    label: string;
    reauthenticate: string;
    /** HTTP calls made through this connection so far. */
    apiCalls(): number;
    /**
     * A GET whose body the caller reads itself, as a stream or as text (large results, or JSON whose numbers
     * must be read exactly): the path is under the instance URL, the session is the connection's, and an
     * expired one is refreshed once as jsforce refreshes its own calls. Counted with the other calls.
     */
    get(path: string, headers?: Record<string, string>): Promise<Response>;
}

const LOG_IN = (alias: string): string => `Log in again: npx sf org login web --alias ${alias}`;

/**
 * Refuses what cannot be an access token before it is sent as one: the CLI's redacted
 * placeholder, text with spaces or line breaks, anything the CLI itself would not accept as a
 * token (`<15- or 18-character org ID>!<session>`, or a JWT).
 */
export async function checkAccessToken(token: string, source: string, fix: string): Promise<void> {
    const { matchesAccessToken } = await salesforceCore();
    let problem: string | undefined;
    if (/REDACTED/i.test(token)) {
        problem = `holds the redacted placeholder the Salesforce CLI prints ("${token.slice(0, 40)}…"), not a token`;
    } else if (/\s/.test(token)) {
        problem = 'contains spaces or line breaks';
    } else if (!matchesAccessToken(token)) {
        problem = `is not an access token (a Salesforce access token is the org ID, "!" and the session: 00D…!…; or a JWT)`;
    }
    if (problem) {
        throw new ScriptError(`${source} ${problem}.`, fix);
    }
}

/** @salesforce/core, loaded when a command first needs it (it takes a second to load). */
async function salesforceCore(): Promise<typeof import('@salesforce/core')> {
    return import('@salesforce/core');
}

/** The org named by `--target-org`, or by SF_INSTANCE_URL and SF_ACCESS_TOKEN without it. */
export async function resolveAuth(
    targetOrg: string | undefined,
    env: NodeJS.ProcessEnv = process.env
): Promise<OrgAuth> {
    if (targetOrg) {
        return { targetOrg };
    }
    const instanceUrl = env.SF_INSTANCE_URL;
    const accessToken = env.SF_ACCESS_TOKEN;
    if (instanceUrl && accessToken) {
        await checkAccessToken(
            accessToken,
            'SF_ACCESS_TOKEN',
            'Use --target-org <alias> instead (the scripts read the Salesforce CLI login themselves), or set SF_ACCESS_TOKEN to the output of: npx sf org auth show-access-token --target-org <alias>'
        );
        return {
            instanceUrl,
            accessToken,
            label: instanceUrl,
            reauthenticate: 'Set SF_ACCESS_TOKEN to a fresh access token.'
        };
    }
    throw new ScriptError(
        'No org given.',
        'Pass --target-org <alias or username> (an org you logged in to with "npx sf org login web"), or set SF_INSTANCE_URL and SF_ACCESS_TOKEN.'
    );
}

async function storedLogin(
    targetOrg: string,
    apiVersion: string
): Promise<{ conn: Connection; label: string; reauthenticate: string }> {
    const { Org } = await salesforceCore();
    let org: Org;
    try {
        org = await Org.create({ aliasOrUsername: targetOrg });
    } catch (error) {
        const name = (error as Error).name;
        if (name === 'NamedOrgNotFoundError' || name === 'NoUsernameFoundError') {
            throw new ScriptError(
                `Unknown org "${targetOrg}": the Salesforce CLI has no login with that alias or username.`,
                `See your orgs with "npx sf org list"; log in with "npx sf org login web --alias ${targetOrg}" (add --instance-url https://test.salesforce.com for a sandbox).`,
                { cause: error }
            );
        }
        throw new ScriptError(
            `Could not read the Salesforce CLI login for "${targetOrg}": ${(error as Error).message}`,
            LOG_IN(targetOrg),
            { cause: error }
        );
    }
    const conn = org.getConnection(apiVersion);
    const reauthenticate = LOG_IN(targetOrg);
    await checkAccessToken(conn.accessToken ?? '', `The stored login for "${targetOrg}"`, reauthenticate);
    return { conn, label: `${targetOrg} (${conn.getUsername() ?? 'unknown user'})`, reauthenticate };
}

async function sessionLogin(auth: TokenAuth, apiVersion: string): Promise<Connection> {
    const { AuthInfo, Connection } = await salesforceCore();
    // The token is also the username, as when the CLI itself runs on a bare session
    // (`--target-org <token>`): nothing is read from or written to its auth store. The org fields
    // given here spare the look-ups AuthInfo would otherwise make for a JWT-format token.
    const authInfo = await AuthInfo.create({
        username: auth.accessToken,
        accessTokenOptions: {
            accessToken: auth.accessToken,
            instanceUrl: auth.instanceUrl,
            loginUrl: auth.instanceUrl,
            username: auth.accessToken,
            orgId: '',
            isDevHub: false,
            namespacePrefix: ''
        }
    });
    return Connection.create({ authInfo, connectionOptions: { version: apiVersion } });
}

export async function connect(auth: OrgAuth): Promise<OrgConnection> {
    const { sourceApiVersion } = await readSfdxProject();
    const { conn, label, reauthenticate } =
        'targetOrg' in auth
            ? await storedLogin(auth.targetOrg, sourceApiVersion)
            : { ...auth, conn: await sessionLogin(auth, sourceApiVersion) };
    let calls = 0;
    // jsforce sends REST, Bulk and SOAP requests through one transport; counting there counts them all.
    const transport = (conn as unknown as { _transport: { httpRequest: (...args: unknown[]) => unknown } })._transport;
    const httpRequest = transport.httpRequest.bind(transport);
    transport.httpRequest = (...args: unknown[]) => {
        calls++;
        return httpRequest(...args);
    };
    const send = (path: string, headers: Record<string, string>): Promise<Response> => {
        calls++;
        return fetch(new URL(path, conn.instanceUrl), {
            headers: { ...headers, Authorization: `Bearer ${conn.accessToken ?? ''}` }
        });
    };
    const get = async (path: string, headers: Record<string, string> = {}): Promise<Response> => {
        const response = await send(path, headers);
        if (response.status !== 401) {
            return response;
        }
        await response.body?.cancel();
        // @salesforce/core: a GET through jsforce, which refreshes the session when the login can (401 otherwise).
        await conn.refreshAuth();
        return send(path, headers);
    };
    return { conn, label, reauthenticate, apiCalls: () => calls, get };
}
