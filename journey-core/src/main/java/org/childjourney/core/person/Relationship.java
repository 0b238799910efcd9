package org.childjourney.core.person;

/**
 * How an adult in a child's household stands to the children, as the contract spells it in kebab case
 * ({@code parents-partner}). A parent's new partner is recorded as such: serious case reviews keep finding the men
 * around a child unseen by the agencies that saw the child. Constants are stored: never renamed or removed.
 */
public enum Relationship {
    MOTHER,
    FATHER,
    PARENT,
    STEP_PARENT,
    PARENTS_PARTNER,
    CARER,
    GRANDPARENT,
    SIBLING,
    OTHER_RELATIVE,
    OTHER
}
