package dev.conn.comms.net;

import dev.conn.comms.Channel;
import dev.conn.comms.Delivery;
import dev.conn.comms.OutboxMessage;
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
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends a message as plain-text e-mail over SMTP with Jakarta Mail (Eclipse Angus Mail,
 * https://eclipse-ee4j.github.io/angus-mail/). STARTTLS is required when chosen (RFC 3207), TLS
 * means implicit TLS (RFC 8314). The password is a secret reference resolved per send. The {@code
 * Message-ID} is derived from the outbox row ({@code <messageId.channel@conn>}), so a resend after
 * an unknown delivery carries the same id and mail systems can spot the duplicate. Authentication
 * failures and refused recipients are terminal; failures before {@code DATA} are retried (a failed
 * connect does not count as an attempt); a connection lost after the whole message went out and
 * before the server's answer makes the message delivery-unknown (ADR 0009), since SMTP servers do
 * not de-duplicate.
 */
public final class EmailClient implements Channel {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int BEFORE_DATA = 0;
    private static final int IN_DATA = 1;
    private static final int AFTER_DATA = 2;

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
                return new Delivery.NotSent(e.getMessage(), false);
            }
        }
        Session session = Session.getInstance(properties(password != null && settings.username() != null));
        // how far the SMTP dialogue got: the transport calls writeTo only after DATA was accepted
        // (354), and the message is complete once writeTo returns (RFC 5321 section 4.1.1.4)
        AtomicInteger stage = new AtomicInteger(BEFORE_DATA);
        try {
            String messageId = "<" + m.messageId() + "." + m.channel() + "@conn>";
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }

                @Override
                public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
                    stage.set(IN_DATA);
                    super.writeTo(os, ignoreList);
                    stage.set(AFTER_DATA);
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
            int code = e instanceof SMTPSendFailedException sf ? sf.getReturnCode() : 550;
            if (code >= 500) {
                return new Delivery.Failed("the SMTP server refused "
                        + (stage.get() == AFTER_DATA ? "the message: " : "the recipients: ") + e.getMessage());
            }
            if (code >= 400) {
                // 4yz: a transient refusal (RFC 5321 section 4.2.1); nothing was accepted
                return new Delivery.Retry("SMTP error: " + e.getMessage(), Optional.empty(), false);
            }
            // no reply code at all: the connection ended, as below
            return lost(e, stage.get());
        } catch (MessagingException e) {
            return lost(e, stage.get());
        }
    }

    /** A dialogue that ended without an answer, by how far it got. */
    private static Delivery lost(MessagingException e, int stage) {
        Throwable cause = e.getNextException() != null ? e.getNextException() : e.getCause();
        boolean offline = cause instanceof ConnectException || cause instanceof UnknownHostException;
        if (stage == AFTER_DATA) {
            // the whole message went out after DATA and the server's answer was lost: it may
            // have been accepted, and mail servers do not de-duplicate (ADR 0009)
            return new Delivery.Unknown("the SMTP server did not confirm the message after it was sent ("
                    + e.getMessage() + "): it may have arrived");
        }
        if (stage == BEFORE_DATA && offline) {
            return new Delivery.NotSent("cannot reach the SMTP server: " + e.getMessage(), true);
        }
        return new Delivery.Retry(
                "SMTP error: " + e.getMessage() + (stage == IN_DATA ? " (cut off while sending)" : ""),
                Optional.empty(),
                false);
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
