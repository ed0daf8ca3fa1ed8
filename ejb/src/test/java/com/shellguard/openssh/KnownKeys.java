package com.shellguard.openssh;

/** Keys made with ssh-keygen, shared by the tests; the fingerprints the tests expect are what {@code ssh-keygen -lf} printed. */
public final class KnownKeys {

    public static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGMfyZ7uuwd3nWKr5V2Y3PXkeAAGQjL2ihDhNxQOno/i";
    public static final String ECDSA_256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCCK84ClA880bV"
            + "UHcyOFn95QL8tB5t9pAr8E5N9d4Kj2N07zfpLpH8C3/lg42utZ/L4hSDp1EgObT4xkwA33/3c=";
    public static final String ECDSA_384 = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBIcVvGF3j8mAmE"
            + "1+aG+7P8+GXQYckhkP8rL8vv79f34oEQ0l+AMRTmr5U0HswkA+ektXkJlyun96cvZmsjlr2a7n8/8pztKdcTSAREuu5DZ4lzQX493Ki4wO6mw8WQ1yyw==";
    public static final String ECDSA_521 = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAEHq1FnuZRaDu"
            + "+bolSnYutlpKOqxNUl1R7qqbKQ7NCF2aLOFZghXodNXXkLOVHkGOB2G4ctdbjy/gMeHuZoxdFj5QCZvv/yLnhkqA6NmSsUFnKJgoWbY0VqwoIBCOT7"
            + "mqPjy+YnYLb4wNwdUiFcvGvHDfKwDH1pfeiT1YaS1dP3rQ0drQ==";
    public static final String RSA_2048 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDlEhuMTyixHACiDEvUKE6Dfiy/FEkDottwXHLPV8H0WVDFa"
            + "ivBPUWQ+Tr6MYJXZx/Eft0zA9SRWCWckpvXAtYy8+rU5vmJDILrRuMj4FMRDpeJ/lrPUVnzqBiYWxjya0u/LOsqKqarAd3GXEpu7BrRGhwiJqwYY"
            + "OqvQfeRYFmoZGZR2jRd1uQmFqnUi5o2RLNcaflLYsct61VERes5ddEFEWSVYNDBU0B+y4WJkF1Xe/jZUbGjMhymdjDEjS4HNPMdy+xL2lVV5bBYxe"
            + "jvfQE+ImvOpYwdrTQ82yCPiANMWsQShTCG7FvHTGBVfqDtNkTJzCT7uwP7PwVUGRYVgRZD";

    private KnownKeys() {
    }
}
