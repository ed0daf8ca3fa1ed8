package com.shellguard.openssh;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/** The public-key types ShellGuard accepts, each with the fields its blob must hold after the type name. */
enum SshKeyType {

    ED25519("ssh-ed25519") {
        @Override
        void readFields(SshWireReader in) {
            ed25519Point(in);
        }
    },
    ECDSA_P256("ecdsa-sha2-nistp256") {
        @Override
        void readFields(SshWireReader in) {
            ecdsaPoint(in, "nistp256", 32);
        }
    },
    ECDSA_P384("ecdsa-sha2-nistp384") {
        @Override
        void readFields(SshWireReader in) {
            ecdsaPoint(in, "nistp384", 48);
        }
    },
    ECDSA_P521("ecdsa-sha2-nistp521") {
        @Override
        void readFields(SshWireReader in) {
            ecdsaPoint(in, "nistp521", 66);
        }
    },
    RSA("ssh-rsa") {
        @Override
        void readFields(SshWireReader in) {
            BigInteger exponent = in.mpint();
            BigInteger modulus = in.mpint();
            if (exponent.signum() <= 0 || !exponent.testBit(0) || modulus.signum() <= 0) {
                throw new IllegalArgumentException("the RSA key data is not a valid public key");
            }
            if (modulus.bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("an RSA key must have at least " + MIN_RSA_BITS + " bits, this one has "
                        + modulus.bitLength());
            }
        }
    },
    SECURITY_KEY_ED25519("sk-ssh-ed25519@openssh.com") {
        @Override
        void readFields(SshWireReader in) {
            ed25519Point(in);
            in.string();
        }
    },
    SECURITY_KEY_ECDSA_P256("sk-ecdsa-sha2-nistp256@openssh.com") {
        @Override
        void readFields(SshWireReader in) {
            ecdsaPoint(in, "nistp256", 32);
            in.string();
        }
    };

    /** OpenSSH refuses shorter RSA keys too. */
    static final int MIN_RSA_BITS = 1024;

    private final String sshName;

    SshKeyType(String sshName) {
        this.sshName = sshName;
    }

    String sshName() {
        return sshName;
    }

    /** Reads what follows the type name in a blob of this type; throws when anything is missing or wrong. */
    abstract void readFields(SshWireReader in);

    static Optional<SshKeyType> named(String sshName) {
        return Arrays.stream(values()).filter(t -> t.sshName.equals(sshName)).findFirst();
    }

    private static void ed25519Point(SshWireReader in) {
        int length = in.string().length;
        if (length != 32) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes, this one has " + length);
        }
    }

    private static void ecdsaPoint(SshWireReader in, String curve, int coordinateBytes) {
        String named = in.text();
        if (!curve.equals(named)) {
            throw new IllegalArgumentException("the key data names curve " + named + ", not " + curve);
        }
        byte[] point = in.string();
        if (point.length != 1 + 2 * coordinateBytes || point[0] != 4) {
            throw new IllegalArgumentException("the key data is not an uncompressed " + curve + " point");
        }
    }
}
