package org.safeguarding.exchange.connect;

/** The version a worker reports for each of this plugin's connectors and converters. */
public final class Version {

    private static final String VERSION = Version.class.getPackage().getImplementationVersion();

    private Version() {
    }

    public static String get() {
        return VERSION == null ? "unknown" : VERSION;
    }
}
