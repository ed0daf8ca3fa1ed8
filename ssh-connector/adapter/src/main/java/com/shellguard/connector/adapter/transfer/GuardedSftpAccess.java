package com.shellguard.connector.adapter.transfer;

import com.shellguard.connector.adapter.transfer.ProtectedFiles.Reach;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.nio.file.CopyOption;
import java.nio.file.LinkOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * MINA's file access for the SFTP server, with every operation that changes the target's tree checked against
 * the login's {@link ProtectedFiles} first: opening for writing (truncation by setstat included), renames (either
 * name), removal, links (the link's own name, and a symlink's or hard link's target), attribute changes. A
 * refusal throws {@link ProtectedFileRefused}, which the client gets as permission denied with its reason.
 * Files opened only for reading are read ahead ({@link ReadAheadChannel}).
 */
final class GuardedSftpAccess implements SftpFileSystemAccessor {

    private final ProtectedFiles protectedFiles;

    GuardedSftpAccess(ProtectedFiles protectedFiles) {
        this.protectedFiles = protectedFiles;
    }

    static boolean writes(Set<? extends OpenOption> options) {
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
                || options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW)
                || options.contains(StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                                        Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (writes(options)) {
            protectedFiles.check(file, options.contains(LinkOption.NOFOLLOW_LINKS) ? Reach.ENTRY : Reach.FOLLOWING, "writing");
        }
        SeekableByteChannel channel = SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, attrs);
        return !writes(options) && file.getFileSystem() instanceof SftpFileSystem target
                ? new ReadAheadChannel(channel, target, file.toAbsolutePath().toString()) : channel;
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
            throws IOException {
        protectedFiles.check(oldPath, Reach.ENTRY, "renaming");
        protectedFiles.check(newPath, Reach.ENTRY, "renaming onto");
        SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
    }

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts) throws IOException {
        protectedFiles.check(dst, Reach.FOLLOWING, "copying onto");
        SftpFileSystemAccessor.super.copyFile(subsystem, src, dst, opts);
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        protectedFiles.check(path, Reach.ENTRY, "removing");
        SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
        protectedFiles.check(link, Reach.ENTRY, symLink ? "creating the symlink" : "creating the link");
        protectedFiles.checkLinkTarget(link, existing, symLink ? "creating the symlink" : "creating the link");
        SftpFileSystemAccessor.super.createLink(subsystem, link, existing, symLink);
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                 LinkOption... options) throws IOException {
        protectedFiles.check(file, reach(options), "changing " + attribute + " of");
        SftpFileSystemAccessor.super.setFileAttribute(subsystem, file, view, attribute, value, options);
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        protectedFiles.check(file, reach(options), "changing the owner of");
        SftpFileSystemAccessor.super.setFileOwner(subsystem, file, value, options);
    }

    @Override
    public void setGroupOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        protectedFiles.check(file, reach(options), "changing the group of");
        SftpFileSystemAccessor.super.setGroupOwner(subsystem, file, value, options);
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> perms,
                                   LinkOption... options) throws IOException {
        protectedFiles.check(file, reach(options), "changing the permissions of");
        SftpFileSystemAccessor.super.setFilePermissions(subsystem, file, perms, options);
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl, LinkOption... options)
            throws IOException {
        protectedFiles.check(file, reach(options), "changing the access control of");
        SftpFileSystemAccessor.super.setFileAccessControl(subsystem, file, acl, options);
    }

    private static Reach reach(LinkOption... options) {
        return List.of(options).contains(LinkOption.NOFOLLOW_LINKS) ? Reach.ENTRY : Reach.FOLLOWING;
    }
}
