package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.credentialstorage.model.StoredToken;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret references and their resolution: clear messages that name the reference, never the secret. */
class SecretsTest {
    @Test
    void aMissingEnvironmentVariableIsNamedWithWhatToDo() {
        SecretResolver r = new SecretResolver(Map.of(), SecretResolver.SecretStore.unavailable());

        assertThatThrownBy(() -> r.resolve(SecretRef.parse("env:SLACK_WEBHOOK")))
                .isInstanceOf(SecretResolver.SecretUnavailableException.class)
                .hasMessageContaining("environment variable SLACK_WEBHOOK is not set")
                .hasMessageContaining("set it before starting Conn");
    }

    @Test
    void aSetEnvironmentVariableResolves() {
        SecretResolver r =
                new SecretResolver(Map.of("DD_API_KEY", "s3cr3t-value"), SecretResolver.SecretStore.unavailable());

        assertThat(r.resolve(SecretRef.parse("env:DD_API_KEY"))).isEqualTo("s3cr3t-value");
    }

    @Test
    void aPastedTokenIsRefusedWithoutEchoingIt() {
        String token = "xoxb-123456789012-abcdefABCDEF";

        assertThatThrownBy(() -> SecretRef.parse(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env:VARIABLE or keyring:ENTRY")
                .hasMessageNotContaining(token);
    }

    @Test
    void aPastedWebhookUrlIsRefusedWithoutEchoingIt() {
        String url = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";

        assertThatThrownBy(() -> SecretRef.parse(url))
                .hasMessageContaining("never as the secret itself")
                .hasMessageNotContaining("hooks.slack.com");
    }

    @Test
    void withoutAnOsKeychainAKeyringReferenceSaysToUseAnEnvironmentVariable() {
        SecretResolver r = new SecretResolver(Map.of(), new KeychainSecretStore(() -> null));

        assertThatThrownBy(() -> r.resolve(SecretRef.keyring("statuspage")))
                .isInstanceOf(SecretResolver.SecretUnavailableException.class)
                .hasMessageContaining("no OS keychain is available")
                .hasMessageContaining("env:statuspage");
    }

    @Test
    void aKeychainEntryIsWrittenUnderConnsPrefixAndReadBack() {
        Map<String, String> entries = new HashMap<>();
        KeychainSecretStore store = new KeychainSecretStore(() -> new FakeKeychain(entries));

        store.write("pagerduty", "token-value");

        assertThat(entries).containsOnlyKeys("conn:pagerduty");
        assertThat(store.read("pagerduty")).hasValue("token-value");
        assertThat(store.read("absent")).isEmpty();
    }

    @Test
    void aKeychainThatFailsToLoadIsReportedAsUnavailable() {
        KeychainSecretStore store = new KeychainSecretStore(() -> {
            throw new UnsatisfiedLinkError("libsecret-1.so.0");
        });

        assertThatThrownBy(() -> store.write("x", "y")).hasMessageContaining("no OS keychain is available");
    }

    private record FakeKeychain(Map<String, String> entries)
            implements com.microsoft.credentialstorage.SecretStore<StoredToken> {
        @Override
        public StoredToken get(String key) {
            String v = entries.get(key);
            return v == null
                    ? null
                    : new StoredToken(v.toCharArray(), com.microsoft.credentialstorage.model.StoredTokenType.PERSONAL);
        }

        @Override
        public boolean delete(String key) {
            return entries.remove(key) != null;
        }

        @Override
        public boolean add(String key, StoredToken secret) {
            entries.put(key, new String(secret.getValue()));
            return true;
        }

        @Override
        public boolean isSecure() {
            return true;
        }
    }
}
