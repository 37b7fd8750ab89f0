package org.safeguarding.exchange.embedded;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * A property source that answers one property, where an embedded server is, by starting the server the first time
 * something asks. Added last, so that a value configured anywhere (a test's {@code @DynamicPropertySource} included)
 * answers first and nothing starts. A start that failed is reported again when asked again, instead of a second try.
 * The server stops when the application context closes.
 */
abstract class StartedOnFirstUse extends PropertySource<Path> {

    /** "true" once an embedded server has started in this application (read by the service's ready banner). */
    static final String STARTED_PROPERTY = "exchange.embedded.started";

    private static final Logger log = LoggerFactory.getLogger(StartedOnFirstUse.class);

    private final String property;
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

    /**
     * Adds this source, and a bean whose destruction stops the server: beans are destroyed in reverse order of
     * creation, so the clients created later close first. The bean also goes when start-up fails.
     */
    void addTo(ConfigurableEnvironment environment, SpringApplication application) {
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
        return null;
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
