trigger BatonTaskTrigger on Task(after insert, after update) {
    new LeadTouchTriggerHandler().run();
}
