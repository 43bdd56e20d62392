package dev.conn.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one pattern scrubber covers every case of issue 11, finding 8, case-insensitively. */
class RedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Hooks.Slack.com/services/T0001/B0001/SECRETsecret1 | Hooks.Slack.com/[redacted]",
                "HTTPS://HOOKS.SLACK.COM/services/T0001/B0001/SECRETsecret1 | HTTPS://HOOKS.SLACK.COM/[redacted]",
                "HTTP://ops.example.com/hooks/SECRETsecret1 | HTTP://ops.example.com/[redacted]",
                "see hooks.slack.com/services/T0001/B0001/SECRETsecret1 now | see hooks.slack.com/[redacted] now",
                "https://discord.com/api/webhooks/1234567/SECRETsecret1 | https://discord.com/[redacted]",
                "discord.com/api/webhooks/1234567/SECRETsecret1 | discord.com/api/webhooks/[redacted]",
                "https://discordapp.com/api/webhooks/1234567/SECRETsecret1 | https://discordapp.com/[redacted]",
                "ptb.Discordapp.com/api/v10/webhooks/1234567/SECRETsecret1 | ptb.Discordapp.com/api/v10/webhooks/[redacted]",
                "acme.webhook.office.com/webhookb2/SECRETsecret1 | acme.webhook.office.com/[redacted]",
                "token xoxb-1234-5678-SECRETsecret1 used | token [redacted] used",
                "XOXP-1234-5678-SECRETsecret1 | [redacted]",
                "app token xapp-1-A111-SECRETsecret1 | app token [redacted]",
                "https://bob:SECRETsecret1@smtp.example.com/ | https://[redacted]@smtp.example.com/",
                "HTTPS://Bob:SECRETsecret1@Example.com | HTTPS://[redacted]@Example.com",
                "smtp://conn:SECRETsecret1@mail.example.com:587 | smtp://[redacted]@mail.example.com:587",
                "https://prod-1.westus.logic.azure.com/workflows/1/invoke?api-version=1&sig=SECRETsecret1 | sig=[redacted]",
                "Authorization: Bearer SECRETsecret1 | Authorization: [redacted]",
                "sent with bearer SECRETsecret1 | bearer [redacted]",
                "PASSWORD=SECRETsecret1 rejected | PASSWORD=[redacted] rejected",
                "{\"Api_Key\": \"SECRETsecret1\"} | {\"Api_Key\": \"[redacted]\"}",
                "ghp_SECRETsecret1SECRETsecret1xx | [redacted]",
            })
    void everyCaseOfFinding8IsRemovedForExportsAndLogsAlike(String text, String expected) {
        assertThat(Redaction.credentials(text)).contains(expected).doesNotContain("SECRETsecret1");
        assertThat(Redaction.patterns(text)).doesNotContain("SECRETsecret1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hooks.Slack.com/services/T0001/B0001/SECRETsecret1",
                "see https://discord.com/api/webhooks/1/SECRETsecret1 and HTTP://a.example/hook/x?sig=abc",
                "https://bob:hunter22@example.com xoxb-1-2-3 Authorization: Basic dXNlcjpwYXNz",
            })
    void scrubbingTwiceChangesNothing(String text) {
        String once = Redaction.credentials(text);
        assertThat(Redaction.credentials(once)).isEqualTo(once);
        String logged = Redaction.patterns(text);
        assertThat(Redaction.patterns(logged)).isEqualTo(logged);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "trace 4bf92f3577b34da6a3ce929d0e0e4736 shows the retry storm",
                "rolled back to 9fceb02d0ae598e95dc970b74767f19372d61af8",
                "dashboard https://grafana.example.com/d/abc/checkout?orgId=1&from=now-6h",
                "Basic troubleshooting done, bearer of bad news: the token expired",
                "event 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b for Checkout errors in EU",
            })
    void exportsKeepTraceIdsCommitHashesAndLinks(String text) {
        assertThat(Redaction.credentials(text)).isEqualTo(text);
    }
}
