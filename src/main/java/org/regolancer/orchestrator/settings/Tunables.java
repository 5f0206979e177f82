package org.regolancer.orchestrator.settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The internals below the settings in {@code application.properties} (lower-case keys, not operator settings): time
 * outs, retry pauses, refresh periods and queue sizes, read and checked by {@link SettingsLoader#tunables} like a
 * setting, so no other class reads them raw. Tests shorten them through the same keys.
 */
public record Tunables(Duration lndgConnectTimeout, Duration lndgReadTimeout, Duration lndgRetryPauseFirst,
        Duration lndgRetryPauseMax, Duration lndgSettingsRefresh, Duration lndgSettingsRetry, Duration booksRefresh,
        Duration booksRetry, Duration booksDay, Duration retryWaitMinute, Duration telegramTimeout, int notifyQueueSize,
        Duration telegramRetryDelay, Duration telegramSpacing, int telegramPollSeconds, Duration telegramPollDelay,
        Duration reportRetry, Duration reportCatchUpDelay, Duration lndgNoticesPeriod, String routesDirectory) {

    /** The keys of the milliseconds above, in the order of {@code application.properties}. */
    static final String[] MILLIS = {"lndg.connect-timeout-ms", "lndg.read-timeout-ms", "lndg.retry-pause-first-ms",
        "lndg.retry-pause-max-ms", "lndg.settings-refresh-ms", "lndg.settings-retry-ms", "books.refresh-ms", "books.retry-ms",
        "books.day-ms", "retry-wait.minute-ms", "telegram.timeout-ms", "telegram.retry-delay-ms", "telegram.spacing-ms",
        "telegram.poll-delay-ms", "report.retry-ms", "report.catch-up-delay-ms", "lndg-notices.period-ms"};

    /** The values as read, for the routes' placeholders ({@code {{lndg.read-timeout-ms}}}). */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        Duration[] millis = {lndgConnectTimeout, lndgReadTimeout, lndgRetryPauseFirst, lndgRetryPauseMax, lndgSettingsRefresh,
            lndgSettingsRetry, booksRefresh, booksRetry, booksDay, retryWaitMinute, telegramTimeout, telegramRetryDelay,
            telegramSpacing, telegramPollDelay, reportRetry, reportCatchUpDelay, lndgNoticesPeriod};
        for (int i = 0; i < MILLIS.length; i++) {
            p.put(MILLIS[i], Long.toString(millis[i].toMillis()));
        }
        p.put("notify.queue-size", Integer.toString(notifyQueueSize));
        p.put("telegram.poll-seconds", Integer.toString(telegramPollSeconds));
        p.put("routes.directory", routesDirectory);
        return p;
    }
}
