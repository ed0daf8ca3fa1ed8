package com.shellguard.export;

/** How far an attempt to send a batch got: the first {@code delivered} events were taken; {@code error} says why not the rest. */
record Delivery(int delivered, String error) {

    static Delivery all(int n) {
        return new Delivery(n, null);
    }

    static Delivery failed(int delivered, Exception e) {
        String message = e.getMessage();
        return new Delivery(delivered, e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
