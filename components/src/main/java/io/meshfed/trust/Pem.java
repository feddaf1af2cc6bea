package io.meshfed.trust;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * PEM text with fixed formatting (64-column base64, {@code \n} line ends) so output bytes never
 * depend on the platform; Bouncy Castle's PEM writer uses the JVM's line separator.
 */
final class Pem {
    static final String CERTIFICATE = "CERTIFICATE";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final int LINE_LENGTH = 64;

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder(base64.length() + base64.length() / LINE_LENGTH + 64);
        pem.append("-----BEGIN ").append(type).append("-----\n");
        for (int start = 0; start < base64.length(); start += LINE_LENGTH) {
            pem.append(base64, start, Math.min(base64.length(), start + LINE_LENGTH)).append('\n');
        }
        return pem.append("-----END ").append(type).append("-----\n").toString();
    }

    static int countBlocks(String pem) {
        int count = 0;
        for (int at = pem.indexOf("-----BEGIN "); at >= 0; at = pem.indexOf("-----BEGIN ", at + 1)) {
            count++;
        }
        return count;
    }

    /** Reads every block of a PEM bundle, which must all be certificates. */
    static List<X509CertificateHolder> readCertificates(String pem, String what) {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (!(block instanceof X509CertificateHolder certificate)) {
                    throw new IllegalArgumentException(
                            what + ": expected only CERTIFICATE blocks, found " + block.getClass().getSimpleName());
                }
                certificates.add(certificate);
            }
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(what + ": not a readable PEM certificate (" + unreadable.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(what + ": no PEM certificate found");
        }
        return certificates;
    }
}
