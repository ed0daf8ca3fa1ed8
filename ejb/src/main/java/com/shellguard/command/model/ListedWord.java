package com.shellguard.command.model;

/**
 * A further command word of a list a shell reports whole (zsh: {@code ls; rm x} comes as one command), with the
 * file it runs when the shell found one.
 *
 * @param word the command word
 * @param path its file, an absolute path; null for a builtin, function or a word not found
 */
public record ListedWord(String word, String path) {
}
