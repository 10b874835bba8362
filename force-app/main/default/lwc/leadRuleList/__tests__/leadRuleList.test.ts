import { createElement } from 'lwc';
import LeadRuleList from 'c/leadRuleList';
import rulesJson from './data/rules.json';

const rules = rulesJson as LeadQueueController.LeadRuleResult[];

interface RuleListElement extends HTMLElement {
    rules: LeadQueueController.LeadRuleResult[] | null;
    emptyMessage: string;
}

function render(props: Partial<RuleListElement>): RuleListElement {
    const element = createElement('c-lead-rule-list', { is: LeadRuleList }) as unknown as RuleListElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function texts(element: Element, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) =>
        (node.textContent ?? '').replace(/\s+/g, ' ').trim()
    );
}

describe('c-lead-rule-list', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('says each outcome in words, with points, the required flag and why a rule failed', async () => {
        const element = render({ rules });
        expect(texts(element, '.rule-outcome')).toEqual(['Failed:', 'Passed:']);
        // A rule without a description falls back to its name.
        expect(texts(element, '.rule-description')).toEqual(['Budget confirmed', 'MQL_Fit_Title_VP']);
        expect(texts(element, '.rule-facts')).toEqual(['(Readiness · required)', '(Fit · 20 pts)']);
        // Only failed and skipped rules explain themselves.
        expect(texts(element, '.rule-detail')).toEqual(['Budget_Confirmed__c is false']);
        await expect(element).toBeAccessible();
    });

    it('says when there is nothing to list', async () => {
        const element = render({ rules: null, emptyMessage: 'MQL: Fit 80/50, Interest 90/40' });
        expect(texts(element, '.empty-rules')).toEqual(['MQL: Fit 80/50, Interest 90/40']);
        expect(texts(element, '.rule')).toEqual([]);
        await expect(element).toBeAccessible();
    });
});
