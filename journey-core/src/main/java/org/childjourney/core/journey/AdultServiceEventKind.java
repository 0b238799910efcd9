package org.childjourney.core.journey;

/**
 * What an adult service tells children's services about a parent or carer: the kind of event only, never its clinical
 * detail. Each can change what the children around that adult need (domain: parental mental ill health and substance
 * misuse, seen by adult services and unseen by those working with the children). Constants are stored: never renamed
 * or removed.
 */
public enum AdultServiceEventKind {
    MENTAL_HEALTH_CRISIS,
    MENTAL_HEALTH_ADMISSION,
    DETAINED_UNDER_MENTAL_HEALTH_ACT,
    DISCHARGED_FROM_HOSPITAL,
    SUBSTANCE_MISUSE_TREATMENT_STARTED,
    SUBSTANCE_MISUSE_RELAPSE,
    DISENGAGED_FROM_SERVICE
}
