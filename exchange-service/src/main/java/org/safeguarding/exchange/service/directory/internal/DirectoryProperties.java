package org.safeguarding.exchange.service.directory.internal;

import java.util.List;
import org.safeguarding.exchange.service.directory.Agency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agency directory as configured.
 *
 * @param agencies the partner agencies ({@code agencies[n].code/name/kind}): what counts as a known agency code, and
 *                 which inbox and receipts topics exist
 */
@ConfigurationProperties("exchange.directory")
public record DirectoryProperties(List<Agency> agencies) {

    public DirectoryProperties {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }
}
