package org.safeguarding.exchange.service.directory.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.safeguarding.exchange.service.directory.Agency;

/** The agency directory as configured: {@code exchange.directory.agencies[n].code/name/kind}. */
@ConfigurationProperties("exchange.directory")
public record DirectoryProperties(List<Agency> agencies) {

    public DirectoryProperties {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }
}
