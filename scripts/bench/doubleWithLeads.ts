/**
 * The org double of `npm run bench:simulate`, in a process of its own so each side's memory is measured
 * alone. It loads its leads straight into the store (Store.load, not through the API: a million leads
 * through the seed's API path would take hours), made from the seed's plan of 100,000 people with 90 days
 * of history (stages, scores, dates), each person used again with a new email per copy, owned in turn by
 * twelve users and three queues. Driven by bench-simulate.ts over IPC (fork): `load`, `stats`, `stop`.
 */
import { OrgDouble } from '../org-double/server.ts';
import { buildPlan, type SeedRecord } from '../seed/plan.ts';
import { readSeedConfig } from '../seed/policies.ts';
import { asText } from '../lib/text.ts';

/** People in the seed's plan; copies of them make up larger counts. */
const PLAN_SIZE = 100_000;
const LEAD_FIELDS = [
    'FirstName',
    'LastName',
    'Company',
    'Title',
    'Phone',
    'City',
    'Country',
    'NumberOfEmployees',
    'AnnualRevenue',
    'Industry',
    'Website',
    'Demo_Requested__c',
    'Engagement_Score__c',
    'Pricing_Page_Visits__c',
    'LeadSource',
    'Lifecycle_Stage__c',
    'Fit_Score__c',
    'Interest_Score__c',
    'MQL_Date__c',
    'SAL_Date__c',
    'SQL_Date__c',
    'Recycled_Date__c',
    'Recycle_Count__c',
    'Rejection_Reason__c',
    'Budget_Confirmed__c',
    'Authority_Confirmed__c',
    'Need_Confirmed__c',
    'Timeline__c'
];

export type BenchMessage = { type: 'load'; count: number } | { type: 'stats' } | { type: 'stop' };

export interface LoadedDouble {
    type: 'loaded';
    url: string;
    accessToken: string;
    seconds: number;
    /** Resident memory after the load and a garbage collection, in MB. */
    rssMb: number;
    heapMb: number;
}

export interface DoubleStats {
    type: 'stats';
    requests: number;
    /** Peak resident memory of the double's process so far, in MB. */
    maxRssMb: number;
}

function send(message: LoadedDouble | DoubleStats): void {
    process.send?.(message);
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

async function load(double: OrgDouble, count: number): Promise<void> {
    const started = performance.now();
    const now = new Date();
    const plan = buildPlan({ count: Math.min(count, PLAN_SIZE), history: true, now, ...(await readSeedConfig()) });
    const { store } = double.state;
    const owners = [
        ...Array.from({ length: 12 }, (_, index) =>
            String(
                store.addSystemRecord('User', {
                    FirstName: 'Rep',
                    LastName: `${index + 1}`,
                    Name: `SDR Rep ${index + 1}`,
                    Username: `rep${index + 1}@baton.double`,
                    IsActive: true
                }).Id
            )
        ),
        ...['SDR_Queue', 'Recycle_Queue', 'Enterprise_Queue'].map((name) => double.addQueue(name))
    ];
    for (let index = 0; index < count; index++) {
        const person = plan.leads[index % plan.leads.length] as SeedRecord;
        const copy = Math.floor(index / plan.leads.length);
        const values: Record<string, unknown> = {};
        for (const field of LEAD_FIELDS) {
            if (person[field] !== undefined) {
                values[field] = person[field];
            }
        }
        values.Name = `${asText(person.FirstName)} ${asText(person.LastName)}`;
        values.Email = copy === 0 ? person.Email : `${copy}.${asText(person.Email)}`;
        values.IsConverted = person.Lifecycle_Stage__c === 'Converted';
        values.OwnerId = owners[index % owners.length];
        store.load('Lead', values);
    }
    globalThis.gc?.();
    const memory = process.memoryUsage();
    send({
        type: 'loaded',
        url: double.url,
        accessToken: double.accessToken,
        seconds: (performance.now() - started) / 1000,
        rssMb: mb(memory.rss),
        heapMb: mb(memory.heapUsed)
    });
}

const double = await OrgDouble.start();
process.on('message', (message: BenchMessage) => {
    if (message.type === 'load') {
        void load(double, message.count);
    } else if (message.type === 'stats') {
        send({
            type: 'stats',
            requests: double.requestCount,
            maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024)
        });
    } else {
        void double.stop().then(() => process.exit(0));
    }
});
