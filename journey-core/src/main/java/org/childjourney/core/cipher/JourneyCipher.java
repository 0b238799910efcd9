package org.childjourney.core.cipher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The stored form of an enciphered payload: a JSON object naming the scheme and the journey in clear, and the
 * payload AES-256-GCM enciphered under the journey's key, bound to the journey and the event's type (so that a stored
 * payload moved to another journey's or another type's row no longer opens).
 *
 * <pre>{"cipher":"cj1","journey":"&lt;journey id&gt;","data":"&lt;base64 of 12-byte nonce, ciphertext and tag&gt;"}</pre>
 *
 * <p>The envelope is written here alone, so it is read by position, not parsed: the journey id and Base64 hold no
 * quote.
 */
public final class JourneyCipher {

    private static final byte[] PREFIX = "{\"cipher\":\"cj1\",\"journey\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final String DATA = "\",\"data\":\"";
    private static final String END = "\"}";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    /** Whether the stored bytes are an envelope (an event stored before enciphering, or one never enciphered, is not). */
    public static boolean enciphered(byte[] stored) {
        return stored.length > PREFIX.length && Arrays.equals(stored, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
    }

    /** The journey an envelope belongs to, as its id's text. */
    public static String journeyOf(byte[] envelope) {
        String text = new String(envelope, StandardCharsets.US_ASCII);
        int end = text.indexOf(DATA, PREFIX.length);
        if (end < 0) {
            throw new IllegalArgumentException("not an enciphered payload");
        }
        return text.substring(PREFIX.length, end);
    }

    /** The payload enciphered under the journey's key, as the envelope to store. */
    public byte[] encipher(byte[] payload, String journeyId, String type, SecretKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo(journeyId, type));
            sealed = cipher.doFinal(payload);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available", unavailable);
        }
        byte[] data = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, data, NONCE_BYTES, sealed.length);
        String envelope = new String(PREFIX, StandardCharsets.US_ASCII) + journeyId + DATA
                + Base64.getEncoder().encodeToString(data) + END;
        return envelope.getBytes(StandardCharsets.US_ASCII);
    }

    /** The payload an envelope holds, opened with the journey's key; fails if the envelope was altered. */
    public byte[] decipher(byte[] envelope, String type, SecretKey key) {
        String journeyId = journeyOf(envelope);
        String text = new String(envelope, StandardCharsets.US_ASCII);
        int start = PREFIX.length + journeyId.length() + DATA.length();
        if (!text.endsWith(END) || text.length() < start + END.length()) {
            throw new IllegalArgumentException("not an enciphered payload");
        }
        byte[] data = Base64.getDecoder().decode(text.substring(start, text.length() - END.length()));
        if (data.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("not an enciphered payload");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo(journeyId, type));
            return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
        } catch (GeneralSecurityException altered) {
            throw new IllegalStateException("an enciphered payload does not open with its journey's key", altered);
        }
    }

    /**
     * A stored payload in clear: opened with its journey's key from {@code keys} if it is enciphered, as it is if not.
     *
     * @throws JourneyKeys.JourneyErasedException if the journey was erased
     */
    public byte[] inClear(byte[] stored, String type, JourneyKeys keys) {
        if (!enciphered(stored)) {
            return stored;
        }
        return decipher(stored, type,
                keys.toDecipher(journeyOf(stored)).orElseThrow(JourneyKeys.JourneyErasedException::new));
    }

    private static byte[] boundTo(String journeyId, String type) {
        return ("cj1\n" + journeyId + "\n" + type).getBytes(StandardCharsets.UTF_8);
    }
}
