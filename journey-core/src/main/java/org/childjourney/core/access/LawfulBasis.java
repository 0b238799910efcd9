package org.childjourney.core.access;

/**
 * The legal ground a disclosure relies on. Every purpose names one; every disclosure record names the one relied
 * on. The citations are general legal context (domain brief, section 5), explained in plain words in
 * {@code docs/access-model.md}. Constants are stored in disclosure records: never renamed or removed.
 */
public enum LawfulBasis {
    /** Enquiries where there is reasonable cause to suspect significant harm. */
    SECTION_47_ENQUIRY("UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 Sch 1 para 18 "
            + "(safeguarding of children); Children Act 1989 s.47"),
    /** Assessment and services for a child in need. */
    SECTION_17_CHILD_IN_NEED("UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 Sch 1 para 18; "
            + "Children Act 1989 s.17"),
    /** Cooperation to improve well-being, including early help. */
    SECTION_10_COOPERATION("UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 Sch 1 para 18; "
            + "Children Act 2004 s.10"),
    /** Agencies' duty to safeguard and promote welfare, including triage in the hub. */
    SECTION_11_SAFEGUARDING_DUTY("UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 Sch 1 para 18; "
            + "Children Act 2004 s.11"),
    /** Health and care: an emergency department checking a child at triage. */
    HEALTH_AND_CARE("UK GDPR Art 6(1)(e) public task; Art 9(2)(h) health and social care; "
            + "Children Act 2004 s.11"),
    /** Urgent protection of a child where waiting for the usual relationship would put them at risk. */
    VITAL_INTERESTS_SAFEGUARDING("UK GDPR Art 6(1)(d) vital interests and 6(1)(e); Art 9(2)(g) with DPA 2018 "
            + "Sch 1 para 18, which applies without consent where seeking it would put the child at risk"),
    /** Learning from what happened: case and practice reviews. */
    CASE_REVIEW("UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 Sch 1 para 18; "
            + "Children Act 2004 s.16C (local child safeguarding practice reviews)");

    private final String citation;

    LawfulBasis(String citation) {
        this.citation = citation;
    }

    /** The provisions relied on, as a reviewer would cite them. */
    public String citation() {
        return citation;
    }
}
