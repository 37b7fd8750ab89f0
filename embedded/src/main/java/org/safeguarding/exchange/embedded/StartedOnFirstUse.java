package org.safeguarding.exchange.embedded;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * A property source that answers one property, where an embedded server is, by starting the server the first time
 * something asks. Added last, so that a value configured anywhere (a test's {@code @DynamicPropertySource} included)
 * answers first and nothing starts. A start that failed is reported again when asked again, instead of a second try.
 * The server stops when the application context closes.
 * <p>
 * Besides the address it may answer settings that go with it ({@link #setting}), such as how to sign in, but only while
 * the address is its own: where another source names the server, these settings would be for the wrong one. Listing its
 * names (it is enumerable) starts nothing, and lets Spring bind them into maps such as {@code spring.kafka.properties}.
 */
abstract class StartedOnFirstUse extends EnumerablePropertySource<Path> {

    /** "true" once an embedded server has started in this application (read by the service's ready banner). */
    static final String STARTED_PROPERTY = "exchange.embedded.started";

    private static final Logger log = LoggerFactory.getLogger(StartedOnFirstUse.class);

    private final String property;
    private ConfigurableEnvironment environment;
    private String address;
    private boolean stopped;
    private IllegalStateException startFailure;

    /** @param folder where the server keeps its files across restarts */
    StartedOnFirstUse(String sourceName, String property, Path folder) {
        super(sourceName, folder.toAbsolutePath().normalize());
        this.property = property;
    }

    /** Starts the server in {@link #getSource()} and returns its address; fails saying what to set instead. */
    abstract String start();

    /** Stops the server started. */
    abstract void close();

    /** The names of the settings that go with the address; none by default. */
    Set<String> settingNames() {
        return Set.of();
    }

    /** The value of one of {@link #settingNames()}, known without starting the server. */
    String setting(String name) {
        return null;
    }

    /**
     * Adds this source, and a bean whose destruction stops the server: beans are destroyed in reverse order of
     * creation, so the clients created later close first. The bean also goes when start-up fails.
     */
    void addTo(ConfigurableEnvironment environment, SpringApplication application) {
        this.environment = environment;
        environment.getPropertySources().addLast(this);
        application.addInitializers(context -> {
            if (context instanceof GenericApplicationContext generic) {
                generic.registerBean(getName() + "Stopper", DisposableBean.class, () -> this::stop);
            }
        });
    }

    @Override
    public Object getProperty(String name) {
        if (property.equals(name)) {
            return address();
        }
        if (STARTED_PROPERTY.equals(name)) {
            return started() ? "true" : null;
        }
        return settingNames().contains(name) && addressIsOurs() ? setting(name) : null;
    }

    /** Answered as before this source was enumerable: present when it has a value (which may start the server). */
    @Override
    public boolean containsProperty(String name) {
        return getProperty(name) != null;
    }

    @Override
    public String[] getPropertyNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(property);
        names.add(STARTED_PROPERTY);
        names.addAll(settingNames());
        return names.toArray(String[]::new);
    }

    /**
     * Whether the environment's address is the one this source answers: asking starts the server when no other source
     * answers first, which is as it should be, since whoever asks for its settings is about to connect.
     */
    private boolean addressIsOurs() {
        if (environment == null) {
            return true;
        }
        String configured = environment.getProperty(property);
        return configured != null && configured.equals(currentAddress());
    }

    private synchronized String currentAddress() {
        return address;
    }

    private synchronized boolean started() {
        return address != null;
    }

    synchronized String address() {
        if (stopped) {
            return null; // the application is closing; do not start it again
        }
        if (startFailure != null) {
            throw startFailure;
        }
        if (address == null) {
            try {
                address = start();
            } catch (RuntimeException e) {
                startFailure = e instanceof IllegalStateException failure ? failure
                        : new IllegalStateException("Cannot start " + getName() + " in " + getSource(), e);
                // Spring goes on to report a property it could not bind, not this cause: so it is said here as well.
                log.error(startFailure.getMessage());
                throw startFailure;
            }
        }
        return address;
    }

    synchronized void stop() {
        stopped = true;
        if (address != null) {
            close();
            address = null;
        }
    }
}
