package com.shellguard.connector.adapter.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.sshd.sftp.common.SftpConstants;
import org.junit.jupiter.api.Test;

class StatusForClientVersionTest {

    @Test
    void aVersion3ClientGetsOnlyCodesVersion3Defines() {
        assertEquals(SftpConstants.SSH_FX_FAILURE, StatusForClientVersion.within(SftpConstants.SSH_FX_FILE_ALREADY_EXISTS, 3));
        assertEquals(SftpConstants.SSH_FX_NO_SUCH_FILE, StatusForClientVersion.within(SftpConstants.SSH_FX_NOT_A_DIRECTORY, 3));
        assertEquals(SftpConstants.SSH_FX_BAD_MESSAGE, StatusForClientVersion.within(SftpConstants.SSH_FX_INVALID_FILENAME, 3));
        assertEquals(SftpConstants.SSH_FX_FAILURE, StatusForClientVersion.within(SftpConstants.SSH_FX_DIR_NOT_EMPTY, 3));
        assertEquals(SftpConstants.SSH_FX_NO_SUCH_FILE, StatusForClientVersion.within(SftpConstants.SSH_FX_NO_SUCH_PATH, 3));
        assertEquals(SftpConstants.SSH_FX_PERMISSION_DENIED, StatusForClientVersion.within(SftpConstants.SSH_FX_WRITE_PROTECT, 3));
    }

    @Test
    void codesTheClientsVersionDefinesPassUnchanged() {
        assertEquals(SftpConstants.SSH_FX_PERMISSION_DENIED, StatusForClientVersion.within(SftpConstants.SSH_FX_PERMISSION_DENIED, 3));
        assertEquals(SftpConstants.SSH_FX_FILE_ALREADY_EXISTS, StatusForClientVersion.within(SftpConstants.SSH_FX_FILE_ALREADY_EXISTS, 4));
        assertEquals(SftpConstants.SSH_FX_NOT_A_DIRECTORY, StatusForClientVersion.within(SftpConstants.SSH_FX_NOT_A_DIRECTORY, 6));
    }
}
