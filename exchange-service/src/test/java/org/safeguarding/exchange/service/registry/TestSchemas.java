package org.safeguarding.exchange.service.registry;

/** Small Avro schemas whose compatibility with each other is known. */
final class TestSchemas {

    private TestSchemas() {
    }

    /** A record named {@code Person} in namespace test with the given fields (JSON field objects). */
    static String person(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"test\",\"fields\":["
                + String.join(",", fields) + "]}";
    }

    static final String NAME = "{\"name\":\"name\",\"type\":\"string\"}";
    static final String AGE = "{\"name\":\"age\",\"type\":\"int\"}";
    static final String AGE_WITH_DEFAULT = "{\"name\":\"age\",\"type\":\"int\",\"default\":0}";
    static final String NICK = "{\"name\":\"nick\",\"type\":\"string\"}";
    static final String NICK_WITH_DEFAULT = "{\"name\":\"nick\",\"type\":\"string\",\"default\":\"\"}";
    static final String NAME_AS_INT = "{\"name\":\"name\",\"type\":\"int\"}";
}
