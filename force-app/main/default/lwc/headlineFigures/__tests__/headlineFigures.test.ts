import HeadlineFigures from '../headlineFigures';
import type { HeadlineFigure } from '../headlineFigures';
import { mount } from '../../../../../test/jest-helpers/component';
import { $$, cleanUp, flush, rows, texts } from '../../../../../test/jest-helpers/dom';

const FIGURES: HeadlineFigure[] = [
    {
        key: 'mql',
        label: 'Became MQL',
        value: '14',
        detail: '14 leads',
        change: { text: '▲ up 3 (+27.3%) from the period before', direction: 'up' }
    },
    {
        key: 'accepted',
        label: 'Accepted (MQL → SAL)',
        value: '57.1%',
        detail: '8 of 14',
        change: { text: '▼ down 6.5 pts from the period before', direction: 'down' }
    },
    {
        key: 'sla',
        label: 'MQL SLA met',
        value: '61.5%',
        detail: 'Goal 90%',
        change: { text: 'No change from the period before', direction: 'none' }
    },
    { key: 'pipeline', label: 'Pipeline', value: '$265,500', detail: '21 open deals' }
];

function render(figures: HeadlineFigure[]): HTMLElement {
    return mount('c-headline-figures', HeadlineFigures, { figures });
}

describe('c-headline-figures', () => {
    afterEach(cleanUp);

    it('shows each figure as a tile in a list: label, value, what it counts and its change', async () => {
        const element = render(FIGURES);
        await flush();
        expect(rows(element, 'li.headline')).toEqual([
            'Became MQL 14 14 leads ▲ up 3 (+27.3%) from the period before',
            'Accepted (MQL → SAL) 57.1% 8 of 14 ▼ down 6.5 pts from the period before',
            'MQL SLA met 61.5% Goal 90% No change from the period before',
            'Pipeline $265,500 21 open deals'
        ]);
        expect(texts(element, 'ul.headline-list > li .headline-value')).toEqual(['14', '57.1%', '61.5%', '$265,500']);
        await expect(element).toBeAccessible();
    });

    it('colours a change by its direction, and leaves the line out without a change', async () => {
        const element = render(FIGURES);
        await flush();
        expect($$(element, '.change').map((node) => node.className)).toEqual([
            'change change_up',
            'change change_down',
            'change change_none'
        ]);
        expect($$(element, '.headline')[3].querySelector('.change')).toBeNull();
    });

    it('shows an empty list when there is no figure', async () => {
        const element = render([]);
        await flush();
        expect($$(element, '.headline')).toHaveLength(0);
        await expect(element).toBeAccessible();
    });
});
