package com.shellguard.connector.adapter.transfer;

import com.shellguard.connector.adapter.upstream.StartupFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * The login's startup and key files, which a file transfer may not change: they run, or decide who may log in,
 * before anything the gateway controls. Paths are compared as the target resolves them, through its own
 * {@code realpath} over the session's SFTP connection: the login's home as the target reports it, the protected
 * files and the path an operation touches, each resolved afresh for every operation, so a symlink or a renamed
 * {@code ~/.ssh} leads nowhere new.
 *
 * <p>Two resolutions, as the file system applies them: an operation that follows a final symlink (opening for
 * writing, chmod) is judged on the fully resolved path; one that acts on the directory entry itself (rename,
 * remove, creating a link) on the resolved parent plus the entry's name.
 *
 * <p>Limit: the check and the operation are two requests; a process of the login that swaps a symlink between
 * them (a shell session running at the same time) wins the race. Such a process can write the file directly
 * anyway; what keeps those files honest there is the session's own command control, not this check.
 */
final class ProtectedFiles {

    /** Relative to the login's home: the files whose state the gateway also checks at every session start. */
    static final List<String> NAMES = StartupFileReader.FILES;
    private static final String KEY_DIRECTORY = ".ssh";

    private volatile SftpFileSystem target;

    /** The target's file system, once the session has connected; nothing is checked before (nothing can be done). */
    void attach(SftpFileSystem fileSystem) {
        target = fileSystem;
    }

    /** How an operation reaches its path. */
    enum Reach {
        /** Through a final symlink: opening, chmod. */
        FOLLOWING,
        /** The directory entry itself: rename, remove, link creation. */
        ENTRY
    }

    /**
     * Throws {@link ProtectedFileRefused} when the operation on {@code path} would change a protected file or the
     * login's {@code ~/.ssh} directory itself.
     */
    void check(Path path, Reach reach, String operation) throws IOException {
        SftpFileSystem target = this.target;
        String resolved = reach == Reach.FOLLOWING ? followed(target, path) : entry(target, path);
        Protection protection = protection(target);
        if (protection.files().contains(resolved) || (reach == Reach.ENTRY && protection.keyDirectory().contains(resolved))) {
            throw new ProtectedFileRefused(operation + " " + path + " refused: it is one of the login's protected startup and key files");
        }
    }

    /** Throws when a symlink pointing at {@code linkTarget} (as written, relative to {@code link}'s directory) reaches a protected file. */
    void checkLinkTarget(Path link, Path linkTarget, String operation) throws IOException {
        SftpFileSystem target = this.target;
        Path linkPath = absolute(target, link);
        Path absolute = linkTarget.isAbsolute() ? target.getPath(linkTarget.toString())
                : linkPath.getParent().resolve(target.getPath(linkTarget.toString()));
        String resolved = followed(target, absolute);
        Protection protection = protection(target);
        if (protection.files().contains(resolved) || protection.keyDirectory().contains(resolved)) {
            throw new ProtectedFileRefused(operation + " " + link + " -> " + linkTarget
                    + " refused: it points at the login's protected startup and key files");
        }
    }

    private record Protection(Set<String> files, Set<String> keyDirectory) {
    }

    /**
     * Each protected file both as the entry in the home and as what that entry resolves to (a dotfile linked
     * elsewhere); the home and {@code ~/.ssh} are resolved once, so this costs one request per file.
     */
    private static Protection protection(SftpFileSystem target) throws IOException {
        Path home = target.getDefaultDir();
        String homeReal = realpath(target, absolute(target, home).toString());
        Path keys = home.resolve(KEY_DIRECTORY);
        String keysEntry = child(homeReal, KEY_DIRECTORY);
        String keysReal = followed(target, keys, keysEntry);
        Set<String> files = new LinkedHashSet<>();
        for (String name : NAMES) {
            String entry = name.startsWith(KEY_DIRECTORY + "/")
                    ? child(keysReal, name.substring(KEY_DIRECTORY.length() + 1)) : child(homeReal, name);
            files.add(entry);
            files.add(followed(target, home.resolve(name), entry));
        }
        return new Protection(files, new HashSet<>(List.of(keysEntry, keysReal)));
    }

    private static String child(String directory, String name) {
        return (directory.endsWith("/") ? directory : directory + "/") + name;
    }

    /** {@link #followed(SftpFileSystem, Path)} where the entry is known already: a missing file is its entry. */
    private static String followed(SftpFileSystem target, Path path, String entry) throws IOException {
        try {
            return realpath(target, absolute(target, path).toString());
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE && e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_PATH) {
                throw e;
            }
            return entry;
        }
    }

    /** The target's real path of {@code path}, following every symlink; for a missing file, its resolved parent plus its name. */
    private static String followed(SftpFileSystem target, Path path) throws IOException {
        Path absolute = absolute(target, path);
        try {
            return realpath(target, absolute.toString());
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE && e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_PATH) {
                throw e;
            }
            return entry(target, absolute);
        }
    }

    /** The target's real path of {@code path}'s directory plus its own name, unresolved. */
    private static String entry(SftpFileSystem target, Path path) throws IOException {
        Path absolute = absolute(target, path);
        Path parent = absolute.getParent();
        Path name = absolute.getFileName();
        if (parent == null || name == null) {
            return absolute.toString();
        }
        return child(followed(target, parent), name.toString());
    }

    /**
     * The path made absolute as written, not normalised: the target resolves {@code a/link/../b} by following
     * {@code link} first and only then going up, so collapsing {@code ..} as text here would check another file
     * than the one the operation reaches.
     */
    private static Path absolute(SftpFileSystem target, Path path) {
        Path inTarget = path.getFileSystem() == target ? path : target.getPath(path.toString());
        return inTarget.toAbsolutePath();
    }

    private static String realpath(SftpFileSystem target, String path) throws IOException {
        SftpClient client = target.getClient();
        try {
            return client.canonicalPath(path);
        } finally {
            client.close();
        }
    }
}
