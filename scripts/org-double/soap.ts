/**
 * The SOAP subset of the org double: Partner API `convertLead` and `getUserInfo`
 * (`/services/Soap/u/<version>`) and Metadata API `listMetadata` and `readMetadata` of
 * LeadConvertSettings (`/services/Soap/m/<version>`).
 */
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import { child, children, escapeXml, parseXml, text, type XmlNode } from '../lib/xml.ts';
import type { ApiError } from './apiError.ts';
import { applyBatonConversion } from './batonTrigger.ts';
import { convertLead } from './convert.ts';
import type { DuplicateResult } from './duplicates.ts';
import type { DoubleResponse, OrgState } from './http.ts';

/** convertLead takes at most 100 leads a call (Apex Reference, Database.convertLead; the API shares the limit). */
const CONVERT_LIMIT = 100;
/** readMetadata reads at most 10 components a call (Metadata API Developer Guide, "readMetadata()"). */
const READ_LIMIT = 10;
/**
 * LeadConvertSettings is its own metadata type, one component named LeadConvertSettings (Metadata
 * API Developer Guide: suffix LeadConvertSetting in the LeadConvertSettings folder;
 * @salesforce/source-deploy-retrieve's registry: type `leadconvertsettings`, directory
 * LeadConvertSettings). listMetadata answers with that name; readMetadata of any other name reads
 * nothing.
 */
const LEAD_CONVERT_SETTINGS = 'LeadConvertSettings';

