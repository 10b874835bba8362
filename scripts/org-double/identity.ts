/**
 * What the Salesforce CLI and @salesforce/core ask an org before any data, in the platform's
 * documented shapes: the OpenID Connect UserInfo endpoint, the OAuth 2.0 token endpoint (refresh
 * token grant), the REST API's list of versions and its limits resource.
 */
import { json, type DoubleResponse, type OrgState } from './http.ts';

/** Salesforce's oldest API version still served: 21.0–30.0 were retired in Summer '25 (Salesforce KB 000354473). */
const OLDEST_VERSION = 31;

/** The release that introduced an API version: 20.0 was Winter '11, then three releases a year. */
function releaseLabel(version: number): string {
    const releases = version - 20;
    const season = ['Winter', 'Spring', 'Summer'][releases % 3] ?? 'Winter';
    return `${season} '${String(11 + Math.floor(releases / 3)).padStart(2, '0')}`;
}

/**
 * `GET /services/data`: every version the org serves, oldest first (REST API Developer Guide,
 * "Versions"). The double's newest version is the project's sourceApiVersion.
 */
export function apiVersions(state: OrgState): DoubleResponse {
    const newest = Math.floor(Number(state.apiVersion));
    const versions = [];
    for (let version = OLDEST_VERSION; version <= newest; version++) {
        versions.push({
            label: releaseLabel(version),
            url: `/services/data/v${version}.0`,
            version: `${version}.0`
        });
    }
    return json(200, versions);
}

/**
 * `GET /services/data/vXX.X`: the resources of one version, by name (REST API Developer Guide,
 * "Resources by Version"); here the ones the double serves. The CLI reads it to check a session.
 */
export function versionResources(state: OrgState, baseUrl: string, version: string): DoubleResponse {
    const resource = (name: string): string => `/services/data/v${version}/${name}`;
    return json(200, {
        sobjects: resource('sobjects'),
        query: resource('query'),
        composite: resource('composite'),
        limits: resource('limits'),
        jobs: resource('jobs'),
        identity: `${baseUrl}/id/${state.organizationId}/${state.store.currentUserId}`
    });
}

/**
 * `GET /services/oauth2/userinfo` for the running user (Salesforce Help, "Query for User
 * Information": the OpenID Connect claims plus Salesforce's `user_id`, `organization_id` and the
 * API endpoint URLs). The CLI reads `user_id` and `organization_id` from it when it logs in.
 */
export function userInfo(state: OrgState, baseUrl: string): DoubleResponse {
    const user = state.store.find(state.store.currentUserId)?.record ?? {};
    const userId = String(user.Id);
    const version = state.apiVersion;
    const endpoint = (path: string): string => `${baseUrl}/services/${path}`;
    return json(200, {
        sub: `${baseUrl}/id/${state.organizationId}/${userId}`,
        user_id: userId,
        organization_id: state.organizationId,
        preferred_username: user.Username,
        nickname: user.Alias,
        name: user.Name,
        email: user.Email,
        email_verified: true,
        given_name: user.FirstName,
        family_name: user.LastName,
        zoneinfo: 'America/Los_Angeles',
        active: user.IsActive,
        user_type: 'STANDARD',
        language: 'en_US',
        locale: 'en_US',
        utcOffset: -28800000,
        urls: {
            enterprise: endpoint(`Soap/c/${version}/${state.organizationId}`),
            metadata: endpoint(`Soap/m/${version}/${state.organizationId}`),
            partner: endpoint(`Soap/u/${version}/${state.organizationId}`),
            rest: endpoint(`data/v${version}/`),
            sobjects: endpoint(`data/v${version}/sobjects/`),
            query: endpoint(`data/v${version}/query/`),
            profile: `${baseUrl}/${userId}`
        }
    });
}

/**
 * `POST /services/oauth2/token` with `grant_type=refresh_token` (Salesforce Help, "OAuth 2.0
 * Refresh Token Flow for Renewed Sessions"): a new access token for a valid refresh token, or
 * `invalid_grant` with HTTP 400.
 */
export function refreshTokenGrant(
    state: OrgState,
    baseUrl: string,
    form: URLSearchParams,
    refreshToken: string,
    renewSession: () => string
): DoubleResponse {
    if (form.get('grant_type') !== 'refresh_token') {
        return json(400, {
            error: 'unsupported_grant_type',
            error_description: 'grant type not supported by the org double'
        });
    }
    if (form.get('refresh_token') !== refreshToken) {
        return json(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    }
    return json(200, {
        access_token: renewSession(),
        signature: 'org-double',
        scope: 'refresh_token api',
        instance_url: baseUrl,
        id: `${baseUrl}/id/${state.organizationId}/${state.store.currentUserId}`,
        token_type: 'Bearer',
        issued_at: String(state.now().getTime())
    });
}

/**
 * `GET /services/data/vXX.X/limits` (REST API Developer Guide, "Limits"): each limit as
 * `{ Max, Remaining }`. Daily API requests count the calls the double has served; the maxima are
 * a Developer Edition org's.
 */
export function limits(requestsServed: number): DoubleResponse {
    const limit = (max: number, used = 0): { Max: number; Remaining: number } => ({
        Max: max,
        Remaining: Math.max(0, max - used)
    });
    return json(200, {
        DailyApiRequests: limit(15_000, requestsServed),
        DailyBulkApiBatches: limit(15_000),
        DailyBulkV2QueryJobs: limit(10_000)
    });
}
