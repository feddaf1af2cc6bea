package io.meshfed.trust;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * RFC 5280 4.1.2.5 time encoding, written digit by digit from the ISO calendar fields so that no
 * locale (a Thai default locale brings Thai digits and the Buddhist calendar) can change a byte.
 */
final class CertificateTimes {
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private CertificateTimes() {
    }

    static Time encode(Instant instant) {
        if (instant.isAfter(LATEST) || instant.getEpochSecond() < 0) {
            throw new IllegalArgumentException("certificate time out of range: " + instant);
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        StringBuilder text = new StringBuilder(15);
        if (year <= 2049) {
            digits(text, year % 100, 2); // UTCTime: YYMMDDHHMMSSZ, for 1950 through 2049
        } else {
            digits(text, year, 4); // GeneralizedTime: YYYYMMDDHHMMSSZ, from 2050 on
        }
        digits(text, utc.getMonthValue(), 2);
        digits(text, utc.getDayOfMonth(), 2);
        digits(text, utc.getHour(), 2);
        digits(text, utc.getMinute(), 2);
        digits(text, utc.getSecond(), 2);
        text.append('Z');
        return year <= 2049 ? new Time(new DERUTCTime(text.toString())) : new Time(new DERGeneralizedTime(text.toString()));
    }

    private static void digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int pad = number.length(); pad < width; pad++) {
            text.append('0');
        }
        text.append(number);
    }
}
