import { createElement } from 'lwc';
import SlaClockBadge from 'c/slaClockBadge';

interface BadgeElement extends HTMLElement {
    dueAt: string | null;
    warningAt: string | null;
    completedAt: string | null;
    now: number;
}

const AT = (iso: string) => Date.parse(iso);
const CLOCK = { warningAt: '2026-11-23T15:00:00.000Z', dueAt: '2026-11-23T17:00:00.000Z' };

function render(props: Partial<BadgeElement>): BadgeElement {
    const element = createElement('c-sla-clock-badge', { is: SlaClockBadge }) as unknown as BadgeElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function read(element: BadgeElement) {
    const badge = element.shadowRoot!.querySelector('.sla-badge')!;
    return {
        state: badge.getAttribute('data-state'),
        label: badge.querySelector('.sla-label')?.textContent ?? badge.textContent,
        assistive: badge.querySelector('.sla-assistive')?.textContent ?? null,
        className: badge.className
    };
}

describe('c-sla-clock-badge', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it.each([
        [
            '2026-11-23T12:00:00.000Z',
            'on-track',
            'On track · 5 h left',
            'SLA on track, 5 hours left',
            'slds-theme_success'
        ],
        [
            '2026-11-23T16:30:00.000Z',
            'at-risk',
            'At risk · 30 m left',
            'SLA at risk, 30 minutes left',
            'slds-theme_warning'
        ],
        [
            '2026-11-23T19:10:00.000Z',
            'breached',
            'Breached · 2 h 10 m ago',
            'SLA breached 2 hours 10 minutes ago',
            'slds-theme_error'
        ]
    ])('at %s reads %s in words, with colour only as a second cue', async (now, state, label, assistive, theme) => {
        const element = render({ ...CLOCK, now: AT(now) });
        expect(read(element)).toEqual({ state, label, assistive, className: `slds-badge sla-badge ${theme}` });
        await expect(element).toBeAccessible();
    });

    it('updates when the parent moves the time on', async () => {
        const element = render({ ...CLOCK, now: AT('2026-11-23T14:59:00.000Z') });
        expect(read(element).state).toBe('on-track');
        element.now = AT('2026-11-23T15:00:00.000Z');
        await Promise.resolve();
        expect(read(element)).toEqual(expect.objectContaining({ state: 'at-risk', label: 'At risk · 2 h left' }));
    });

    it('says when a lead has no clock, or its clock cannot be read', async () => {
        const none = render({ dueAt: null, now: AT('2026-11-23T12:00:00.000Z') });
        expect(read(none)).toEqual(expect.objectContaining({ state: 'none', label: 'No SLA clock' }));
        const malformed = render({ dueAt: '2026-11-23 17:00', now: AT('2026-11-23T12:00:00.000Z') });
        expect(read(malformed)).toEqual(expect.objectContaining({ state: 'none', label: 'No SLA clock' }));
        await expect(none).toBeAccessible();
    });
});
