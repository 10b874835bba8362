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
import type { AddressInfo } from 'node:net';
import { PROJECT_ROOT, readSfdxProject } from '../lib/project.ts';
import { readLeadConvertSettings, type LeadConvertSettings } from '../lib/projectMetadata.ts';
import { BulkIngest } from './bulk.ts';
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
    duplicateRules?: boolean;
}

interface InjectedFault {
    /** Fails when the request counter reaches this number. */
    atRequest: number;
    status?: number;
    errorCode?: string;
    /** Drop the connection without a response (a network failure). */
    dropConnection?: boolean;
}

const USER_ID = '005000000000001AAA';
/** The refresh token a login to the double may hold (OAuth refresh-token grant, identity.ts). */
export const REFRESH_TOKEN = '5Aep861OrgDouble.refresh';

export class OrgDouble {
    readonly state: OrgState;
    /**
     * The token the double accepts, in the platform's format (the 15-character org ID, "!", the
     * session), which the CLI checks; it changes when the session is renewed.
     */
    accessToken: string;
    private readonly firstAccessToken: string;
    private sessions = 0;
    /** Every request served, in order ("POST /services/data/v65.0/composite/sobjects"). */
    readonly requests: string[] = [];
    private readonly server: Server;
    private readonly bulk = new BulkIngest();
    private faults: InjectedFault[] = [];
    private sessionExpired = false;

    private constructor(state: OrgState) {
        this.state = state;
        this.firstAccessToken = `${state.organizationId.slice(0, 15)}!AQ.OrgDouble.session`;
        this.accessToken = this.firstAccessToken;
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
            assignedPermissionSets: options.assignedPermissionSets ?? []
        };
        const organizationId = await addSetupData(store, profile, projectDir, now());
        const double = new OrgDouble({
            store,
            soql: new SoqlEngine(store, sourceApiVersion),
            leadConvertSettings: structuredClone(settings),
            apiVersion: sourceApiVersion,
            organizationId,
            now,
            duplicateRules: options.duplicateRules ?? false
        });
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
        this.accessToken = `${this.firstAccessToken}.${this.sessions}`;
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

    /** Changes the org's LeadConvertSettings: map `inputField` to `outputField` of `outputObject`, or unmap it (null). */
    setConversionMapping(inputField: string, outputObject: string, outputField: string | null): void {
        const settings: LeadConvertSettings = this.state.leadConvertSettings;
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
        const fault = this.faults.find((item) => item.atRequest === this.requestCount);
        if (fault?.dropConnection) {
            request.socket.destroy();
            return;
        }
        const reply = fault
            ? {
                  status: fault.status ?? 503,
                  json: [{ errorCode: fault.errorCode ?? 'SERVER_UNAVAILABLE', message: 'Injected failure' }]
              }
            : this.dispatch(request, url.searchParams, path, Buffer.concat(chunks).toString('utf8'));
        const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
        const headers: Record<string, string> = {
            'content-type':
                reply.contentType ?? (reply.json === undefined ? 'text/plain' : 'application/json;charset=UTF-8')
        };
        response.writeHead(reply.status, headers);
        response.end(reply.status === 204 ? undefined : body);
    }

    private dispatch(request: IncomingMessage, query: URLSearchParams, path: string, body: string): DoubleResponse {
        const method = request.method ?? 'GET';
        if (path === '/services/oauth2/token' && method === 'POST') {
            return refreshTokenGrant(this.state, this.url, new URLSearchParams(body), REFRESH_TOKEN, () =>
                this.renewSession()
            );
        }
        const soap = /^\/services\/Soap\/([um])\/[\d.]+(?:\/\w+)?$/.exec(path);
        if (soap) {
            const envelope = readEnvelope(body);
            if (this.sessionExpired || envelope.sessionId !== this.accessToken) {
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
            path: rest[2] ?? '',
            query,
            headers: request.headers,
            body
        };
        if (doubleRequest.path === 'limits' && method === 'GET') {
            return limits(this.requestCount);
        }
        return doubleRequest.path.startsWith('jobs/ingest')
            ? this.bulk.handle(this.state, doubleRequest)
            : handleRest(this.state, doubleRequest);
    }
}
