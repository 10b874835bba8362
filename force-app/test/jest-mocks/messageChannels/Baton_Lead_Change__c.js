// Jest stand-in for `@salesforce/messageChannel/Baton_Lead_Change__c` (the platform resolves it to a channel token).
export default { channelName: 'Baton_Lead_Change__c' };
