package io.meshfed.trust;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * RFC 5280 4.1.2.5 time encoding, formatted with the ISO calendar and {@link Locale#ROOT} so a
 * JVM running under, say, a Thai locale writes the same bytes.
 */
final class CertificateTimes {
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("uuMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateTimes() {
    }

    static Time encode(Instant instant) {
        int year = ZonedDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        if (year < 0 || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("certificate time out of range: " + instant);
        }
        if (year >= 1950 && year <= 2049) {
            return new Time(new DERUTCTime(UTC_TIME.format(instant)));
        }
        return new Time(new DERGeneralizedTime(GENERALIZED_TIME.format(instant)));
    }
}
