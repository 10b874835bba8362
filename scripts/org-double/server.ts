/**
 * A local org double: an HTTP server on 127.0.0.1 (a free port, or the one asked for) that speaks
 * the REST, Bulk API 2.0, SOAP (convertLead, getUserInfo) and Metadata API (readMetadata) subset
 * Baton's scripts use, plus what the Salesforce CLI and @salesforce/core ask when they log in
 * (identity.ts), with in-memory state and the project's own schema. It is a test double, not
 * Salesforce: no Apex, flows, sharing or governor limits run here.
 *
 * Fault injection for tests: fail the Nth request (HTTP error or dropped connection), expire the
 * session, drop a field from the schema, change the org's conversion mapping.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { PROJECT_ROOT, readSfdxProject } from '../lib/project.ts';
import {
    readLeadConvertSettings,
    readRequireValidationForConvertedLeads,
    type LeadConvertSettings
} from '../lib/projectMetadata.ts';
import { enableStateCountryPicklists } from './addresses.ts';
import { BulkIngest, type RowLockSimulation } from './bulk.ts';
import { BulkQuery } from './bulkQuery.ts';
import { STANDARD_DUPLICATE_RULES, type DuplicateRule } from './duplicates.ts';
import type { DoubleRequest, DoubleResponse, OrgState } from './http.ts';
import { apiVersions, limits, refreshTokenGrant, userInfo, versionResources } from './identity.ts';
import { handleRest } from './rest.ts';
import { loadSchema } from './schema.ts';
import { addSetupData, type OrgProfile } from './setup.ts';
import { handleMetadata, handlePartner, readEnvelope, soapFault } from './soap.ts';
import { SoqlEngine } from './soql.ts';
import { Store, type ValidationRule } from './store.ts';

export interface OrgDoubleOptions extends Partial<OrgProfile> {
    projectDir?: string;
    /** TCP port on 127.0.0.1; 0 (the default) takes a free one. */
    port?: number;
    now?: () => Date;
    /** The standard duplicate rules are active (default, as in a new org). */
    duplicateRules?: boolean;
    /** "Require Validation for Converted Leads" (default: the project's LeadConfig settings). */
    requireValidationForConvertedLeads?: boolean;
    /** Baton's Lead trigger is active (default); false: as in an org where it did not run. */
    batonTrigger?: boolean;
    /** The running user has the Marketing User checkbox (default). */
    marketingUser?: boolean;
    /** State and Country/Territory Picklists are enabled (default off, as in a new org). */
    stateCountryPicklists?: boolean;
    /** Simulate Bulk API 2.0 row lock failures (default none). */
    rowLocks?: RowLockSimulation;
    /** Issue JWT-based access tokens (as a connected app with that setting does). */
    jwtAccessTokens?: boolean;
}

/** A request as the double received it. */
export interface ObservedRequest {
    method: string;
    path: string;
    body: string;
}

interface InjectedFault {
    /** Fails when the request counter reaches this number. */
    atRequest: number;
    status?: number;
    errorCode?: string;
    /** Drop the connection without a response (a network failure). */
    dropConnection?: boolean;
    /** Process the request, then drop the connection (the work is done but the answer is lost). */
    afterProcessing?: boolean;
}

/** A JWT-format token: three base64url parts, the first a JSON header (as jsforce tells them apart). */
const JWT_ACCESS_TOKEN = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"org-double"}').toString('base64url')}.c2lnbmF0dXJl`;
/** The SOAP API accepts JWT-based access tokens from API version 68.0 (jsforce's SOAP client says so too). */
const SOAP_JWT_VERSION = 68;
const USER_ID = '005000000000001AAA';
/** The refresh token a login to the double may hold (OAuth refresh-token grant, identity.ts). */
export const REFRESH_TOKEN = '5Aep861OrgDouble.refresh';

export class OrgDouble {
    readonly state: OrgState;
    /** The token the double accepts (changes when the session is renewed). */
    accessToken: string;
    /**
     * An access token in the platform's opaque format (the 15-character org ID, "!", the session),
     * which the CLI checks; renewed sessions add a number to it.
     */
    private readonly sessionToken: string;
    private sessions = 0;
    /** Every request served, in order ("POST /services/data/v65.0/composite/sobjects"). */
    readonly requests: string[] = [];
    private readonly server: Server;
    private readonly bulk = new BulkIngest();
    private readonly bulkQuery = new BulkQuery();
    /** Called with every request the double receives (tests watch what a command sends). */
    onRequest: ((request: ObservedRequest) => void) | undefined;
    private faults: InjectedFault[] = [];
    private sessionExpired = false;

