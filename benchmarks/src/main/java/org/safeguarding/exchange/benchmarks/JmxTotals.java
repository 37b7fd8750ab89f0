package org.safeguarding.exchange.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Sums of a numeric attribute over this process's MBeans that match a pattern (the in-process broker's and clients' metrics). */
final class JmxTotals {

    private JmxTotals() {
    }

    /** {@code attribute} summed over the MBeans matching {@code pattern}, per {@code groupBy} of each; empty if unreadable. */
    static Map<String, Double> sum(String pattern, String attribute, Function<ObjectName, String> groupBy) {
        Map<String, Double> totals = new HashMap<>();
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
                if (server.getAttribute(name, attribute) instanceof Number n) {
                    totals.merge(groupBy.apply(name), n.doubleValue(), Double::sum);
                }
            }
        } catch (Exception e) {
            return Map.of();
        }
        return totals;
    }
}
