package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meshfed.spec.InvalidSpecException;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.Problem;
import io.meshfed.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provided root that cannot be read or used is reported at the spec field that names its file, before anything is issued. */
class ProvidedRootFilesTest {

    private static final TrustSeed SEED = TrustSeed.fromBase64("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");

    @TempDir
    Path tmp;

    private static MeshSpec spec() {
        return SpecLoader.load("name: t\nclusters: [{name: c1}]\n"
                + "trust: {root: provided, providedRootCertFile: root.pem, providedRootKeyFile: root-key.pem}\n", "mesh.yaml");
    }

    private List<Problem> problems() {
        return assertThrows(InvalidSpecException.class, () -> MeshTrustSource.of(spec(), SEED, tmp)).problems();
    }

    @Test
    void aMissingFileIsNamedAtItsField() throws Exception {
        Files.writeString(tmp.resolve("root.pem"), ProvidedRoots.ecRoot("Corp Root").certPem());
        assertEquals(List.of(new Problem("trust.providedRootKeyFile", "no such file: " + tmp.resolve("root-key.pem"))), problems());
    }

    @Test
    void aFileThatHoldsNoCertificateIsReportedAtTheCertificateField() throws Exception {
        ProvidedRoot root = ProvidedRoots.ecRoot("Corp Root");
        Files.writeString(tmp.resolve("root.pem"), "not a certificate\n");
        Files.writeString(tmp.resolve("root-key.pem"), root.keyPem().reveal());
        assertEquals(List.of(new Problem("trust.providedRootCertFile", "the provided root cannot be used: no PEM certificate found")),
                problems());
    }

    @Test
    void theKeyOfAnotherCertificateIsReportedAtTheKeyField() throws Exception {
        Files.writeString(tmp.resolve("root.pem"), ProvidedRoots.ecRoot("Corp Root").certPem());
        Files.writeString(tmp.resolve("root-key.pem"), ProvidedRoots.ecRoot("Other Root").keyPem().reveal());
        assertEquals(List.of(new Problem("trust.providedRootKeyFile",
                "the provided root cannot be used: the private key does not belong to the certificate in providedRoot.certPem")), problems());
    }
}