function envelope(body: string): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:sf="urn:sobject.partner.soap.sforce.com">',
        `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
    ].join('');
}

function element(tag: string, value: string | undefined | null): string {
    return value === undefined || value === null ? `<${tag} xsi:nil="true"/>` : `<${tag}>${escapeXml(value)}</${tag}>`;
}

export function soapFault(code: string, message: string): DoubleResponse {
    return {
        status: 500,
        contentType: 'text/xml',
        text: envelope(
            `<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escapeXml(message)}</faultstring></soapenv:Fault>`
        )
    };
}

function ok(body: string): DoubleResponse {
    return { status: 200, contentType: 'text/xml', text: envelope(body) };
}

/** The SOAP method element and the session id of a request envelope. */
export function readEnvelope(xml: string): {
    method: string;
    call: XmlNode | undefined;
    sessionId: string | undefined;
} {
    const root = parseXml(xml, ['leadConverts', 'fullNames', 'queries']).Envelope;
    const body = child(root, 'Body');
    const method = body && typeof body !== 'string' ? (Object.keys(body)[0] ?? '') : '';
    return {
        method,
        call: child(body, method),
        sessionId: text(child(child(root, 'Header'), 'SessionHeader'), 'sessionId')
    };
}

function duplicateResultXml(result: DuplicateResult): string {
    const matches = result.matchResults
        .map(
            (match) =>
                `<matchResults>${element('entityType', match.entityType)}<matchEngine>FuzzyMatchEngine</matchEngine>` +
                match.ids
                    .map(
                        (id) =>
                            `<matchRecords><matchConfidence>100.0</matchConfidence><record xsi:type="sf:sObject"><sf:type>${escapeXml(match.entityType)}</sf:type><sf:Id>${escapeXml(id)}</sf:Id></record></matchRecords>`
                    )
                    .join('') +
                `${element('rule', match.rule)}${element('size', String(match.ids.length))}<success>true</success></matchResults>`
        )
        .join('');
    return (
        `<duplicateResult>${element('allowSave', String(result.allowSave))}${element('duplicateRule', result.duplicateRule)}` +
        `${element('duplicateRuleEntityType', result.duplicateRuleEntityType)}${element('errorMessage', result.errorMessage)}${matches}</duplicateResult>`
    );
}

/** An Error, or a DuplicateError with its duplicateResult (SOAP API Developer Guide, "DuplicateError"). */
function errorXml(error: ApiError): string {
    const type = error.duplicateResult ? ' xsi:type="DuplicateError"' : '';
    const duplicate = error.duplicateResult ? duplicateResultXml(error.duplicateResult) : '';
    return (
        `<errors${type}>${duplicate}${error.fields.map((field) => element('fields', field)).join('')}` +
        `${element('message', error.message)}${element('statusCode', error.errorCode)}</errors>`
    );
}

export function handlePartner(state: OrgState, method: string, call: XmlNode | undefined): DoubleResponse {
    if (method === 'getUserInfo') {
        const user = state.store.find(state.store.currentUserId)?.record ?? {};
        return ok(
            `<getUserInfoResponse><result>${element('organizationId', state.organizationId)}${element('userId', String(user.Id))}` +
                `${element('userName', String(user.Username))}${element('userFullName', String(user.Name))}</result></getUserInfoResponse>`
        );
    }
    if (method === 'convertLead') {
        const leadConverts = children(call, 'leadConverts');
        if (leadConverts.length > CONVERT_LIMIT) {
            return soapFault(
                'EXCEEDED_ID_LIMIT',
                `record limit reached. cannot submit more than ${CONVERT_LIMIT} records into this call`
            );
        }
        // A DuplicateRuleHeader in the request is not read: it applies to create, update and upsert only.
        const context = {
            settings: state.leadConvertSettings ?? { objectMapping: [] },
            requireValidation: state.requireValidationForConvertedLeads,
            now: state.now(),
            ...(state.batonTrigger
                ? {
                      afterConvert: (lead: Record<string, unknown>, opportunityId: string | undefined) => {
                          applyBatonConversion(state.store, lead, opportunityId);
                      }
                  }
                : {})
        };
        const results = leadConverts.map((leadConvert) => {
            const optional = (tag: 'opportunityName' | 'ownerId'): { [key: string]: string } => {
                const value = text(leadConvert, tag);
                return value ? { [tag]: value } : {};
            };
            const result = convertLead(state.store, context, {
                leadId: text(leadConvert, 'leadId') ?? '',
                convertedStatus: text(leadConvert, 'convertedStatus') ?? '',
                doNotCreateOpportunity: text(leadConvert, 'doNotCreateOpportunity') === 'true',
                ...optional('opportunityName'),
                ...optional('ownerId')
            });
            const errors = result.errors.map(errorXml).join('');
            return (
                `<result>${element('accountId', result.accountId)}${element('contactId', result.contactId)}${errors}` +
                `${element('leadId', result.leadId)}${element('opportunityId', result.opportunityId)}${element('success', String(result.success))}</result>`
            );
        });
        return ok(`<convertLeadResponse>${results.join('')}</convertLeadResponse>`);
    }
    return soapFault('INVALID_OPERATION', `The org double does not implement ${method}`);
}

function settingsXml(settings: LeadConvertSettings): string {
    const mappings = settings.objectMapping
        .map(
            (mapping) =>
                `<objectMapping>${element('inputObject', mapping.inputObject)}` +
                mapping.mappingFields
                    .map(
                        (field) =>
                            `<mappingFields>${element('inputField', field.inputField)}${element('outputField', field.outputField)}</mappingFields>`
                    )
                    .join('') +
                `${element('outputObject', mapping.outputObject)}</objectMapping>`
        )
        .join('');
    const allow =
        settings.allowOwnerChange === undefined ? '' : element('allowOwnerChange', String(settings.allowOwnerChange));
    const options =
        settings.opportunityCreationOptions === undefined
            ? ''
            : element('opportunityCreationOptions', settings.opportunityCreationOptions);
    return `<records xsi:type="${LEAD_CONVERT_SETTINGS}"><fullName>${LEAD_CONVERT_SETTINGS}</fullName>${allow}${mappings}${options}</records>`;
}

/** A metadata type the double does not hold: the platform's fault for a type the org does not offer. */
function unknownType(type: string | undefined): DoubleResponse {
    return soapFault('INVALID_TYPE', `This type of metadata is not available for this organization: ${type ?? ''}`);
}

export function handleMetadata(state: OrgState, method: string, call: XmlNode | undefined): DoubleResponse {
    if (method === 'listMetadata') {
        const types = children(call, 'queries').map((query) => text(query, 'type'));
        const unknown = types.find((type) => type !== LEAD_CONVERT_SETTINGS);
        if (unknown !== undefined || types.length === 0) {
            return unknownType(unknown);
        }
        const file = state.leadConvertSettings
            ? `<result>${element('fileName', `${LEAD_CONVERT_SETTINGS}/${LEAD_CONVERT_SETTINGS}.LeadConvertSetting`)}` +
              `${element('fullName', LEAD_CONVERT_SETTINGS)}${element('type', LEAD_CONVERT_SETTINGS)}</result>`
            : '';
        return ok(`<listMetadataResponse>${file}</listMetadataResponse>`);
    }
    if (method !== 'readMetadata') {
        return soapFault('INVALID_OPERATION', `The org double does not implement ${method}`);
    }
    const type = text(call, 'type');
    if (type !== LEAD_CONVERT_SETTINGS) {
        return unknownType(type);
    }
    const names = children(call, 'fullNames').map((name) => (typeof name === 'string' ? name : ''));
    if (names.length > READ_LIMIT) {
        return soapFault('LIMIT_EXCEEDED', `readMetadata reads at most ${READ_LIMIT} components a call`);
    }
    // An unknown name is no error: its entry is empty (Metadata API Developer Guide, "readMetadata()").
    const records = names.map((name) =>
        name === LEAD_CONVERT_SETTINGS && state.leadConvertSettings
            ? settingsXml(state.leadConvertSettings)
            : '<records xsi:nil="true"/>'
    );
    return ok(`<readMetadataResponse><result>${records.join('')}</result></readMetadataResponse>`);
}
