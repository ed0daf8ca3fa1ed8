package com.shellguard.connector.adapter.transfer;

import java.nio.file.AccessDeniedException;

/**
 * A file operation refused because it would change one of the login's protected files; MINA answers it as
 * permission denied with this message (SFTP status, scp error line), and the audit records it as refused.
 */
final class ProtectedFileRefused extends AccessDeniedException {

    ProtectedFileRefused(String message) {
        super(null, null, message);
    }

    @Override
    public String getMessage() {
        return getReason();
    }
}
