package com.shellguard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * Files on the target machine (this machine, where the test sshd runs) that belong to the target account,
 * so that whatever a test session tries on them would really succeed if the gateway let it run.
 */
final class TargetFiles {

    private TargetFiles() {
    }

    /** A fresh directory under /tmp owned by the target account. */
    static Path directory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix + "-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        own(dir);
        return dir;
    }

    static void file(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        own(path);
    }

    static void script(Path path, String content) throws IOException {
        file(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        own(path.getParent());
    }

    /** A hard link made by root (the kernel's protected_hardlinks keeps the account from linking a file it does not own). */
    static void hardLink(Path existing, Path link) throws IOException {
        Processes.check(List.of("ln", "-f", existing.toString(), link.toString()));
    }

    private static void own(Path path) throws IOException {
        UserPrincipal account = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(TargetServer.LOGIN);
        Files.setOwner(path, account);
    }
}
