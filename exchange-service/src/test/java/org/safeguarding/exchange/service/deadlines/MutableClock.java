package org.safeguarding.exchange.service.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;

/** A clock a test moves on by hand, shared by every context it is installed in. */
final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock moving = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moving.withZone(other);
            }

            @Override
            public Instant instant() {
                return moving.instant();
            }
        };
    }

    /**
     * Makes this clock the context's primary Clock, ahead of the application's own. Registered by an initializer,
     * not a configuration class, so that no other test's component scan picks it up.
     */
    void installIn(ConfigurableApplicationContext context) {
        RootBeanDefinition definition = new RootBeanDefinition(Clock.class, () -> this);
        definition.setPrimary(true);
        ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("mutableTestClock", definition);
    }
}
