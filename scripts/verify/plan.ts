/**
 * What a conversion must carry: the platform's standard mapping plus the org's
 * LeadConvertSettings, with a marker value per lead field, built from the org's describes.
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

export interface ConversionPlan {
    checks: FieldCheck[];
    /** The lead's marker values by field. */
    lead: Record<string, MarkerValue>;
    /** Checks that could not get a marker, with why. */
    skipped: { check: FieldCheck; reason: string }[];
}

function field(describe: DescribeSObjectResult | undefined, name: string): DescribeField | undefined {
    return describe?.fields.find((item) => item.name.toLowerCase() === name.toLowerCase());
}

export function planConversion(
    settings: LeadConvertSettings,
    describes: Map<string, DescribeSObjectResult | undefined>,
    runId: string
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
    const plan: ConversionPlan = { checks: [], lead: {}, skipped: [] };
    const leadDescribe = describes.get('Lead');
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
        const marker = markerValue(source, targets as DescribeField[], index + 1, runId);
        if (marker === undefined) {
            related.forEach((check) =>
                plan.skipped.push({
                    check,
                    reason: `no value of type ${source.type} fits Lead.${leadField} and its targets`
                })
            );
            return;
        }
        plan.lead[source.name] = marker;
        plan.checks.push(...related);
    });
    return plan;
}
