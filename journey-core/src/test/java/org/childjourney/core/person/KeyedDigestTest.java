package org.childjourney.core.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Keyed digests: the lookup key for a child's identifiers, without storing the identifiers themselves. */
class KeyedDigestTest {

    /** Fictional, 40 bytes. */
    private static final byte[] KEY = "fictional-digest-key-for-tests-only-0001".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "fictional-digest-key-for-tests-only-0002".getBytes(StandardCharsets.UTF_8);

    private static final NhsNumber AMY = NhsNumber.of("9990000018");

    private static final LocalId AMYS_POLICE_ID = new LocalId("police-east/person", Sensitive.of("PE-FICTIONAL-4471"));

    // Approved values, HMAC-SHA-256 under KEY computed outside Java: read models are keyed by them, so a change of
    // format would orphan every stored lookup key.
    /** Of {@code nhs:9990000018}. */
    private static final String APPROVED_DIGEST_OF_AMYS_NHS_NUMBER =
            "3dea579302c22e3b29b5f33c96612aee286a2d71b3693470f10762005007d413";
    /**
     * Of {@code local:agency:police-east}, a NUL, {@code police-east/person}, a NUL, and {@code PE-FICTIONAL-4471}:
     * since the local id is scoped to its system's owner (before, {@code 97ec104d...} of the system and value alone;
     * the services recompute stored digests from the events when the scheme changes).
     */
    private static final String APPROVED_DIGEST_OF_AMYS_POLICE_ID =
            "27705943df14320141fb3e9516e724d17dbb4edf02f813f4f9dcdcb1dacb3c9d";
    private static final String POLICE = "agency:police-east";
    /** Of {@code content:{"type":"contact"}}. */
    private static final String APPROVED_DIGEST_OF_CONTENT =
            "deb13fc1d112e3b19e76afe081b36b8095f3bc52ee2eb9d4798cfbc707701d44";

    private final KeyedDigest digest = new KeyedDigest(KEY);

    @Test
    void givesTheSameDigestForTheSameKeyAndNumberEveryTime() {
        assertThat(new KeyedDigest(KEY.clone()).of(NhsNumber.of("999 000 0018"))).isEqualTo(digest.of(AMY));
    }

    @Test
    void keepsTheDigestsOfStoredIdentifiersAcrossReleases() {
        assertThat(digest.of(AMY)).isEqualTo(APPROVED_DIGEST_OF_AMYS_NHS_NUMBER);
        assertThat(digest.of(AMYS_POLICE_ID, POLICE)).isEqualTo(APPROVED_DIGEST_OF_AMYS_POLICE_ID);
        assertThat(digest.ofContent("{\"type\":\"contact\"}")).isEqualTo(APPROVED_DIGEST_OF_CONTENT);
    }

    @Test
    void givesDifferentDigestsUnderDifferentKeys() {
        assertThat(new KeyedDigest(OTHER_KEY).of(AMY)).isNotEqualTo(digest.of(AMY));
    }

    @Test
    void givesDifferentDigestsForDifferentChildren() {
        assertThat(digest.of(NhsNumber.of("9990000026"))).isNotEqualTo(digest.of(AMY));
    }

    @Test
    void neverConfusesAnNhsNumberWithALocalIdOrContentOfTheSameText() {
        String nhs = digest.of(AMY);
        String local = digest.of(new LocalId("nhs", Sensitive.of("9990000018")), "national");
        String content = digest.ofContent("9990000018");

        assertThat(nhs).isNotEqualTo(local).isNotEqualTo(content);
        assertThat(local).isNotEqualTo(content);
    }

    @Test
    void keepsALocalIdsSystemAndValueApart() {
        assertThat(digest.of(new LocalId("police-east/person", Sensitive.of("1234")), POLICE))
                .isNotEqualTo(digest.of(new LocalId("police-east/person1", Sensitive.of("234")), POLICE))
                .isEqualTo(digest.of(new LocalId("police-east/person", Sensitive.of("1234")), POLICE));
    }

    @Test
    void givesTheSameSystemAndValueUnderAnotherOwnerAnotherDigest() {
        LocalId id = new LocalId("person", Sensitive.of("1234"));

        assertThat(digest.of(id, "agency:police-east")).isNotEqualTo(digest.of(id, "agency:csc-county"))
                .isNotEqualTo(digest.of(id, "national"));
    }

    @Test
    void givesAHexDigestThatDoesNotContainTheNumber() {
        assertThat(digest.of(AMY)).matches("[0-9a-f]{64}").doesNotContain("9990000018");
    }

    @Test
    void refusesAKeyShorterThan32Bytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyedDigest(new byte[31]));
        assertThat(new KeyedDigest(new byte[32]).of(AMY)).hasSize(64);
    }

    @Test
    void isNotChangedByLaterChangesToTheKeyArray() {
        byte[] key = KEY.clone();
        KeyedDigest keyed = new KeyedDigest(key);
        Arrays.fill(key, (byte) 0);

        assertThat(keyed.of(AMY)).isEqualTo(digest.of(AMY));
    }

    @Test
    void printsNeitherTheKeyNorAnyDigest() {
        assertThat(digest.toString())
                .doesNotContain(new String(KEY, StandardCharsets.UTF_8))
                .doesNotContain("fictional")
                .doesNotContain(digest.of(AMY))
                .contains("***");
    }
}
