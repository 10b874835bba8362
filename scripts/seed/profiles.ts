/**
 * The seed's lead profiles, chosen against Baton's default criteria
 * (force-app/main/default/customMetadata/Lead_Stage_Criterion.*, Lead_Handoff_Setting.Default:
 * MQL needs Fit ≥ 50 and Interest ≥ 40, and a phone number).
 *
 * Fit points of the default rules: Country in the target markets 25, NumberOfEmployees ≥ 50 25,
 * Title containing Chief / Vice President / VP / Head of / Director 20 or Manager 10, Phone 10.
 * Interest points: Demo_Requested__c 40, Engagement_Score__c ≥ 50 30, Pricing_Page_Visits__c ≥ 2 20.
 *
 * - good fit: target country + 50+ employees + a senior title + phone = 70 or 80 (≥ 50)
 * - poor fit: outside the target markets, or a small company, and a junior title: at most 35
 * - sales-ready: a demo request (40, plus 30 with high engagement), or high engagement and two
 *   pricing-page visits (50)
 * - not sales-ready: at most 30 (high engagement alone) or 20 (pricing page alone)
 *
 * Each title below matches exactly one title rule (so its points are the number listed).
 */
export type Quadrant = 'good-fit-ready' | 'good-fit-not-ready' | 'poor-fit-ready' | 'poor-fit-not-ready';

export const QUADRANT_SHARES: readonly [Quadrant, number][] = [
    ['good-fit-ready', 0.3],
    ['good-fit-not-ready', 0.3],
    ['poor-fit-ready', 0.15],
    ['poor-fit-not-ready', 0.25]
];

export const SENIOR_TITLES: readonly [string, number][] = [
    ['VP of Marketing', 20],
    ['Director of Demand Generation', 20],
    ['Head of Revenue Operations', 20],
    ['Chief Revenue Officer', 20],
    ['Vice President, Sales', 20],
    ['Marketing Operations Manager', 10],
    ['Sales Development Manager', 10]
];

export const JUNIOR_TITLES: readonly string[] = [
    'Marketing Coordinator',
    'Business Analyst',
    'Sales Associate',
    'Freelance Consultant',
    'Graduate Student',
    'Intern'
];

export const TARGET_MARKETS: readonly { country: string; cities: readonly string[] }[] = [
    { country: 'United States', cities: ['Austin', 'Chicago', 'Denver', 'Boston', 'Seattle', 'Atlanta'] },
    { country: 'Canada', cities: ['Toronto', 'Vancouver', 'Montreal'] },
    { country: 'United Kingdom', cities: ['London', 'Manchester', 'Edinburgh'] },
    { country: 'Ireland', cities: ['Dublin', 'Cork'] },
    { country: 'Australia', cities: ['Sydney', 'Melbourne'] },
    { country: 'New Zealand', cities: ['Auckland', 'Wellington'] }
];

export const OTHER_MARKETS: readonly { country: string; cities: readonly string[] }[] = [
    { country: 'Brazil', cities: ['São Paulo', 'Curitiba'] },
    { country: 'India', cities: ['Bengaluru', 'Pune'] },
    { country: 'Germany', cities: ['Berlin', 'Munich'] },
    { country: 'France', cities: ['Lyon', 'Paris'] },
    { country: 'Japan', cities: ['Osaka', 'Tokyo'] },
    { country: 'Mexico', cities: ['Monterrey', 'Guadalajara'] }
];

export const INDUSTRIES: readonly string[] = [
    'Technology',
    'Finance',
    'Healthcare',
    'Manufacturing',
    'Retail',
    'Media',
    'Consulting',
    'Education'
];

export const FIRST_NAMES: readonly string[] = [
    'Avery',
    'Jordan',
    'Priya',
    'Mateo',
    'Chloe',
    'Noah',
    'Amara',
    'Liam',
    'Sofia',
    'Ethan',
    'Hana',
    'Lucas',
    'Grace',
    'Omar',
    'Isla',
    'Daniel',
    'Mei',
    'Samuel',
    'Zoe',
    'Ravi',
    'Felix',
    'Nadia',
    'Tomas',
    'Yara',
    'Kofi'
];

export const LAST_NAMES: readonly string[] = [
    'Nguyen',
    'Okafor',
    'Patel',
    'García',
    "O'Brien",
    'Schmidt',
    'Kowalski',
    'Tanaka',
    'Murphy',
    'Silva',
    'Hughes',
    'Rossi',
    'Andersen',
    'Haddad',
    'Campbell',
    'Dubois',
    'Fraser',
    'Kim',
    'Moreau',
    'Walsh',
    'Lindqvist',
    'Mendes',
    'Novak',
    'Petrov',
    'Quinn'
];

export const COMPANY_PREFIXES: readonly string[] = [
    'Northwind',
    'Bluepeak',
    'Harbor',
    'Ironleaf',
    'Lumen',
    'Copperline',
    'Meridian',
    'Tidewater',
    'Granite',
    'Sparrow',
    'Evergreen',
    'Brightpath',
    'Silverline',
    'Redwood',
    'Clearwater',
    'Summit'
];

export const COMPANY_SUFFIXES: readonly string[] = [
    'Analytics',
    'Logistics',
    'Health',
    'Software',
    'Foods',
    'Capital',
    'Robotics',
    'Media',
    'Energy',
    'Labs'
];

/** Campaigns and the lead source of the leads they bring in. */
export const CAMPAIGNS: readonly { slug: string; name: string; type: string; source: string; daysAgo: number }[] = [
    { slug: 'pipeline-summit', name: 'Pipeline Summit 2026', type: 'Conference', source: 'Trade Show', daysAgo: 85 },
    {
        slug: 'handoff-webinar',
        name: 'Webinar: Fixing the Lead Handoff',
        type: 'Webinar',
        source: 'Webinar',
        daysAgo: 70
    },
    { slug: 'revops-report', name: 'RevOps Benchmark Report', type: 'Other', source: 'Content Download', daysAgo: 60 },
    {
        slug: 'pricing-retargeting',
        name: 'Pricing Page Retargeting',
        type: 'Advertisement',
        source: 'Paid Search',
        daysAgo: 45
    },
    {
        slug: 'partner-referrals',
        name: 'Partner Referral Program',
        type: 'Referral Program',
        source: 'Partner Referral',
        daysAgo: 90
    },
    { slug: 'website-demo', name: 'Website Demo Requests', type: 'Other', source: 'Web', daysAgo: 90 }
];

export const RECYCLE_REASONS: readonly string[] = [
    'Not Sales Ready',
    'Existing Customer Or Open Opportunity',
    'Duplicate',
    'Other'
];
export const DISQUALIFY_REASONS: readonly string[] = [
    'Invalid Contact Data',
    'Not In Target Market',
    'Competitor Or Student'
];
export const TIMELINES: readonly string[] = ['Within 3 Months', '3 To 6 Months', '6 To 12 Months'];
