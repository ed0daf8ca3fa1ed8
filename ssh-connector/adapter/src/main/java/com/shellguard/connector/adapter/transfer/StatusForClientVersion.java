package com.shellguard.connector.adapter.transfer;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpHelper;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * The status code of a failed SFTP request, in the protocol version the client negotiated. MINA's server answers a
 * failure with the code that fits its exception best, whatever the version: a directory that exists is
 * {@code SSH_FX_FILE_ALREADY_EXISTS} (11), a file listed as a directory {@code SSH_FX_NOT_A_DIRECTORY} (19). Version 3,
 * which OpenSSH, PuTTY, sshfs and the Python clients speak, defines codes 0 to 8 only, so those clients showed
 * "Unknown status" (OpenSSH) or "unknown error code" (psftp) where the target itself says "Failure". A code the
 * client's version lacks becomes the one OpenSSH's sftp-server sends for the same error in version 3: a missing path,
 * a file where a directory should be and a symlink loop {@code SSH_FX_NO_SUCH_FILE}, refusals
 * {@code SSH_FX_PERMISSION_DENIED}, a bad name or parameter {@code SSH_FX_BAD_MESSAGE}, everything else (an existing
 * file, a directory not empty) {@code SSH_FX_FAILURE}. The message keeps the precise reason ("File already exists").
 */
final class StatusForClientVersion implements SftpErrorStatusDataHandler {

    @Override
    public int resolveSubStatus(SftpSubsystemEnvironment sftp, int id, Throwable e, int cmd, Object... args) {
        return within(SftpHelper.resolveSubstatus(e), sftp.getVersion());
    }

    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus, int cmd,
                                      Object... args) {
        return SftpHelper.resolveStatusMessage(SftpHelper.resolveSubstatus(e));
    }

    /** {@code code} if {@code version} defines it, else the nearest code it does. */
    static int within(int code, int version) {
        if (code <= highestCode(version)) {
            return code;
        }
        return switch (code) {
            case SftpConstants.SSH_FX_NO_SUCH_PATH, SftpConstants.SSH_FX_NOT_A_DIRECTORY, SftpConstants.SSH_FX_LINK_LOOP ->
                    SftpConstants.SSH_FX_NO_SUCH_FILE;
            case SftpConstants.SSH_FX_WRITE_PROTECT, SftpConstants.SSH_FX_CANNOT_DELETE -> SftpConstants.SSH_FX_PERMISSION_DENIED;
            case SftpConstants.SSH_FX_INVALID_FILENAME, SftpConstants.SSH_FX_INVALID_PARAMETER -> SftpConstants.SSH_FX_BAD_MESSAGE;
            default -> SftpConstants.SSH_FX_FAILURE;
        };
    }

    /** The last status code each draft defines: 3 ends at OP_UNSUPPORTED, 4 at NO_MEDIA, 5 at LOCK_CONFLICT. */
    private static int highestCode(int version) {
        return switch (version) {
            case SftpConstants.SFTP_V3 -> SftpConstants.SSH_FX_OP_UNSUPPORTED;
            case SftpConstants.SFTP_V4 -> SftpConstants.SSH_FX_NO_MEDIA;
            case SftpConstants.SFTP_V5 -> SftpConstants.SSH_FX_LOCK_CONFLICT;
            default -> Integer.MAX_VALUE;
        };
    }
}
