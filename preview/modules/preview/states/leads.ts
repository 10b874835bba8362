/**
 * Queue pages for the preview and the UI benchmark: the Jest fixture's leads first, then generated MQLs in
 * the order the controller ranks them (running clocks by due time), on the fixture's server time.
 */
import mqlPage from '../../../../force-app/main/default/lwc/leadQueue/__tests__/data/mqlPage.json';

type LeadQueueItem = LeadQueueController.LeadQueueItem;
type LeadQueuePage = LeadQueueController.LeadQueuePage;

export const SERVER_TIME = mqlPage.serverTime;
const HOUR = 3_600_000;
const FIRST_NAMES = ['Barbara', 'Dennis', 'Frances', 'John', 'Hedy', 'Claude', 'Radia', 'Tim', 'Karen', 'Linus'];
const LAST_NAMES = ['Liskov', 'Ritchie', 'Allen', 'Backus', 'Lamarr', 'Shannon', 'Perlman', 'Berners-Lee', 'Jones'];
const COMPANIES = [
    'Northwind Traders',
    'Contoso Pharmaceuticals',
    'Fabrikam Robotics',
    'Tailspin Aviation',
    'Wide World Importers'
];
const TITLES = ['VP Sales', 'Director of Operations', 'Head of Growth', 'CTO', 'Procurement Manager'];
const SOURCES = ['Web', 'Trade Show', 'Partner Referral', 'Webinar', 'Advertisement'];
const OWNERS = ['SDR Queue', 'Sam Rivera', 'Priya Natarajan'];

const [ada] = mqlPage.items as LeadQueueItem[];

function generatedLead(index: number): LeadQueueItem {
    const serverTime = Date.parse(SERVER_TIME);
    const due = serverTime - 3 * HOUR + index * 0.75 * HOUR;
    const failing = index % 9 === 4;
    return {
        ...ada,
        leadId: `00Q9${String(index).padStart(11, '0')}AAA`,
        name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[index % LAST_NAMES.length]}`,
        company: COMPANIES[index % COMPANIES.length],
        title: TITLES[index % TITLES.length],
        leadSource: SOURCES[index % SOURCES.length],
        fitScore: 50 + ((index * 7) % 50),
        interestScore: 40 + ((index * 11) % 60),
        ownerName: OWNERS[index % OWNERS.length],
        stageEnteredAt: new Date(due - 24 * HOUR).toISOString(),
        slaStartedAt: new Date(due - 24 * HOUR).toISOString(),
        slaWarningAt: new Date(due - 6 * HOUR).toISOString(),
        slaDueAt: new Date(due).toISOString(),
        failingAcceptanceRules: failing ? (mqlPage.items[1].failingAcceptanceRules as LeadQueueItem['rules']) : [],
        suggestedRejectionReason: failing ? 'Invalid Contact Data' : null
    };
}

/** The first page of a queue of `total` waiting MQLs: the fixture's four leads and generated ones, by due time. */
export function firstPage(total: number, pageSize: number): LeadQueuePage {
    const fixture = mqlPage.items as LeadQueueItem[];
    const count = Math.min(pageSize, total);
    const generated = Array.from({ length: Math.max(0, count - fixture.length) }, (_, i) => generatedLead(i));
    const due = (item: LeadQueueItem): number => (item.slaDueAt ? Date.parse(item.slaDueAt) : Infinity);
    const shown = [...fixture, ...generated].sort((a, b) => due(a) - due(b)).slice(0, count);
    return {
        items: shown,
        totalCount: total,
        pageSize,
        hasMore: total > pageSize,
        serverTime: SERVER_TIME,
        nextCursor: total > pageSize ? 'preview-cursor-after-page-1' : null
    };
}
