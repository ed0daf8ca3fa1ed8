package com.shellguard.openssh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the SSH wire encoding (RFC 4251 section 5) of a key blob; any shortfall is a refusal. */
final class SshWireReader {

    private final byte[] data;
    private int position;

    SshWireReader(byte[] data) {
        this.data = data;
    }

    byte[] string() {
        if (data.length - position < 4) {
            throw new IllegalArgumentException("the key data is truncated");
        }
        int length = (data[position] & 0xff) << 24 | (data[position + 1] & 0xff) << 16
                | (data[position + 2] & 0xff) << 8 | (data[position + 3] & 0xff);
        position += 4;
        if (length < 0 || length > data.length - position) {
            throw new IllegalArgumentException("the key data is truncated");
        }
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    String text() {
        return new String(string(), StandardCharsets.US_ASCII);
    }

    BigInteger mpint() {
        byte[] value = string();
        return value.length == 0 ? BigInteger.ZERO : new BigInteger(value);
    }

    void end() {
        if (position != data.length) {
            throw new IllegalArgumentException("the key data has " + (data.length - position) + " bytes too many");
        }
    }
}
