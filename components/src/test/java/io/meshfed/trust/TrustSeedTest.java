package io.meshfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TrustSeedTest {
    @Test
    void generateTakes32BytesFromTheGivenRandom() {
        SecureRandom sevens = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 7);
            }
        };
        byte[] expected = new byte[32];
        Arrays.fill(expected, (byte) 7);

        assertEquals(Base64.getEncoder().encodeToString(expected), TrustSeed.generate(sevens).toBase64());
        assertNotEquals(TrustSeed.generate(new SecureRandom()), TrustSeed.generate(new SecureRandom()));
    }

    @Test
    void base64RoundTripsInBothAlphabetsAndIgnoresSurroundingWhitespace() {
        TrustSeed seed = TrustSeed.generate(new SecureRandom());
        String standard = seed.toBase64();
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(standard));

        assertEquals(seed, TrustSeed.fromBase64(standard));
        assertEquals(seed, TrustSeed.fromBase64("  " + standard + "\n"));
        assertEquals(seed, TrustSeed.fromBase64(urlSafe));
    }

    @Test
    void seedsShorterThan32BytesOrNotBase64AreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrustSeed.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> TrustSeed.fromBase64(Base64.getEncoder().encodeToString(new byte[65])));
        assertThrows(IllegalArgumentException.class, () -> TrustSeed.fromBase64("not base64 at all!"));
        assertThrows(IllegalArgumentException.class, () -> TrustSeed.fromBase64(" "));
        assertThrows(IllegalArgumentException.class, () -> TrustSeed.fromBase64(null));
    }

    @Test
    void firstUseInstructionsTellWhereToStoreTheSeed() {
        TrustSeed seed = TrustSeed.generate(new SecureRandom());
        String instructions = seed.firstUseInstructions();

        assertTrue(instructions.contains("pulumi config set --secret meshfed:trustSeed " + seed.toBase64()), instructions);
        assertTrue(instructions.contains("MESHFED_TRUST_SEED=" + seed.toBase64()), instructions);
        assertTrue(instructions.contains("only this once"), instructions);
    }
}
