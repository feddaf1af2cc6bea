package io.meshfed.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go-style durations as Istio and Kubernetes accept them: {@code 500ms}, {@code 2s}, {@code 1h30m}.
 * Like Go's {@code time.ParseDuration}, a duration longer than a signed 64-bit count of nanoseconds
 * (about 292 years) is refused rather than cut.
 */
public final class Durations {

    /** The longest duration in whole hours (Go's limit is 2562047h47m16.854775807s). */
    public static final long MAX_HOURS = 2_562_047;

    private static final Pattern WHOLE = Pattern.compile("(\\d+(\\.\\d+)?(h|ms|m|s|us|ns))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|ns)");
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);
    /** Longer texts are not durations anyone writes; the limit keeps parsing cheap. */
    private static final int MAX_LENGTH = 64;

    private Durations() {
    }

    /** True when the text has the form of a duration, whatever its length of time. */
    static boolean wellFormed(String text) {
        return text != null && text.length() <= MAX_LENGTH && WHOLE.matcher(text).matches();
    }

    public static Optional<Duration> parse(String text) {
        if (!wellFormed(text)) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(switch (m.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us" -> 1_000L;
                default -> 1L;
            })));
        }
        if (nanos.compareTo(MAX_NANOS) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()));
    }

    public static Duration require(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a duration: " + text));
    }
}
