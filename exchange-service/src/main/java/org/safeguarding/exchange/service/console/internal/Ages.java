package org.safeguarding.exchange.service.console.internal;

import java.time.Duration;

/** How long ago, in words a duty manager reads at a glance: "45 seconds", "12 minutes", "3 hours 5 minutes", "2 days". */
public final class Ages {

    private Ages() {
    }

    public static String text(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(minutes % 60, "minute");
        }
        return plural(hours / 24, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
