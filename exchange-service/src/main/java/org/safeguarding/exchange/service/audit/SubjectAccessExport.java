package org.safeguarding.exchange.service.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.SubjectEntry;

/**
 * What a data subject may be given: everything the register holds about a case or a person except the entries marked
 * {@code withheldFromSubject}, which are counted by their grounds instead (Derby section 2).
 */
public record SubjectAccessExport(String caseReference, String personReference, int disclosedCount, List<EntryView> disclosed,
        Withheld withheld) {

    static final String BASIS = "Derby section 2: information that must not be disclosed to the data subject";

    public record Withheld(int count, Map<String, Integer> grounds, String basis) {
    }

    public static SubjectAccessExport of(String caseReference, String personReference, List<SubjectEntry> found) {
        List<EntryView> disclosed = new ArrayList<>();
        Map<String, Integer> grounds = new TreeMap<>();
        for (SubjectEntry s : found) {
            if (s.withheldFromSubject() == null) {
                disclosed.add(s.entry());
            } else {
                grounds.merge(s.withheldFromSubject(), 1, Integer::sum);
            }
        }
        return new SubjectAccessExport(caseReference, personReference, disclosed.size(), disclosed,
                new Withheld(found.size() - disclosed.size(), grounds, BASIS));
    }
}
