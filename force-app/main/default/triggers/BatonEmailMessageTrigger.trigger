trigger BatonEmailMessageTrigger on EmailMessage(after insert) {
    new LeadTouchTriggerHandler().run();
}
