package com.shellguard.command.analysis;

/**
 * A control operator ({@code ; & && || | |& ( ) ;; newline}) or a redirection operator, with its file
 * descriptor prefix when it has one ({@code 2>}, {@code {fd}>&}).
 *
 * @param text the operator as written; a newline is {@code "\n"}
 */
record ShellOperator(String text) implements ShellToken {

    /** Redirections take the next word as their target; that word is not an argument of the command. */
    boolean isRedirection() {
        return text.indexOf('<') >= 0 || text.indexOf('>') >= 0;
    }

    boolean is(String operator) {
        return text.equals(operator);
    }
}
