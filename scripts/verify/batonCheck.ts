/**
 * Proof that Baton's Lead trigger ran on the test conversion. The converted opportunity's stage is
 * no proof when the stage Baton sets (Lead_Handoff_Setting.Default.Converted_Opportunity_Stage__c)
 * is also the org's default stage, which conversion uses anyway. What only Baton does: its trigger
 * sets the converted lead's Lifecycle_Stage__c to Converted (LeadLifecycleService.applyBeforeSave);
 * the platform never touches that field. When it did not happen, the check says why it can tell:
 * automation switched off in the setting, or the user holds the bypass permission.
 */
import type { OrgConnection } from '../lib/connection.ts';
import { explainError } from '../lib/errors.ts';
import { BYPASS_PERMISSION, holdsBypassPermission } from '../lib/orgChecks.ts';
import type { VerifyRow } from './run.ts';

export const CONVERTED_STAGE = 'Converted';

/** Why the trigger did not run, as far as the org shows it. */
async function whyNotRun(org: OrgConnection, automationEnabled: unknown, userId: string | undefined): Promise<string> {
    if (automationEnabled === false) {
        return "Baton's automation is off: Lead_Handoff_Setting.Default has Automation_Enabled__c unchecked.";
    }
    try {
        if (userId && (await holdsBypassPermission(org, userId))) {
            return `your user holds ${BYPASS_PERMISSION} (assigned for seed --history?), so Baton's trigger skips your changes; remove that permission set assignment and run again.`;
        }
    } catch (error) {
        return `Baton's trigger did not run, and checking the bypass permission failed: ${explainError(error, org.label, '').message}`;
    }
    return "Baton's Lead trigger did not run: check that LeadTrigger is deployed and active (Setup → Apex Triggers).";
}

export async function batonTriggerRow(
    org: OrgConnection,
    stage: unknown,
    automationEnabled: unknown,
    userId: string | undefined
): Promise<VerifyRow> {
    const ok = stage === CONVERTED_STAGE;
    const row: VerifyRow = {
        field: 'Baton trigger on conversion',
        source: 'converted lead',
        target: 'Lead.Lifecycle_Stage__c',
        expected: CONVERTED_STAGE,
        actual: stage ?? null,
        ok
    };
    if (!ok) {
        row.note = await whyNotRun(org, automationEnabled, userId);
    }
    return row;
}

/** The note for the stage row when the configured stage is also what conversion sets without Baton. */
export function defaultStageNote(configured: unknown, orgDefault: string | undefined): string | undefined {
    return typeof configured === 'string' && configured === orgDefault
        ? `also the org's default stage, so this row alone cannot show Baton ran (the Lifecycle_Stage__c row does)`
        : undefined;
}