    /** `accessToken`: a JWT-format token instead of the opaque one. */
    private constructor(state: OrgState, accessToken?: string) {
        this.state = state;
        this.sessionToken = `${state.organizationId.slice(0, 15)}!AQ.OrgDouble.session`;
        this.accessToken = accessToken ?? this.sessionToken;
        // Idle keep-alive connections stay open until the client closes them. With Node's default
        // (close after 5 s idle) a client whose event loop was busy for longer — building a
        // 65,000-row CSV on a loaded machine — still held the connection as reusable (its own
        // idle timer could not run) and wrote its next POST onto a socket the server had just
        // closed: undici's UND_ERR_SOCKET "other side closed", which jsforce does not retry for
        // POST or PATCH. A server must not drop idle connections before its clients do.
        this.server = createServer({ keepAliveTimeout: 0 }, (request, response) => {
            this.serve(request, response).catch((error: unknown) => {
                response.writeHead(500, { 'content-type': 'application/json' });
                response.end(JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }]));
            });
        });
    }

    static async start(options: OrgDoubleOptions = {}): Promise<OrgDouble> {
        const projectDir = options.projectDir ?? PROJECT_ROOT;
        const now = options.now ?? (() => new Date());
        const schema = await loadSchema(projectDir);
        const store = new Store(schema, USER_ID, now);
        const { settings } = await readLeadConvertSettings(projectDir);
        const { sourceApiVersion } = await readSfdxProject(projectDir);
        const profile: OrgProfile = {
            isSandbox: options.isSandbox ?? true,
            scratch: options.scratch ?? false,
            assignedPermissionSets: options.assignedPermissionSets ?? [],
            colleagues: options.colleagues ?? []
        };
        const organizationId = await addSetupData(store, profile, projectDir, now());
        if (options.duplicateRules ?? true) {
            store.duplicateRules.push(...STANDARD_DUPLICATE_RULES);
        }
        store.marketingUser = options.marketingUser ?? true;
        if (options.stateCountryPicklists) {
            enableStateCountryPicklists(schema);
            store.stateCountryPicklists = true;
        }
        const double = new OrgDouble(
            {
                store,
                soql: new SoqlEngine(store, sourceApiVersion),
                leadConvertSettings: structuredClone(settings),
                requireValidationForConvertedLeads:
                    options.requireValidationForConvertedLeads ??
                    (await readRequireValidationForConvertedLeads(projectDir)),
                batonTrigger: options.batonTrigger ?? true,
                rowLocks: options.rowLocks,
                apiVersion: sourceApiVersion,
                organizationId,
                now
            },
            options.jwtAccessTokens ? JWT_ACCESS_TOKEN : undefined
        );
        await new Promise<void>((resolve, reject) => {
            double.server.once('error', reject);
            double.server.listen(options.port ?? 0, '127.0.0.1', resolve);
        });
        return double;
    }

    get url(): string {
        const { port } = this.server.address() as AddressInfo;
        return `http://127.0.0.1:${port}`;
    }

    get requestCount(): number {
        return this.requests.length;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve, reject) =>
            this.server.close((error) => {
                if (error) reject(error);
                else resolve();
            })
        );
    }

    /** The `n`th request from now (1 = the next one) fails with a server error or a dropped connection. */
    failRequest(n: number, fault: Omit<InjectedFault, 'atRequest'> = {}): void {
        this.faults.push({ atRequest: this.requestCount + n, ...fault });
    }

    /** Every later request answers INVALID_SESSION_ID, as when an access token expires. */
    expireSession(): void {
        this.sessionExpired = true;
    }

    /** Issues a new access token (the old one stays invalid), as a refreshed login does. */
    renewSession(): string {
        this.sessions++;
        this.accessToken = `${this.sessionToken}.${this.sessions}`;
        this.sessionExpired = false;
        return this.accessToken;
    }

    /** Removes a field from the org (as if never deployed, or hidden by field-level security). */
    dropField(objectName: string, fieldName: string): void {
        this.state.store.object(objectName).fields.delete(fieldName.toLowerCase());
    }

    /** Adds a validation rule (saves of `object` fail with `message` when `failsWhen` holds). */
    addValidationRule(rule: ValidationRule): void {
        this.state.store.validationRules.push(rule);
    }

    /** Adds a duplicate rule (an admin's own rule beside the standard ones). */
    addDuplicateRule(rule: DuplicateRule): void {
        this.state.store.duplicateRules.push(rule);
    }

    /** Creates a queue and returns its Id. */
    addQueue(name: string): string {
        return String(this.state.store.addSystemRecord('Group', { Name: name, DeveloperName: name, Type: 'Queue' }).Id);
    }

    /** Takes the permission set `name` from the running user, as an admin would in Setup. */
    unassignPermissionSet(name: string): void {
        const { store } = this.state;
        const permissionSet = store.all('PermissionSet').find((row) => row.Name === name);
        for (const assignment of store.all('PermissionSetAssignment')) {
            if (assignment.PermissionSetId === permissionSet?.Id && assignment.AssigneeId === store.currentUserId) {
                store.removeSystemRecord(String(assignment.Id));
            }
        }
    }

    /** Every new lead is owned by `ownerId` (a queue), as a lead assignment rule would do. */
    assignNewLeadsTo(ownerId: string): void {
        this.state.store.leadOwnerOnInsert = ownerId;
    }

    /** The org answers as if it had no LeadConvertSettings component. */
    dropLeadConvertSettings(): void {
        this.state.leadConvertSettings = undefined;
    }

    /** Changes the org's LeadConvertSettings: map `inputField` to `outputField` of `outputObject`, or unmap it (null). */
    setConversionMapping(inputField: string, outputObject: string, outputField: string | null): void {
        const settings: LeadConvertSettings = this.state.leadConvertSettings ?? { objectMapping: [] };
        for (const mapping of settings.objectMapping) {
            if (mapping.outputObject === outputObject) {
                mapping.mappingFields = mapping.mappingFields.filter((field) => field.inputField !== inputField);
                if (outputField) {
                    mapping.mappingFields.push({ inputField, outputField });
                }
            }
        }
    }

    private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const chunks: Buffer[] = [];
        for await (const chunk of request) {
            chunks.push(chunk as Buffer);
        }
        // The CLI stores instance URLs with a trailing "/", so its requests arrive as "//services/…"
        // (which `new URL` would read as a host name).
        const url = new URL((request.url ?? '/').replace(/^\/+/, '/'), this.url);
        const path = url.pathname;
        this.requests.push(`${request.method ?? 'GET'} ${path}`);
        const body = Buffer.concat(chunks).toString('utf8');
        this.onRequest?.({ method: request.method ?? 'GET', path, body });
        const fault = this.faults.find((item) => item.atRequest === this.requestCount);
        if (fault?.dropConnection) {
            request.socket.destroy();
            return;
        }
        const reply =
            fault && !fault.afterProcessing
                ? {
                      status: fault.status ?? 503,
                      json: [{ errorCode: fault.errorCode ?? 'SERVER_UNAVAILABLE', message: 'Injected failure' }]
                  }
                : this.dispatch(request, url.searchParams, path, body);
        if (fault?.afterProcessing) {
            request.socket.destroy();
            return;
        }
        const headers: Record<string, string> = {
            'content-type':
                reply.contentType ?? (reply.json === undefined ? 'text/plain' : 'application/json;charset=UTF-8'),
            ...reply.headers
        };
        response.writeHead(reply.status, headers);
        if (reply.chunks) {
            await pipeline(Readable.from(reply.chunks), response);
            return;
        }
        const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
        response.end(reply.status === 204 ? undefined : text);
    }

    private dispatch(request: IncomingMessage, query: URLSearchParams, path: string, body: string): DoubleResponse {
        const method = request.method ?? 'GET';
        if (path === '/services/oauth2/token' && method === 'POST') {
            return refreshTokenGrant(this.state, this.url, new URLSearchParams(body), REFRESH_TOKEN, () =>
                this.renewSession()
            );
        }
        const soap = /^\/services\/Soap\/([um])\/([\d.]+)(?:\/\w+)?$/.exec(path);
        if (soap) {
            const envelope = readEnvelope(body);
            const jwtRefused = this.accessToken === JWT_ACCESS_TOKEN && Number(soap[2]) < SOAP_JWT_VERSION;
            if (this.sessionExpired || envelope.sessionId !== this.accessToken || jwtRefused) {
                return soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
            }
            return soap[1] === 'u'
                ? handlePartner(this.state, envelope.method, envelope.call)
                : handleMetadata(this.state, envelope.method, envelope.call);
        }
        if (this.sessionExpired || request.headers.authorization !== `Bearer ${this.accessToken}`) {
            return { status: 401, json: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }] };
        }
        if (path === '/services/oauth2/userinfo' && method === 'GET') {
            return userInfo(this.state, this.url);
        }
        if (/^\/services\/data\/?$/.test(path) && method === 'GET') {
            return apiVersions(this.state);
        }
        const versionRoot = /^\/services\/data\/v([\d.]+)\/?$/.exec(path);
        if (versionRoot && method === 'GET') {
            return versionResources(this.state, this.url, versionRoot[1] ?? '');
        }
        const rest = /^\/services\/data\/v([\d.]+)\/(.*)$/.exec(path);
        if (!rest) {
            return {
                status: 404,
                json: [{ errorCode: 'NOT_FOUND', message: `The org double does not serve ${path}` }]
            };
        }
        const doubleRequest: DoubleRequest = {
            method,
            version: rest[1] ?? '',
            path: rest[2] ?? '',
            query,
            headers: request.headers,
            body
        };
        if (doubleRequest.path === 'limits' && method === 'GET') {
            return limits(this.requestCount);
        }
        if (doubleRequest.path.startsWith('jobs/ingest')) {
            return this.bulk.handle(this.state, doubleRequest);
        }
        return doubleRequest.path.startsWith('jobs/query')
            ? this.bulkQuery.handle(this.state, doubleRequest)
            : handleRest(this.state, doubleRequest);
    }
}
