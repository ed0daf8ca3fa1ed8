package com.shellguard.bootstrap;

import com.shellguard.common.Clock;
import com.shellguard.common.Settings;
import com.shellguard.user.GatewayUser;
import com.shellguard.user.Role;
import com.shellguard.user.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.annotation.Resource;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
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
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    UserRepository users;

    @Inject
    Settings settings;

    @Resource
    UserTransaction tx;

    @PostConstruct
    void ensureAdmin() {
        try {
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
                System.out.println("ShellGuard: created admin account \"admin\" with password: " + password + " (shown only once)");
            } else {
                LOG.info("ShellGuard: created admin account \"admin\" with the configured password");
            }
        } catch (Exception e) {
            try {
                tx.rollback();
            } catch (Exception ignored) {
                // nothing was written
            }
            LOG.log(Level.INFO, "ShellGuard: admin account not created here (another node may have created it): " + e.getMessage());
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
