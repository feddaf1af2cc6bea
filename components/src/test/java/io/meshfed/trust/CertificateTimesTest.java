package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, always Zulu, whole seconds. */
class CertificateTimesTest {
    @Test
    void datesThrough2049AreUtcTime() throws Exception {
        Time time = CertificateTimes.encode(Instant.parse("2049-12-31T23:59:59Z"));
        assertTrue(time.toASN1Primitive() instanceof ASN1UTCTime);
        assertEquals("491231235959Z", encodedText(time));
    }

    @Test
    void datesFrom2050AreGeneralizedTime() throws Exception {
        Time time = CertificateTimes.encode(Instant.parse("2050-01-01T00:00:00Z"));
        assertTrue(time.toASN1Primitive() instanceof ASN1GeneralizedTime);
        assertEquals("20500101000000Z", encodedText(time));
    }

    @Test
    void singleDigitFieldsAreZeroPadded() throws Exception {
        Time time = CertificateTimes.encode(Instant.parse("2026-03-04T05:06:07Z"));
        assertEquals("260304050607Z", encodedText(time));
    }

    /** The characters inside the DER encoding (tag and one length byte skipped), exactly as written. */
    private static String encodedText(Time time) throws Exception {
        byte[] der = time.toASN1Primitive().getEncoded();
        return new String(Arrays.copyOfRange(der, 2, der.length), StandardCharsets.US_ASCII);
    }

    @Test
    void timesBeyondTheYear9999AreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CertificateTimes.encode(Instant.parse("+10000-01-01T00:00:00Z")));
    }
}
