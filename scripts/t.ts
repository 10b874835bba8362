import { OrgDouble } from './org-double/server.ts';
import { verifyConversion } from './verify-conversion.ts';
import { consoleOutput } from './lib/output.ts';
const d = await OrgDouble.start({ assignedPermissionSets: ['Baton_Admin'] });
const auth = { instanceUrl: d.url, accessToken: d.accessToken, label: 'org double', reauthenticate: 'restart' };
if (process.argv[2]) d.setConversionMapping('Fit_Score__c', 'Opportunity', null);
const r = await verifyConversion(auth, { keep: false, allowProduction: false }, consoleOutput(false));
console.log(r.ok, ['Lead','Account','Contact','Opportunity','Campaign','CampaignMember'].map(o => d.state.store.all(o).length));
await d.stop();
