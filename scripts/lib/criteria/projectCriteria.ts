/**
 * The criteria a project ships: Lead_Stage_Criterion__mdt records and the thresholds of
 * Lead_Handoff_Setting.Default, read from the source metadata and shaped for the criteria engine.
 */
import { readCustomMetadataRecords, type CustomMetadataRecord } from '../projectMetadata.ts';
import { PROJECT_ROOT } from '../project.ts';
import type { Criterion, Thresholds } from './engine.ts';
import { parseNumber, type ExactDecimal } from './values.ts';

export interface ProjectCriteria {
    rules: Criterion[];
    thresholds: Thresholds;
}

/** A number field of a record, exact; blank (or text the engines' parser refuses) is null. */
function numberOf(record: CustomMetadataRecord, field: string): ExactDecimal | null {
    const raw = record.values[field];
    return raw == null ? null : (parseNumber(raw) ?? null);
}

/** A Lead_Stage_Criterion__mdt record from source, as the engine takes it. */
export function criterionOf(record: CustomMetadataRecord): Criterion {
    const value = (field: string): string | null => record.values[field] ?? null;
    return {
        DeveloperName: record.developerName,
        Stage__c: value('Stage__c'),
        Dimension__c: value('Dimension__c'),
        Field__c: value('Field__c'),
        Operator__c: value('Operator__c'),
        Value__c: value('Value__c'),
        Points__c: numberOf(record, 'Points__c'),
        Required__c: value('Required__c') === 'true',
        Active__c: value('Active__c') === 'true',
        Sort_Order__c: numberOf(record, 'Sort_Order__c'),
        Description__c: value('Description__c'),
        Rejection_Reason__c: value('Rejection_Reason__c')
    };
}

/**
 * The MQL thresholds of a Lead_Handoff_Setting__mdt record from source. Blank thresholds mean 0, as in the
 * Apex engine (contract point 10); the setting's validation requires them.
 */
export function thresholdsOf(setting: CustomMetadataRecord | undefined): Thresholds {
    return {
        fit: setting ? numberOf(setting, 'MQL_Fit_Threshold__c') : null,
        interest: setting ? numberOf(setting, 'MQL_Interest_Threshold__c') : null
    };
}

export async function readProjectCriteria(projectDir: string = PROJECT_ROOT): Promise<ProjectCriteria> {
    const records = await readCustomMetadataRecords(projectDir);
    const setting = records.find(
        (record) => record.type === 'Lead_Handoff_Setting__mdt' && record.developerName === 'Default'
    );
    return {
        rules: records.filter((record) => record.type === 'Lead_Stage_Criterion__mdt').map(criterionOf),
        thresholds: thresholdsOf(setting)
    };
}
