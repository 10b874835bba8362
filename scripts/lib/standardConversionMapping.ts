/**
 * The platform's built-in lead conversion mapping for the standard fields Baton's scripts use
 * (LeadConvertSettings only lists custom fields). The org double applies it; the conversion
 * check verifies it in the org.
 */
export type ConversionTarget = 'Account' | 'Contact' | 'Opportunity';

export interface StandardMapping {
    leadField: string;
    object: ConversionTarget;
    field: string;
}

export const STANDARD_CONVERSION_MAPPING: readonly StandardMapping[] = [
    { leadField: 'Company', object: 'Account', field: 'Name' },
    { leadField: 'Industry', object: 'Account', field: 'Industry' },
    { leadField: 'NumberOfEmployees', object: 'Account', field: 'NumberOfEmployees' },
    { leadField: 'AnnualRevenue', object: 'Account', field: 'AnnualRevenue' },
    { leadField: 'Website', object: 'Account', field: 'Website' },
    { leadField: 'Phone', object: 'Account', field: 'Phone' },
    { leadField: 'City', object: 'Account', field: 'BillingCity' },
    { leadField: 'State', object: 'Account', field: 'BillingState' },
    { leadField: 'PostalCode', object: 'Account', field: 'BillingPostalCode' },
    { leadField: 'Country', object: 'Account', field: 'BillingCountry' },
    { leadField: 'FirstName', object: 'Contact', field: 'FirstName' },
    { leadField: 'LastName', object: 'Contact', field: 'LastName' },
    { leadField: 'Title', object: 'Contact', field: 'Title' },
    { leadField: 'Email', object: 'Contact', field: 'Email' },
    { leadField: 'Phone', object: 'Contact', field: 'Phone' },
    { leadField: 'MobilePhone', object: 'Contact', field: 'MobilePhone' },
    { leadField: 'City', object: 'Contact', field: 'MailingCity' },
    { leadField: 'State', object: 'Contact', field: 'MailingState' },
    { leadField: 'PostalCode', object: 'Contact', field: 'MailingPostalCode' },
    { leadField: 'Country', object: 'Contact', field: 'MailingCountry' },
    { leadField: 'Description', object: 'Contact', field: 'Description' },
    { leadField: 'LeadSource', object: 'Contact', field: 'LeadSource' },
    { leadField: 'LeadSource', object: 'Opportunity', field: 'LeadSource' },
    { leadField: 'Company', object: 'Opportunity', field: 'Name' }
];
