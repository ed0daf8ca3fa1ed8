package com.shellguard.command.rule;

import com.shellguard.common.ValidationException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a rule's pattern may be, by match kind, and the compiled form the policy matches with. The limits
 * come from the hook protocol as much as from sense: program names travel space separated and path globs
 * RS separated in the hook's policy line, so a name with a blank or a glob with a control character would
 * reach the hook as something else.
 */
public final class RulePatterns {

    static final int MAX_LENGTH = 1024;

    private RulePatterns() {
    }

    /**
     * The pattern compiled: a glob for COMMAND and PATH (matched whole), a regular expression for LINE
     * (searched).
     *
     * @throws ValidationException saying what is wrong with it, for the API's 400
     */
    public static Pattern compile(RuleMatch match, String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new ValidationException("pattern is required");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new ValidationException("pattern must be at most " + MAX_LENGTH + " characters");
        }
        return switch (match) {
            case COMMAND -> {
                if (pattern.indexOf('/') >= 0 || pattern.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                    throw new ValidationException("pattern \"" + pattern + "\" of a command rule must be a program name or a glob"
                            + " (* ? [...]) without '/' or blanks; use a path rule for paths");
                }
                yield glob(pattern);
            }
            case PATH -> {
                if (!pattern.startsWith("/") || pattern.chars().anyMatch(Character::isISOControl)) {
                    throw new ValidationException("pattern \"" + pattern + "\" of a path rule must be a glob of absolute paths,"
                            + " starting with '/' (* matches any characters, '/' included)");
                }
                yield glob(pattern);
            }
            case LINE -> {
                try {
                    yield Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new ValidationException("pattern is not a valid regular expression: " + e.getDescription()
                            + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
                }
            }
        };
    }

    private static Pattern glob(String pattern) {
        try {
            return Glob.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("pattern \"" + pattern + "\" is not a valid glob: " + e.getMessage());
        }
    }
}
