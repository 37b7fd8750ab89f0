package org.safeguarding.exchange.service.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safeguarding.exchange.service.directory.internal.DirectoryProperties;
import org.safeguarding.exchange.service.policy.KnownAgencies;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Who exists on the exchange: decides what counts as a known agency code, and so which topics exist. */
@Component
@EnableConfigurationProperties(DirectoryProperties.class)
public class AgencyDirectory implements KnownAgencies {

    /** docs/CONTRACT.md: agency codes match this pattern. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    private final Map<String, Agency> byCode = new LinkedHashMap<>();

    AgencyDirectory(DirectoryProperties properties) {
        for (Agency agency : properties.agencies()) {
            if (agency.code() == null || !CODE.matcher(agency.code()).matches()) {
                throw new IllegalArgumentException("Agency code '" + agency.code() + "' in exchange.directory.agencies does not match "
                        + CODE.pattern());
            }
            if (byCode.put(agency.code(), agency) != null) {
                throw new IllegalArgumentException("Agency code '" + agency.code() + "' is listed twice in exchange.directory.agencies");
            }
        }
    }

    @Override
    public boolean isKnown(String agencyCode) {
        return agencyCode != null && byCode.containsKey(agencyCode);
    }

    public Optional<Agency> find(String agencyCode) {
        return Optional.ofNullable(agencyCode == null ? null : byCode.get(agencyCode));
    }

    public List<Agency> all() {
        return List.copyOf(byCode.values());
    }
}
