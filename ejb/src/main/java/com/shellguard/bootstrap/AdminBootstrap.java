package com.shellguard.bootstrap;

import com.shellguard.common.Clock;
import com.shellguard.common.Settings;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import com.shellguard.user.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On the first start of a gateway (no admin account yet) creates {@code admin}, with the configured
 * password or a generated one printed once. Several nodes starting together against one database race
 * here; the unique user name lets exactly one win and the others carry on.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String BANNER = "=".repeat(100);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    @Inject
    UserRepository users;

    @Inject
    Settings settings;

    @Resource
    UserTransaction tx;

    @PostConstruct
    void ensureAdmin() {
        try {
            createAdminIfNone();
        } catch (Exception e) {
            rollBack();
            if (adminExists()) {
                LOG.info("ShellGuard: another node created the admin account first");
            } else {
                LOG.log(Level.WARNING, "ShellGuard: could not create the admin account", e);
            }
        }
    }

    private void createAdminIfNone() throws Exception {
        tx.begin();
        if (users.countWithRole(Role.ADMIN) > 0) {
            tx.commit();
            return;
        }
        boolean generated = settings.adminPassword().isEmpty();
        String password = settings.adminPassword().orElseGet(AdminBootstrap::randomPassword);
        GatewayUser admin = new GatewayUser("admin", Clock.now());
        admin.setRole(Role.ADMIN);
        admin.changePassword(password);
        users.add(admin);
        tx.commit();
        if (generated) {
            System.out.println(BANNER + "\nShellGuard: created admin account \"admin\" with password: " + password
                    + " (shown only once)\n" + BANNER);
        } else {
            LOG.info("ShellGuard: created admin account \"admin\" with the configured password");
        }
    }

    private boolean adminExists() {
        try {
            return users.countWithRole(Role.ADMIN) > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void rollBack() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.FINE, "rollback after a failed admin creation", e);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
