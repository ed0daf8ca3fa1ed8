package com.shellguard.connector.adapter.upstream;

import com.shellguard.connector.api.StartupFileReport;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Reads the SHA-256 of a login's startup and key files over one SFTP session on the session's own upstream connection,
 * before anything of the gateway's runs there, where the hook's installer does not hash them in its own round trip
 * (file transfers, which install no hook; a target without {@code sha256sum}): the files a shell or sshd runs or trusts on the login's behalf before
 * any hook could be armed. Paths are relative to the login's home, where an SFTP session starts. A file that does not
 * exist is {@link StartupFileReport#ABSENT}; one that cannot be read is reported as such, which counts as a change.
 *
 * <p>Cost: one SFTP channel and, per file, an open, its reads and a close (an absent file one round trip), on a
 * connection already open. Limit: what this reads is what the target's SFTP server says. Where it is an external
 * {@code sftp-server} that sshd starts through the login's shell, the login's {@code ~/.bashrc} (Debian's bash reads
 * it for sshd's commands) and {@code ~/.ssh/rc} run first and can answer for the files; {@code internal-sftp} runs
 * nothing of the login's but {@code ~/.ssh/rc}. So this detects a change made by someone who does not hide it from
 * this check; it prevents nothing, since those files have already run for this session by the time anything reads them.
 */
public final class StartupFileReader {

    /** The files read, relative to the login's home. */
    public static final List<String> FILES = List.of(".bashrc", ".bash_profile", ".bash_login", ".profile",
            ".bash_aliases", ".bash_completion", ".bash_logout", ".zshenv", ".zshrc", ".zprofile", ".zlogin", ".zlogout",
            ".pam_environment", ".ssh/authorized_keys", ".ssh/authorized_keys2", ".ssh/rc", ".ssh/environment");

    private StartupFileReader() {
    }

    /**
     * The state of every file of {@link #FILES}, by path; throws when no SFTP session can be had at all.
     * {@code sftpCommand}: null to read through sshd's sftp subsystem as the connection's account, else the command
     * that starts an sftp-server as the session's login (the privileged tier).
     */
    public static Map<String, String> read(ClientSession upstream, String sftpCommand) throws IOException {
        Map<String, String> state = new LinkedHashMap<>();
        try (SftpClient sftp = ExecSftpClientFactory.of(sftpCommand).createSftpClient(upstream)) {
            for (String file : FILES) {
                state.put(file, hash(sftp, file));
            }
        }
        return state;
    }

    private static String hash(SftpClient sftp, String file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = sftp.read(file)) {
            byte[] buffer = new byte[32 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return StartupFileReport.ABSENT;
            }
            return "unreadable: " + e.getMessage();
        }
    }
}
