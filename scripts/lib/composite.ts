/** Several REST reads in one API call (Composite resource, at most 25 subrequests). */
import type { OrgConnection } from './connection.ts';
import { explainError } from './errors.ts';

export interface SubResponse {
    httpStatusCode: number;
    body: unknown;
}

export async function compositeGet(
    org: OrgConnection,
    urls: Record<string, string>
): Promise<Record<string, SubResponse>> {
    const version = org.conn.version;
    const compositeRequest = Object.entries(urls).map(([referenceId, url]) => ({
        method: 'GET',
        url: `/services/data/v${version}/${url}`,
        referenceId
    }));
    let response: { compositeResponse: (SubResponse & { referenceId: string })[] };
    try {
        response = await org.conn.request({
            method: 'POST',
            url: '/composite',
            body: JSON.stringify({ allOrNone: false, compositeRequest }),
            headers: { 'content-type': 'application/json' }
        });
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
    return Object.fromEntries(response.compositeResponse.map((item) => [item.referenceId, item]));
}

/** The error code of a failed subresponse (e.g. NOT_FOUND), or undefined when it succeeded. */
export function subError(response: SubResponse | undefined): { errorCode: string; message: string } | undefined {
    if (!response || response.httpStatusCode < 300) {
        return undefined;
    }
    const [first] = Array.isArray(response.body) ? (response.body as { errorCode: string; message: string }[]) : [];
    return first ?? { errorCode: String(response.httpStatusCode), message: 'request failed' };
}
