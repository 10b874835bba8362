/**
 * The SLA policies, criteria version and round-robin queue the seed's history follows: the project's default
 * custom metadata (the SDR queue of the Default setting, else SEED_QUEUE).
 */
import { PROJECT_ROOT } from '../lib/project.ts';
import { readCustomMetadataRecords } from '../lib/projectMetadata.ts';
import type { PlanOptions, SlaPolicy } from './plan.ts';

/** The queue seeded routing members belong to when the Default setting names no SDR queue. */
export const SEED_QUEUE = 'Baton_SDR';

export async function readSeedConfig(
    projectDir: string = PROJECT_ROOT
): Promise<Pick<PlanOptions, 'policies' | 'criteriaVersion' | 'routingQueue'>> {
    const records = await readCustomMetadataRecords(projectDir);
    const policy = (stage: 'MQL' | 'SAL' | 'SQL'): SlaPolicy => {
        const record = records.find(
            (item) => item.type === 'Lead_SLA_Policy__mdt' && item.developerName === `${stage}_Standard`
        );
        if (!record) {
            throw new Error(`Lead_SLA_Policy.${stage}_Standard is missing from the project's custom metadata`);
        }
        return {
            name: record.developerName,
            targetHours: Number(record.values.Target_Hours__c),
            warningPercent: Number(record.values.Warning_Percent__c ?? 75)
        };
    };
    const setting = records.find(
        (item) => item.type === 'Lead_Handoff_Setting__mdt' && item.developerName === 'Default'
    );
    return {
        policies: { MQL: policy('MQL'), SAL: policy('SAL'), SQL: policy('SQL') },
        criteriaVersion: setting?.values.Criteria_Version__c ?? 'seed',
        routingQueue: setting?.values.SDR_Queue__c || SEED_QUEUE
    };
}
