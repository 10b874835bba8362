/**
 * The SOAP subset of the org double: Partner API `convertLead` and `getUserInfo`
 * (`/services/Soap/u/<version>`) and Metadata API `readMetadata` of LeadConvertSettings
 * (`/services/Soap/m/<version>`).
 */
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import { child, children, escapeXml, parseXml, text, type XmlNode } from '../lib/xml.ts';
import { convertLead } from './convert.ts';
import type { DoubleResponse, OrgState } from './http.ts';

function envelope(body: string): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
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
    const root = parseXml(xml, ['leadConverts', 'fullNames']).Envelope;
    const body = child(root, 'Body');
    const method = body && typeof body !== 'string' ? (Object.keys(body)[0] ?? '') : '';
    return {
        method,
        call: child(body, method),
        sessionId: text(child(child(root, 'Header'), 'SessionHeader'), 'sessionId')
    };
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
        const results = children(call, 'leadConverts').map((leadConvert) => {
            const request = {
                leadId: text(leadConvert, 'leadId') ?? '',
                convertedStatus: text(leadConvert, 'convertedStatus') ?? '',
                doNotCreateOpportunity: text(leadConvert, 'doNotCreateOpportunity') === 'true'
            };
            const opportunityName = text(leadConvert, 'opportunityName');
            const result = convertLead(
                state.store,
                state.leadConvertSettings,
                opportunityName ? { ...request, opportunityName } : request,
                state.now()
            );
            const errors = result.errors
                .map(
                    (error) =>
                        `<errors>${element('message', error.message)}${element('statusCode', error.errorCode)}${error.fields.map((field) => element('fields', field)).join('')}</errors>`
                )
                .join('');
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
    return `<records xsi:type="LeadConvertSettings"><fullName>LeadConvert</fullName>${allow}${mappings}${options}</records>`;
}

export function handleMetadata(state: OrgState, method: string, call: XmlNode | undefined): DoubleResponse {
    if (method !== 'readMetadata') {
        return soapFault('INVALID_OPERATION', `The org double does not implement ${method}`);
    }
    const type = text(call, 'type');
    const names = children(call, 'fullNames').map((name) => (typeof name === 'string' ? name : ''));
    const records = names.map((name) =>
        type === 'LeadConvertSettings' && name === 'LeadConvert'
            ? settingsXml(state.leadConvertSettings)
            : '<records xsi:nil="true"/>'
    );
    return ok(`<readMetadataResponse><result>${records.join('')}</result></readMetadataResponse>`);
}
