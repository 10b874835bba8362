import { LightningElement, api } from 'lwc';

type LeadRuleResult = LeadQueueController.LeadRuleResult;

interface OutcomeLook {
    icon: string;
    /** Read aloud and shown; the icon colour only repeats it. */
    text: string;
    variant: 'success' | 'error' | 'warning';
}

const OUTCOMES: Record<LeadRuleResult['outcome'], OutcomeLook> = {
    Passed: { icon: 'utility:success', text: 'Passed', variant: 'success' },
    Failed: { icon: 'utility:error', text: 'Failed', variant: 'error' },
    Skipped: { icon: 'utility:warning', text: 'Skipped', variant: 'warning' }
};

export interface RuleRow {
    key: string;
    description: string;
    outcomeText: string;
    icon: string;
    iconVariant: string;
    detail: string | null;
    facts: string;
}

/**
 * Lists criteria rule results (why a lead is an MQL, which acceptance or readiness rules fail): each
 * rule's sentence, its outcome in words, points, whether it is required and why it failed or was skipped.
 */
export default class LeadRuleList extends LightningElement {
    @api rules: LeadRuleResult[] | null | undefined;
    /** Said when there are no rules to list. */
    @api emptyMessage = 'No rules were evaluated.';

    get hasRules(): boolean {
        return (this.rules ?? []).length > 0;
    }

    get rows(): RuleRow[] {
        return (this.rules ?? []).map((rule, index) => {
            const look = OUTCOMES[rule.outcome] ?? OUTCOMES.Skipped;
            const facts = [
                rule.dimension,
                rule.points != null && rule.points !== 0 ? `${rule.points} pts` : null,
                rule.required ? 'required' : null
            ].filter((fact): fact is string => Boolean(fact));
            return {
                key: `${index}-${rule.ruleName}`,
                description: rule.description || rule.ruleName,
                outcomeText: look.text,
                icon: look.icon,
                iconVariant: look.variant,
                detail: rule.outcome === 'Passed' ? null : (rule.detail ?? null),
                facts: facts.join(' · ')
            };
        });
    }
}
