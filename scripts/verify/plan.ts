/**
 * What a conversion must carry: the platform's standard mapping plus the org's
 * LeadConvertSettings, with marker values for each test lead, built from the org's describes.
 */
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { LeadConvertSettings } from '../lib/projectMetadata.ts';
import { STANDARD_CONVERSION_MAPPING } from '../lib/standardConversionMapping.ts';
import { markerValue, type DescribeField, type MarkerValue } from './markers.ts';

export interface FieldCheck {
    leadField: string;
    object: string;
    field: string;
    /** 'standard' (the platform's built-in mapping) or 'settings' (LeadConvertSettings). */
    source: 'standard' | 'settings';
}

export type LeadValues = Record<string, MarkerValue>;

export interface ConversionPlan {
    checks: FieldCheck[];
    /** The marker values of each test lead by field (the first lead's are the ones checked). */
    leads: LeadValues[];
    /** Checks that could not get a marker, with why. */
    skipped: { check: FieldCheck; reason: string }[];
}

function field(describe: DescribeSObjectResult | undefined, name: string): DescribeField | undefined {
    return describe?.fields.find((item) => item.name.toLowerCase() === name.toLowerCase());
}

interface PicklistEntry {
    value: string;
    label: string;
    active: boolean;
    validFor?: string | null;
}

const entries = (item: DescribeField | undefined): PicklistEntry[] =>
    ((item?.picklistValues ?? []) as PicklistEntry[]).filter((entry) => entry.active);

/**
 * With State and Country/Territory Picklists on, Lead.Country and Lead.State take only names the
 * org lists, a state only under its country: a country and one of its states, by label, read from
 * the CountryCode and StateCode picklists (`validFor` marks the countries a state belongs to, one
 * bit per country value, most significant bit first). Undefined when the picklists are off.
 */
function listedAddress(lead: DescribeSObjectResult | undefined): { Country: string; State: string } | undefined {
    const countries = entries(field(lead, 'CountryCode'));
    if (countries.length === 0) {
        return undefined;
    }
    for (const state of entries(field(lead, 'StateCode'))) {
        const bits = Buffer.from(state.validFor ?? '', 'base64');
        const country = countries.find((_, index) => ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0);
        if (country) {
            return { Country: country.label, State: state.label };
        }
    }
    return undefined;
}

export function planConversion(
    settings: LeadConvertSettings,
    describes: Map<string, DescribeSObjectResult | undefined>,
    runId: string,
    leadCount = 2
): ConversionPlan {
    const checks: FieldCheck[] = STANDARD_CONVERSION_MAPPING.map((mapping) => ({
        ...mapping,
        source: 'standard' as const
    }));
    for (const objectMapping of settings.objectMapping) {
        if (objectMapping.inputObject !== 'Lead') continue;
        for (const mapping of objectMapping.mappingFields) {
            checks.push({
                leadField: mapping.inputField,
                object: objectMapping.outputObject,
                field: mapping.outputField,
                source: 'settings'
            });
        }
    }
    const plan: ConversionPlan = {
        checks: [],
        leads: Array.from({ length: leadCount }, () => ({})),
        skipped: []
    };
    const leadDescribe = describes.get('Lead');
    const address = listedAddress(leadDescribe);
    const leadFields = [...new Set(checks.map((check) => check.leadField))];
    leadFields.forEach((leadField, index) => {
        const source = field(leadDescribe, leadField);
        const related = checks.filter((check) => check.leadField === leadField);
        const targets = related.map((check) => field(describes.get(check.object), check.field));
        if (!source || targets.some((target) => !target)) {
            const missing = !source
                ? `Lead.${leadField}`
                : related
                      .filter((_, i) => !targets[i])
                      .map((check) => `${check.object}.${check.field}`)
                      .join(', ');
            related.forEach((check) =>
                plan.skipped.push({ check, reason: `${missing} not found in the org (or not visible to you)` })
            );
            return;
        }
        const listed = address?.[source.name as 'Country' | 'State'];
        const markers = plan.leads.map(
            (_, lead) => listed ?? markerValue(source, targets as DescribeField[], { runId, lead, seed: index + 1 })
        );
        if (markers.some((marker) => marker === undefined)) {
            related.forEach((check) =>
                plan.skipped.push({
                    check,
                    reason: `no value of type ${source.type} fits Lead.${leadField} and its targets`
                })
            );
            return;
        }
        markers.forEach((marker, lead) => {
            const values = plan.leads[lead];
            if (values && marker !== undefined) values[source.name] = marker;
        });
        plan.checks.push(...related);
    });
    return plan;
}
