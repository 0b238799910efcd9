package org.childjourney.gateway.intake;

import java.util.ArrayList;
import java.util.List;
import org.childjourney.core.agency.Agency;
import org.childjourney.core.agency.AgencyKind;
import org.childjourney.core.person.IdentifierDigests;
import org.springframework.stereotype.Component;

/**
 * The contract's "who may send what", checked before anything is looked up: each type by the kinds of agency that
 * send it ({@code EntryType#maySendBy}), consent for all agencies by children's social care only, and a local id
 * only in a system registered to the agency or shared by its kind.
 */
@Component
class WhoMaySendWhat {

    private final IdentifierDigests identifiers;

    WhoMaySendWhat(IdentifierDigests identifiers) {
        this.identifiers = identifiers;
    }

    /**
     * @throws SubmissionNotPermitted if the agency may not send the submission's type or scope
     * @throws InvalidSubmission      if its local id is in another agency's system
     */
    void require(Agency agency, Submission submission) {
        boolean consentForAll = submission.consentScope() != null && submission.consentScope().agencyKind() == null;
        if (!submission.type().maySendBy(agency.kind())
                || (consentForAll && agency.kind() != AgencyKind.CHILDRENS_SOCIAL_CARE)) {
            throw new SubmissionNotPermitted();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int child = 0; child < submission.subjects().size(); child++) {
            if (!identifiers.mayUseLocalId(agency, submission.subjects().get(child))) {
                problems.add(new FieldProblem((submission.forHousehold() ? "subjects[" + child + "]" : "subject")
                        + ".localId.system", "is not a system registered to this agency, nor a national system its"
                        + " kind of agency shares"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(problems);
        }
    }
}
