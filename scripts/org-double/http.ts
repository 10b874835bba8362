/** Request and response shapes shared by the org double's API handlers. */
import type { IncomingHttpHeaders } from 'node:http';
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import type { RowLockSimulation } from './bulk.ts';
import type { SoqlEngine } from './soql.ts';
import type { Store } from './store.ts';

export interface DoubleRequest {
    method: string;
    /** The API version of a REST request (`65.0` of `/services/data/v65.0/…`). */
    version: string;
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
    /** A body written piece by piece, as it is produced (large results). */
    chunks?: Iterable<string> | AsyncIterable<string | Buffer>;
    contentType?: string;
    headers?: Record<string, string>;
}

/** The org's state that handlers work on. */
export interface OrgState {
    store: Store;
    soql: SoqlEngine;
    /** The org's lead field mapping; undefined when the org has no LeadConvertSettings component. */
    leadConvertSettings: LeadConvertSettings | undefined;
    /** "Require Validation for Converted Leads" (LeadConfigSettings.shouldLeadConvertRequireValidation). */
    requireValidationForConvertedLeads: boolean;
    /** Baton's Lead trigger is active (batonTrigger.ts stands in for its conversion effects). */
    batonTrigger: boolean;
    /** Bulk API 2.0 row lock failures to simulate, if any. */
    rowLocks: RowLockSimulation | undefined;
    apiVersion: string;
    organizationId: string;
    now: () => Date;
}

export function json(status: number, body: unknown): DoubleResponse {
    return { status, json: body };
}
