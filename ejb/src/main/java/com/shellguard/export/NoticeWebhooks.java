package com.shellguard.export;

import com.shellguard.vault.Vault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Webhooks of the gateway's own notices (an access request filed, decided, expired), delivered by the audit export's
 * outbox and worker, so they get its guarantees: a notice is queued in the transaction of the step it tells of, and
 * sent after it committed, retried with backoff while the receiver is down, across restarts, at least once and in
 * order. One destination per {@link ExportPurpose}. Its secret is sealed by the vault; without one the notices go
 * unsigned. {@value WebhookSignature#EVENT_HEADER} carries the notice's name ({@code access-request.approved}); the
 * body carries an {@code id} for a receiver to drop a repeated delivery.
 */
@ApplicationScoped
public class NoticeWebhooks {

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    Vault vault;

    /**
     * A configured notice webhook: where it goes, whether it is signed (its sealed secret stands for it in the admin
     * audit, which compares it and never shows it), and how far behind its delivery is.
     */
    public record Webhook(String url, boolean signed, String sealedSecret, ExportStatus delivery) {
    }

    public Optional<Webhook> get(ExportPurpose purpose) {
        AuditExport x = em.find(AuditExport.class, purpose.destinationId());
        if (x == null) {
            return Optional.empty();
        }
        Object[] row = em.createQuery("select count(o), min(o.queuedAt) from OutboxEntry o"
                        + " where o.exportId = :id and o.deliveredAt is null", Object[].class)
                .setParameter("id", x.getId()).getSingleResult();
        long pending = ((Number) row[0]).longValue();
        return Optional.of(new Webhook(x.getUrl(), x.getSealedSecret() != null, x.getSealedSecret(),
                new ExportStatus(x, pending, pending == 0 || row[1] == null ? null : ((Number) row[1]).longValue())));
    }

    /**
     * Sends the purpose's notices to {@code url} (checked as an audit export's webhook URL is), signed with
     * {@code secret} (null: unsigned). Notices still queued go to the new address.
     */
    public void set(ExportPurpose purpose, String url, String secret, String by) {
        String checked = ExportUrl.parse(url, ExportKind.WEBHOOK).uri().toString();
        String sealed = secret == null ? null : vault.seal(secret);
        AuditExport x = em.find(AuditExport.class, purpose.destinationId());
        if (x == null) {
            em.persist(AuditExport.notices(purpose, checked, sealed, System.currentTimeMillis(), by));
        } else {
            x.change(checked, ExportFormat.JSON, null, sealed);
        }
    }

    /** Sends the purpose's notices to {@code url} instead, signed as before; false when it has no webhook. */
    public boolean moveTo(ExportPurpose purpose, String url) {
        AuditExport x = em.find(AuditExport.class, purpose.destinationId());
        if (x == null) {
            return false;
        }
        x.change(ExportUrl.parse(url, ExportKind.WEBHOOK).uri().toString(), ExportFormat.JSON, null, x.getSealedSecret());
        return true;
    }

    /** Removes the purpose's webhook and the notices still queued for it. */
    public void remove(ExportPurpose purpose) {
        AuditExport x = em.find(AuditExport.class, purpose.destinationId());
        if (x != null) {
            em.createQuery("delete from OutboxEntry o where o.exportId = :id").setParameter("id", x.getId()).executeUpdate();
            em.remove(x);
        }
    }

    /** Queues a notice in the caller's transaction; false (nothing queued) when the purpose has no webhook. */
    public boolean queue(ExportPurpose purpose, String name, String body) {
        AuditExport x = em.find(AuditExport.class, purpose.destinationId());
        if (x == null) {
            return false;
        }
        em.persist(new OutboxEntry(x.getId(), name, name.length() > 32 ? name.substring(0, 32) : name,
                AuditEventPublisher.nextPosition(), System.currentTimeMillis(), body));
        return true;
    }
}
