package com.shellguard.export;

import com.shellguard.common.AuditId;
import com.shellguard.common.ConflictException;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.vault.Vault;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Configuring the audit export's destinations, and reading how far behind each is. */
@Stateless
public class AuditExportService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Webhook secrets given by an admin must be at least this long. */
    static final int MIN_SECRET = 16;

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    Vault vault;

    public CreatedExport create(ExportDraft draft, String createdBy) {
        String name = draft.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name is required: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        ExportKind kind = kind(draft.kind());
        ExportUrl url = ExportUrl.parse(draft.url(), kind);
        ExportFormat format = format(draft.format(), kind);
        String ca = ca(draft.ca(), url);
        String secret = null;
        if (kind == ExportKind.WEBHOOK) {
            secret = draft.secret() == null ? generatedSecret() : givenSecret(draft.secret());
        } else if (draft.secret() != null) {
            throw new ValidationException("secret is for webhooks; a syslog destination has none");
        }
        if (find(name) != null) {
            throw new ConflictException("an audit export named " + name + " exists");
        }
        AuditExport export = new AuditExport(AuditId.next(), name, kind, url.uri().toString(), format,
                secret == null ? null : vault.seal(secret), ca, System.currentTimeMillis(), createdBy);
        em.persist(export);
        em.flush();
        return new CreatedExport(new ExportStatus(export, 0, null), draft.secret() == null ? secret : null);
    }

    /** Changes the url, format, ca or secret of a destination; a field left null stays as it is ({@code ""} clears ca). */
    public ExportStatus change(String name, ExportDraft draft) {
        AuditExport export = require(name);
        if (draft.kind() != null && kind(draft.kind()) != export.getKind()) {
            throw new ValidationException("kind cannot change: delete the export and create it again");
        }
        ExportUrl url = ExportUrl.parse(draft.url() != null ? draft.url() : export.getUrl(), export.getKind());
        ExportFormat format = draft.format() != null ? format(draft.format(), export.getKind()) : export.getFormat();
        String ca = draft.ca() == null ? export.getCaPem() : draft.ca().isBlank() ? null : draft.ca();
        ca = ca(ca, url);
        String sealed = export.getSealedSecret();
        if (draft.secret() != null) {
            if (export.getKind() != ExportKind.WEBHOOK) {
                throw new ValidationException("secret is for webhooks; a syslog destination has none");
            }
            sealed = vault.seal(givenSecret(draft.secret()));
        }
        export.change(url.uri().toString(), format, ca, sealed);
        return status(export);
    }

    public List<ExportStatus> list() {
        Map<String, Object[]> pending = new HashMap<>();
        for (Object[] row : em.createQuery("select o.exportId, count(o), min(o.queuedAt) from OutboxEntry o"
                + " where o.deliveredAt is null group by o.exportId", Object[].class).getResultList()) {
            pending.put((String) row[0], row);
        }
        return em.createQuery("select x from AuditExport x where x.purpose = :audit order by x.name", AuditExport.class)
                .setParameter("audit", ExportPurpose.AUDIT).getResultList().stream()
                .map(x -> {
                    Object[] p = pending.get(x.getId());
                    return p == null ? new ExportStatus(x, 0, null) : new ExportStatus(x, ((Number) p[1]).longValue(), ((Number) p[2]).longValue());
                }).toList();
    }

    public ExportStatus get(String name) {
        return status(require(name));
    }

    /** Removes the destination and every event still queued for it. */
    public void delete(String name) {
        AuditExport export = require(name);
        em.createQuery("delete from OutboxEntry o where o.exportId = :id").setParameter("id", export.getId()).executeUpdate();
        em.remove(export);
    }

    private ExportStatus status(AuditExport export) {
        Object[] row = em.createQuery("select count(o), min(o.queuedAt) from OutboxEntry o"
                + " where o.exportId = :id and o.deliveredAt is null", Object[].class)
                .setParameter("id", export.getId()).getSingleResult();
        long count = ((Number) row[0]).longValue();
        return new ExportStatus(export, count, count == 0 || row[1] == null ? null : ((Number) row[1]).longValue());
    }

    private AuditExport require(String name) {
        AuditExport export = find(name);
        if (export == null) {
            throw new NotFoundException("no audit export " + name);
        }
        return export;
    }

    private AuditExport find(String name) {
        return em.createQuery("select x from AuditExport x where x.name = :name and x.purpose = :audit", AuditExport.class)
                .setParameter("name", name).setParameter("audit", ExportPurpose.AUDIT).getResultStream().findFirst().orElse(null);
    }

    private static ExportKind kind(String kind) {
        if (kind == null) {
            throw new ValidationException("kind is required: syslog or webhook");
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "syslog" -> ExportKind.SYSLOG;
            case "webhook" -> ExportKind.WEBHOOK;
            default -> throw new ValidationException("kind must be syslog or webhook, not " + kind);
        };
    }

    private static ExportFormat format(String format, ExportKind kind) {
        if (format == null) {
            return kind == ExportKind.SYSLOG ? ExportFormat.RFC5424 : ExportFormat.JSON;
        }
        ExportFormat f = switch (format.toLowerCase(Locale.ROOT)) {
            case "rfc5424" -> ExportFormat.RFC5424;
            case "json" -> ExportFormat.JSON;
            default -> throw new ValidationException("format must be rfc5424 or json, not " + format);
        };
        if (kind == ExportKind.WEBHOOK && f != ExportFormat.JSON) {
            throw new ValidationException("a webhook's format is json");
        }
        return f;
    }

    private static String ca(String ca, ExportUrl url) {
        if (ca == null) {
            return null;
        }
        if (!url.tls()) {
            throw new ValidationException("ca is for syslog+tls:// and https:// destinations");
        }
        TlsTrust.certificates(ca);
        return ca;
    }

    private static String givenSecret(String secret) {
        if (secret.length() < MIN_SECRET || secret.length() > 256) {
            throw new ValidationException("secret must be " + MIN_SECRET + " to 256 characters");
        }
        return secret;
    }

    private static String generatedSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
