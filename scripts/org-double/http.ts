/** Request and response shapes shared by the org double's API handlers. */
import type { IncomingHttpHeaders } from 'node:http';
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import type { SoqlEngine } from './soql.ts';
import type { Store } from './store.ts';

export interface DoubleRequest {
    method: string;
    /** Path after `/services/data/vNN.N/` (REST), or the full path (SOAP). */
    path: string;
    query: URLSearchParams;
    headers: IncomingHttpHeaders;
    body: string;
}

export interface DoubleResponse {
    status: number;
    json?: unknown;
    text?: string;
    contentType?: string;
}

/** The org's state that handlers work on. */
export interface OrgState {
    store: Store;
    soql: SoqlEngine;
    leadConvertSettings: LeadConvertSettings;
    apiVersion: string;
    organizationId: string;
    now: () => Date;
    /** Duplicate rules on Lead and Contact email block saves unless the request allows them. */
    duplicateRules: boolean;
}

export function json(status: number, body: unknown): DoubleResponse {
    return { status, json: body };
}
