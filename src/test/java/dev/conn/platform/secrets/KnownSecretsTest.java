package dev.conn.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets are scrubbed by value: what no pattern recognises is still removed once it was resolved. */
class KnownSecretsTest {
    private static final String URL = "https://chat.example.org/api/v4/notify/Zq81kLmN0pQ";

    @Test
    void aResolvedUrlIsRemovedWholeByPathAndCaseInsensitively() {
        KnownSecrets known = new KnownSecrets();
        known.remember(URL);

        assertThat(known.scrubForExport("POST " + URL + " failed")).isEqualTo("POST [redacted] failed");
        assertThat(known.scrubForExport("404: no route /api/v4/notify/Zq81kLmN0pQ"))
                .isEqualTo("404: no route [redacted]");
        assertThat(known.scrubForExport("HTTPS://CHAT.EXAMPLE.ORG/API/V4/NOTIFY/ZQ81KLMN0PQ"))
                .isEqualTo("[redacted]");
        assertThat(known.scrub("echo %2Fapi%2Fv4%2Fnotify%2FZq81kLmN0pQ")).doesNotContain("Zq81kLmN0pQ");
    }

    @Test
    void valuesShorterThanSixCharactersAreNotScrubbed() {
        KnownSecrets known = new KnownSecrets();
        known.remember("abc");

        assertThat(known.scrubForExport("abc def")).isEqualTo("abc def");
        assertThat(known.size()).isZero();
    }

    @Test
    void aValueRememberedAfterAScrubIsScrubbedNextTime() {
        KnownSecrets known = new KnownSecrets();
        assertThat(known.scrubValues("key s3cr3t-value")).isEqualTo("key s3cr3t-value");

        known.remember("s3cr3t-value");

        assertThat(known.scrubValues("key s3cr3t-value")).isEqualTo("key [redacted]");
    }
}
