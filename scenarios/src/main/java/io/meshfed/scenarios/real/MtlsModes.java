package io.meshfed.scenarios.real;

/**
 * The effective PeerAuthentication mode as traffic shows it, probed from a pod outside the mesh:
 * STRICT refuses plaintext and presents a certificate; PERMISSIVE answers both; DISABLE answers
 * plaintext and presents no certificate.
 */
public final class MtlsModes {

    private MtlsModes() {
    }

    public static String infer(CurlProbe.Result plaintext, OpenSslProbe.Result tls) {
        boolean plaintextAnswered = plaintext.status() > 0;
        boolean certificate = tls.presentedChain();
        if (!plaintextAnswered && certificate) {
            return "STRICT";
        }
        if (plaintextAnswered && certificate) {
            return "PERMISSIVE";
        }
        if (plaintextAnswered) {
            return "DISABLE";
        }
        return "UNREACHABLE (plaintext: curl exit " + plaintext.exit() + ", TLS: " + (tls.connected() ? "no certificate" : "no connection") + ")";
    }
}
