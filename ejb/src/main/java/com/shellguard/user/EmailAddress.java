package com.shellguard.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One e-mail address of a person, as an identity provider sends it: the address, its kind (work, home) and whether it is the primary one. */
@Embeddable
public class EmailAddress {

    @Column(name = "address", nullable = false, length = 256)
    private String address;

    @Column(name = "kind", length = 32)
    private String kind;

    @Column(name = "is_primary")
    private boolean primary;

    protected EmailAddress() {
    }

    public EmailAddress(String address, String kind, boolean primary) {
        this.address = Objects.requireNonNull(address);
        this.kind = kind;
        this.primary = primary;
    }

    public String address() {
        return address;
    }

    public String kind() {
        return kind;
    }

    public boolean primary() {
        return primary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress e && e.address.equals(address) && Objects.equals(e.kind, kind) && e.primary == primary;
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, kind, primary);
    }
}
