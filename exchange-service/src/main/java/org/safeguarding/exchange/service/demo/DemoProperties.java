package org.safeguarding.exchange.service.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scripted exchange run against this very service ({@code ./exchange demo}).
 *
 * @param enabled run the demo once the service is ready
 * @param exit    stop the service when the demo has run
 */
@ConfigurationProperties("exchange.demo")
public record DemoProperties(boolean enabled, boolean exit) {
}
