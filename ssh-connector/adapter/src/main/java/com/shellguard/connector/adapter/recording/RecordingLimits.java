package com.shellguard.connector.adapter.recording;

import com.shellguard.connector.adapter.runtime.GatewaySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What a watched user's output may cost the node's disk. A session prints as much as it likes, and its recording
 * grows with it (a 300 MB burst of random bytes made a 710 MB recording), so one session could fill the volume
 * that also holds the node's H2 database and its audit spool. Two bounds, each a setting, each ending the
 * recording (never the session) with an alert: {@code SHELLGUARD_RECORDING_MAX_MB} of output recorded per session (window changes and markers
 * count as the lines they write)
 * (default 4096, room for a recorded 1 GiB text download and more), and {@code SHELLGUARD_RECORDING_MIN_FREE_MB}
 * left free on the recordings volume (default 1024), checked at most once a second per session. 0 turns a bound off.
 *
 * <p>Limit: the free-space floor protects what shares the volume only from recordings; it is no quota on the
 * volume, and sessions already past a check may still write up to a second of output each.
 */
public record RecordingLimits(long maxOutputBytes, long minFreeBytes, LongSupplier usableBytes) {

    static final long MIB = 1024L * 1024;

    public static RecordingLimits fromEnvironment(Path directory) {
        FileStore store;
        try {
            store = Files.getFileStore(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot see the volume of the recordings directory " + directory, e);
        }
        return new RecordingLimits(mebibytes("shellguard.recording.max.mb", "SHELLGUARD_RECORDING_MAX_MB", 4096),
                mebibytes("shellguard.recording.min.free.mb", "SHELLGUARD_RECORDING_MIN_FREE_MB", 1024), () -> {
                    try {
                        return store.getUsableSpace();
                    } catch (IOException e) {
                        return Long.MAX_VALUE; // a volume that cannot be asked is not taken for full
                    }
                });
    }

    /** No bound: tests of what a recording holds. */
    static RecordingLimits none() {
        return new RecordingLimits(0, 0, () -> Long.MAX_VALUE);
    }

    private static long mebibytes(String property, String variable, long fallback) {
        String text = GatewaySettings.value(property, variable, String.valueOf(fallback));
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > Long.MAX_VALUE / MIB) {
                throw new NumberFormatException();
            }
            return value * MIB;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number of MiB, 0 or more (0: no bound); it is '" + text + "'");
        }
    }
}
