package io.meshfed.cli;

/** A mistake in how the command was called: reported in one line, without a stack trace. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
