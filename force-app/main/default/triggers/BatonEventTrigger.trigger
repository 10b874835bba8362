trigger BatonEventTrigger on Event(after insert) {
    new LeadTouchTriggerHandler().run();
}
