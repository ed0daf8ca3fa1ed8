package com.shellguard.connector.adapter.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;

/**
 * A file opened for reading on the target, read ahead while it is read from the start in order, as downloads
 * are: MINA's SFTP server answers one read after the other, each a round trip to the target, so the next
 * chunks are fetched meanwhile through MINA's SFTP client's read-ahead stream. Any other read (a seek, a
 * resumed download, a client re-asking for a short read) ends the read-ahead and goes to the plain channel.
 */
final class ReadAheadChannel implements SeekableByteChannel {

    /** Bytes per read request to the target; MINA's stream keeps several in flight. */
    private static final int CHUNK = 128 * 1024;

    private final SeekableByteChannel plain;
    private final SftpFileSystem target;
    private final String path;
    private InputStream ahead;
    private long aheadPosition;
    private boolean sequential = true;
    private long position;

    ReadAheadChannel(SeekableByteChannel plain, SftpFileSystem target, String path) {
        this.plain = plain;
        this.target = target;
        this.path = path;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (sequential && position == aheadPosition && dst.hasArray()) {
            return readAhead(dst);
        }
        stopReadingAhead();
        plain.position(position);
        int n = plain.read(dst);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /** Fills {@code dst} from the stream (a short answer would make the client re-ask out of order). */
    private int readAhead(ByteBuffer dst) throws IOException {
        if (ahead == null) {
            ahead = target.getClient().read(path, CHUNK, SftpClient.OpenMode.Read);
        }
        int total = 0;
        while (dst.hasRemaining()) {
            int n = ahead.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n < 0) {
                break;
            }
            dst.position(dst.position() + n);
            total += n;
        }
        position += total;
        aheadPosition = position;
        return total == 0 ? -1 : total;
    }

    private void stopReadingAhead() throws IOException {
        sequential = false;
        if (ahead != null) {
            InputStream stream = ahead;
            ahead = null;
            stream.close();
        }
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return plain.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return plain.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            stopReadingAhead();
        } finally {
            plain.close();
        }
    }
}
