package org.childjourney.core.person;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed digest (HMAC-SHA-256) of personal data, for keying lookup tables and comparing submissions without
 * storing the data itself. Without the deployment's key, a digest cannot be reversed by trying every NHS number.
 */
public final class KeyedDigest {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** One keyed MAC a thread, made once: looking the algorithm up and keying it costs more than a digest. */
    private final ThreadLocal<Mac> macs;

    /** @param key the deployment's secret; at least 32 bytes */
    public KeyedDigest(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the digest key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::keyedMac);
    }

    /** The digest of an NHS number. */
    public String of(NhsNumber nhsNumber) {
        return digest("nhs:" + nhsNumber.digits());
    }

    /**
     * The digest of a local identifier, scoped to its system's owner ({@link LocalIdSystems#scopeOf}): the same
     * system and value under another owner is another identifier.
     */
    public String of(LocalId localId, String scope) {
        return digest("local:" + scope + '\u0000' + localId.system() + '\u0000' + localId.value().value());
    }

    /**
     * The digest of a demographic feature's normalised value (a given name, a date of birth), under the name of its
     * kind, so that one value under two kinds (a name given as family name) makes two digests.
     */
    public String ofFeature(String kind, String value) {
        return digest("feature:" + kind + '\u0000' + value);
    }

    /** The digest of a submission's canonical content, to tell a resend from a changed submission. */
    public String ofContent(String canonicalContent) {
        return digest("content:" + canonicalContent);
    }

    private String digest(String text) {
        // doFinal leaves the MAC keyed and reset for the next digest.
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedDigest[***]";
    }
}
