package com.shellguard.totp;

import com.shellguard.adminaudit.AdminChangeRecorder;
import com.shellguard.adminaudit.ChangeFields;
import com.shellguard.common.Clock;
import com.shellguard.common.ConflictException;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import com.shellguard.vault.Vault;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Enrolling, confirming, removing and checking accounts' TOTP second factors. A new enrolment asks nothing until
 * its owner confirms it with a code, so a secret that never reached an app locks nobody out. A code is accepted
 * for the current 30-second step and one step either side (clock skew), and once: the row is locked while it is
 * checked and remembers the last step used. Recovery codes are random, stored as SHA-256 hashes, and each works
 * once. Callers check that the account exists; this knows names only.
 */
@Stateless
public class TotpEnrolments {

    @Inject
    AdminChangeRecorder changes;

    public static final String ISSUER = "ShellGuard";
    public static final int RECOVERY_CODES = 10;

    private static final int SECRET_BYTES = 20;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final Pattern CODE = Pattern.compile("\\d{" + TotpCode.DIGITS + "}");
    private static final Pattern RECOVERY = Pattern.compile("[a-z0-9]{10}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "shellguard")
    EntityManager em;

    @Inject
    Vault vault;

    /** A new secret and recovery codes for {@code username}, pending until confirmed; replaces a pending one. */
    public TotpIssued enrol(String username) {
        TotpEnrolment existing = em.find(TotpEnrolment.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null && existing.isConfirmed()) {
            throw new ConflictException(username + " has a second factor already; DELETE it first to enrol a new one");
        }
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        String secret = Base32.encode(key);
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
            hashes.add(hash(code));
        }
        TotpEnrolment enrolment = new TotpEnrolment(username, vault.seal(secret), hashes, Clock.now());
        em.persist(enrolment);
        changes.record("totp", username, "enrol", existing == null ? null : fields(existing), fields(enrolment));
        return new TotpIssued(username, secret, uri(username, secret), codes);
    }

    /** Makes a pending enrolment active once its owner shows a code of it. */
    public void confirm(String username, String code) {
        TotpEnrolment enrolment = locked(username);
        if (enrolment == null) {
            throw new NotFoundException(username + " has no second factor to confirm; enrol first");
        }
        if (enrolment.isConfirmed()) {
            throw new ConflictException(username + "'s second factor is confirmed already");
        }
        String offered = normalised(code);
        long step = matchingStep(enrolment, offered);
        if (step < 0) {
            throw new ValidationException("code does not match the secret (is the device's clock right?)");
        }
        ChangeFields before = fields(enrolment);
        enrolment.used(step);
        enrolment.confirm(Clock.now());
        changes.record("totp", username, "confirm", before, fields(enrolment));
    }

    /** Removes the account's second factor, active or pending; true if there was one. */
    public boolean remove(String username) {
        TotpEnrolment enrolment = em.find(TotpEnrolment.class, username);
        if (enrolment == null) {
            return false;
        }
        changes.record("totp", username, "remove", fields(enrolment), null);
        em.remove(enrolment);
        return true;
    }

    /** An enrolment as the admin audit shows it: its seed only as set or changed. */
    private static ChangeFields fields(TotpEnrolment enrolment) {
        return ChangeFields.of().put("active", enrolment.isConfirmed()).put("recoveryCodesLeft", enrolment.recoveryCodesLeft())
                .secret("secret", enrolment.sealedSecret());
    }

    /** Whether the account has a confirmed second factor, which every login of it must then show. */
    public boolean isActive(String username) {
        TotpEnrolment enrolment = em.find(TotpEnrolment.class, username);
        return enrolment != null && enrolment.isConfirmed();
    }

    /** Whether the account has an enrolment waiting for its confirming code. */
    public boolean isPending(String username) {
        TotpEnrolment enrolment = em.find(TotpEnrolment.class, username);
        return enrolment != null && !enrolment.isConfirmed();
    }

    /**
     * Checks a code (or a recovery code) offered as the account's second factor, and spends it: a code of a step at
     * or before the last one accepted is a replay, a recovery code is gone once used.
     */
    public TotpCheck check(String username, String code) {
        TotpEnrolment enrolment = locked(username);
        if (enrolment == null || !enrolment.isConfirmed()) {
            return TotpCheck.TOTP_NOT_ENROLLED;
        }
        String offered = normalised(code);
        if (CODE.matcher(offered).matches()) {
            long step = matchingStep(enrolment, offered);
            if (step < 0) {
                return TotpCheck.TOTP_INVALID;
            }
            if (step <= enrolment.lastStep()) {
                return TotpCheck.TOTP_REPLAYED;
            }
            enrolment.used(step);
            return TotpCheck.ACCEPTED;
        }
        if (RECOVERY.matcher(offered).matches() && enrolment.spendRecoveryCode(hash(offered))) {
            return TotpCheck.RECOVERY_CODE;
        }
        return TotpCheck.TOTP_INVALID;
    }

    /** The recovery codes an account has not used yet; 0 without an active second factor. */
    public int recoveryCodesLeft(String username) {
        TotpEnrolment enrolment = em.find(TotpEnrolment.class, username);
        return enrolment == null || !enrolment.isConfirmed() ? 0 : enrolment.recoveryCodesLeft();
    }

    private TotpEnrolment locked(String username) {
        return em.find(TotpEnrolment.class, username, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The step of the window (now and one either side) whose code is {@code offered}, preferring one not used; -1 if none. */
    private long matchingStep(TotpEnrolment enrolment, String offered) {
        if (!CODE.matcher(offered).matches()) {
            return -1;
        }
        byte[] key = Base32.decode(vault.open(enrolment.sealedSecret()));
        long now = TotpCode.step(Instant.now());
        long found = -1;
        for (long step = now - 1; step <= now + 1; step++) {
            if (TotpCode.matches(key, step, offered) && (found < 0 || found <= enrolment.lastStep())) {
                found = step;
            }
        }
        return found;
    }

    private static String normalised(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String hash(String recoveryCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(recoveryCode.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key URI format authenticator apps read (Google Authenticator's, which the others follow). */
    static String uri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits="
                + TotpCode.DIGITS + "&period=" + TotpCode.STEP_SECONDS;
    }
}
