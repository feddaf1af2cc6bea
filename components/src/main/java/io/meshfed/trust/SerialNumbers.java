package io.meshfed.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Fixed CA serial numbers: the first 127 bits of SHA-256 over issuer, subject and epoch. The
 * issuer is included so that an intermediate re-certified by the new root during a rotation gets a
 * serial distinct from its predecessor's.
 */
final class SerialNumbers {
    private static final byte[] DOMAIN = "meshfed/ca-serial/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SERIAL_BYTES = 16;

    private SerialNumbers() {
    }

    static BigInteger forCa(X500Name issuer, X500Name subject, int epoch) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        try {
            input.write(DOMAIN);
            writeLengthPrefixed(input, issuer.getEncoded(ASN1Encoding.DER));
            writeLengthPrefixed(input, subject.getEncoded(ASN1Encoding.DER));
            input.write(ByteBuffer.allocate(Integer.BYTES).putInt(epoch).array());
        } catch (IOException impossible) {
            throw new IllegalStateException("DER encoding of a name failed", impossible);
        }
        byte[] serial = Arrays.copyOf(Fingerprints.sha256(input.toByteArray()), SERIAL_BYTES);
        serial[0] &= 0x7F; // positive, and at most 16 DER content bytes
        BigInteger value = new BigInteger(1, serial);
        return value.signum() == 0 ? BigInteger.ONE : value;
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] bytes) throws IOException {
        out.write(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.write(bytes);
    }
}
