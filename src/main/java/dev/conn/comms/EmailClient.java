package dev.conn.comms;

import dev.conn.settings.ChannelSettings;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends a message as plain-text e-mail over SMTP with Jakarta Mail (Eclipse Angus Mail,
 * https://eclipse-ee4j.github.io/angus-mail/). STARTTLS is required when chosen (RFC 3207), TLS
 * means implicit TLS (RFC 8314). The password is a secret reference resolved per send. The {@code
 * Message-ID} is derived from the outbox row ({@code <messageId.channel@conn>}), so a resend after
 * an unknown delivery carries the same id and mail systems can spot the duplicate. Authentication
 * failures and refused recipients are terminal; connection failures are retried.
 */
public final class EmailClient implements Channel {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ChannelSettings settings;
    private final SecretResolver secrets;

    /**
     * @param settings an EMAIL channel
     * @param secrets resolves the password reference
     */
    public EmailClient(ChannelSettings settings, SecretResolver secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String rateKey() {
        return "smtp:" + settings.smtpHost() + ":" + settings.smtpPort();
    }

    @Override
    public Duration minInterval() {
        return Duration.ofMillis(200);
    }

    @Override
    public Delivery deliver(OutboxMessage m) {
        if (settings.recipients().isEmpty()) {
            return new Delivery.Failed("e-mail channel '" + settings.id() + "' has no recipients");
        }
        String password = null;
        SecretRef ref = settings.password();
        if (ref != null) {
            try {
                password = secrets.resolve(ref);
            } catch (SecretResolver.SecretUnavailableException e) {
                return new Delivery.Retry(e.getMessage(), Optional.empty(), false);
            }
        }
        Session session = Session.getInstance(properties(password != null && settings.username() != null));
        try {
            String messageId = "<" + m.messageId() + "." + m.channel() + "@conn>";
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(settings.from(), true));
            mail.setRecipients(Message.RecipientType.TO, addresses(settings.recipients()));
            mail.setSubject(m.subject(), StandardCharsets.UTF_8.name());
            mail.setText(m.body(), StandardCharsets.UTF_8.name());
            if (password != null && settings.username() != null) {
                Transport.send(mail, settings.username(), password);
            } else {
                Transport.send(mail);
            }
            return new Delivery.Sent(Optional.empty());
        } catch (AddressException e) {
            return new Delivery.Failed("an e-mail address is not valid: " + e.getRef());
        } catch (AuthenticationFailedException e) {
            return new Delivery.Failed("the SMTP server refused the user name or password");
        } catch (SendFailedException e) {
            return new Delivery.Failed("the SMTP server refused the recipients: " + e.getMessage());
        } catch (MessagingException e) {
            Throwable cause = e.getNextException() != null ? e.getNextException() : e.getCause();
            boolean offline = cause instanceof ConnectException || cause instanceof UnknownHostException;
            return new Delivery.Retry(
                    (offline ? "cannot reach the SMTP server: " : "SMTP error: ") + e.getMessage(),
                    Optional.empty(),
                    offline || cause instanceof IOException);
        }
    }

    private Properties properties(boolean auth) {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.smtpHost());
        p.put("mail.smtp.port", String.valueOf(settings.smtpPort() == null ? 587 : settings.smtpPort()));
        p.put("mail.smtp.auth", String.valueOf(auth));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT.toMillis()));
        switch (settings.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> {
                // plain SMTP: local test servers only
            }
        }
        return p;
    }

    private static InternetAddress[] addresses(List<String> list) throws AddressException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
    }
}
