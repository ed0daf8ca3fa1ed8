package com.shellguard.connector.adapter.upstream;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * The host-key types one connection may negotiate, as OpenSSH names keys ({@code ssh-rsa}, {@code ssh-ed25519}):
 * the types of the server's pinned keys, so a server holding keys of several types proves one that is pinned
 * (as OpenSSH orders its algorithms by {@code known_hosts}), or every plain type when none is pinned. Certificates
 * are never negotiated: a certificate is not a key that can be pinned.
 */
record HostKeyTypes(Set<String> types) {

    /** Any type of plain key MINA can verify. */
    static final HostKeyTypes ANY = new HostKeyTypes(Set.of());

    HostKeyTypes {
        types = Set.copyOf(types);
    }

    /** The types of keys given in OpenSSH form ({@code type base64 [comment]}). */
    static HostKeyTypes of(Collection<String> openSshKeys) {
        return new HostKeyTypes(openSshKeys.stream().map(k -> KeyUtils.getCanonicalKeyType(k.trim().split("\\s+")[0]))
                .collect(Collectors.toSet()));
    }

    static HostKeyTypes only(String type) {
        return new HostKeyTypes(Set.of(KeyUtils.getCanonicalKeyType(type)));
    }

    /** The key type an algorithm signs with: {@code rsa-sha2-512} is an {@code ssh-rsa} key. */
    static String typeOf(String algorithm) {
        return KeyUtils.getCanonicalKeyType(algorithm);
    }

    /** Of a comma-separated algorithm list (a key exchange proposal), those this connection may use, in its order. */
    String restrict(String algorithms) {
        return names(algorithms).stream().filter(this::allows).collect(Collectors.joining(","));
    }

    /** The key types an offer of algorithms holds that this connection may use, in the offer's order. */
    List<String> offeredIn(String algorithms) {
        return names(algorithms).stream().filter(this::allows).map(HostKeyTypes::typeOf).distinct().toList();
    }

    boolean allows(String algorithm) {
        return !algorithm.contains("-cert-") && (types.isEmpty() || types.contains(typeOf(algorithm)));
    }

    @Override
    public String toString() {
        return types.isEmpty() ? "any" : String.join(", ", types.stream().sorted().toList());
    }

    private static List<String> names(String algorithms) {
        return algorithms == null || algorithms.isBlank() ? List.of() : Arrays.stream(algorithms.split(",")).map(String::trim).toList();
    }
}
