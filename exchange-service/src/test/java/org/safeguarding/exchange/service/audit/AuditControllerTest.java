package org.safeguarding.exchange.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.safeguarding.exchange.service.audit.internal.AccessLog;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.security.Callers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor API's HTTP mapping alone, over a stand-in for the register reads: what reaches the face, and the statuses. */
@WebMvcTest(controllers = AuditController.class)
@Import(AuditControllerTest.Properties.class)
@WithMockUser(roles = "AUDITOR")
class AuditControllerTest {

    @EnableConfigurationProperties(AuditProperties.class)
    static class Properties {
    }

    @Autowired
    private MockMvc http;
    @MockitoBean
    private RegisterReads reads;
    @MockitoBean
    private AccessLog accessLog;
    @MockitoBean
    private Callers callers;

    @Test
    void blankFiltersReachTheRegisterAsUnsetAndTheLimitAsGiven() throws Exception {
        when(reads.search(eq("search"), any())).thenReturn(new EntryPage(List.of(), null));

        http.perform(get("/api/audit/entries").param("caseReference", " ").param("agency", "LA-HULL").param("limit", "10"))
                .andExpect(status().isOk());

        ArgumentCaptor<EntryQuery> query = ArgumentCaptor.forClass(EntryQuery.class);
        verify(reads).search(eq("search"), query.capture());
        assertThat(query.getValue().caseReference()).isNull();
        assertThat(query.getValue().agency()).isEqualTo("LA-HULL");
        assertThat(query.getValue().limit()).isEqualTo(10);
        assertThat(query.getValue().visibleTo()).as("the face applies the caller's scope, not the controller").isNull();
    }

    @Test
    void aSubjectAccessExportNamesACaseOrAPerson() throws Exception {
        http.perform(get("/api/audit/subject-access").param("caseReference", "")).andExpect(status().isBadRequest());
        verify(reads, never()).subjectAccess(any(), any());
    }

    @Test
    void anEntryTheRegisterDoesNotHoldIsNotFoundAndARefusedOneIsForbidden() throws Exception {
        when(reads.entry(42)).thenReturn(Optional.empty());
        when(reads.entry(43)).thenThrow(new ReadRefused("Your agency neither sent nor received this entry"));

        http.perform(get("/api/audit/entries/42")).andExpect(status().isNotFound());
        http.perform(get("/api/audit/entries/43")).andExpect(status().isForbidden());
    }

    @Test
    void theComplianceReportTakesTheConfiguredDaysUnlessGivenAndNeverFewerThanNone() throws Exception {
        when(reads.compliance(anyInt())).thenReturn(new ComplianceReport(null, 0, List.of()));

        http.perform(get("/api/audit/compliance")).andExpect(status().isOk());
        http.perform(get("/api/audit/compliance").param("undecidedAfterDays", "-5")).andExpect(status().isOk());

        verify(reads).compliance(10);
        verify(reads).compliance(0);
    }
}
