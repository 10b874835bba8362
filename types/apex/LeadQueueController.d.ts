/**
 * LeadQueueController (Apex), exactly as the queue controller contract defines it. Apex omits or
 * nulls unset fields, so everything but the identifiers is optional; Datetimes arrive as ISO-8601
 * strings with a zone, Decimals and Integers as numbers.
 */
declare namespace LeadQueueController {
    type Scope = 'Mine' | 'MyQueues' | 'All';
    type Stage = 'MQL' | 'SAL';
    type RuleOutcome = 'Passed' | 'Failed' | 'Skipped';
    type Disposition = 'Recycle' | 'Disqualify';
    /** Queue item fields the controller can sort the whole queue by (slaDueAt: running clocks first). */
    type SortField =
        'slaDueAt' | 'fitScore' | 'interestScore' | 'leadSource' | 'company' | 'ownerName' | 'stageEnteredAt';
    type SortDirection = 'asc' | 'desc';

    interface LeadRuleResult {
        ruleName: string;
        description?: string | null;
        stage?: string | null;
        dimension?: string | null;
        outcome: RuleOutcome;
        points?: number | null;
        required?: boolean | null;
        /** Why it failed or was skipped. */
        detail?: string | null;
        rejectionReason?: string | null;
    }

    interface LeadQueueItem {
        leadId: string;
        name: string;
        company?: string | null;
        title?: string | null;
        leadSource?: string | null;
        fitScore?: number | null;
        interestScore?: number | null;
        lifecycleStage?: string | null;
        stageEnteredAt?: string | null;
        ownerId?: string | null;
        ownerName?: string | null;
        slaId?: string | null;
        slaStatus?: string | null;
        slaStartedAt?: string | null;
        slaWarningAt?: string | null;
        slaDueAt?: string | null;
        qualificationSummary?: string | null;
        /** MQL rules: why this lead is an MQL. */
        rules?: LeadRuleResult[] | null;
        /** SAL acceptance rules that fail now. */
        failingAcceptanceRules?: LeadRuleResult[] | null;
        /** From the first failing acceptance rule. */
        suggestedRejectionReason?: string | null;
    }

    interface LeadQueuePage {
        items: LeadQueueItem[];
        totalCount: number;
        pageSize: number;
        hasMore: boolean;
        serverTime?: string | null;
        /** Opaque: pass it back as `cursor` for the next page. Null (or absent) on the last page. */
        nextCursor?: string | null;
    }

    interface LeadActionResult {
        leadId: string;
        success: boolean;
        message?: string | null;
        lifecycleStage?: string | null;
        /** Accept refused because acceptance rules fail and no override was given. */
        needsConfirmation?: boolean | null;
        /** Qualify: failing readiness rules; accept: failing acceptance rules. */
        missingRules?: LeadRuleResult[] | null;
    }

    interface PicklistOption {
        label: string;
        value: string;
    }

    interface GetQueuePageParams {
        scope: Scope;
        stage: Stage;
        /** 1..200 */
        pageSize: number;
        /** Null for the first page, else the nextCursor of the page before (issued for the same sort). */
        cursor: string | null;
        /** Null or absent: slaDueAt. Blank values come last in either direction. */
        sortBy?: SortField | null;
        /** Null or absent: asc. */
        sortDirection?: SortDirection | null;
    }
}

declare module '@salesforce/apex/LeadQueueController.getQueuePage' {
    const getQueuePage: LightningApex.Method<LeadQueueController.GetQueuePageParams, LeadQueueController.LeadQueuePage>;
    export default getQueuePage;
}

declare module '@salesforce/apex/LeadQueueController.getRejectionReasons' {
    const getRejectionReasons: LightningApex.Method<Record<string, never>, LeadQueueController.PicklistOption[]>;
    export default getRejectionReasons;
}

declare module '@salesforce/apex/LeadQueueController.acceptLeads' {
    const acceptLeads: LightningApex.Method<
        { leadIds: string[]; overrideAcceptanceRules: boolean },
        LeadQueueController.LeadActionResult[]
    >;
    export default acceptLeads;
}

declare module '@salesforce/apex/LeadQueueController.rejectLeads' {
    const rejectLeads: LightningApex.Method<
        { leadIds: string[]; reason: string; notes: string | null; disposition: LeadQueueController.Disposition },
        LeadQueueController.LeadActionResult[]
    >;
    export default rejectLeads;
}

declare module '@salesforce/apex/LeadQueueController.qualifyLeads' {
    const qualifyLeads: LightningApex.Method<{ leadIds: string[] }, LeadQueueController.LeadActionResult[]>;
    export default qualifyLeads;
}
