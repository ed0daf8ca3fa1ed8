package com.shellguard.console;

import com.shellguard.common.ConflictException;
import com.shellguard.common.NotFoundException;
import com.shellguard.common.ValidationException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Messages for the page, and what a page does with a service's refusal: the service's own words, shown to the
 * person who asked (invalid input, a duplicate, something gone meanwhile). Anything else is a fault, not feedback.
 */
public final class Feedback {

    private Feedback() {
    }

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    /** Runs a change; true when it went through, false (with the refusal shown) when the service refused it. */
    public static boolean attempt(Runnable change, String done) {
        try {
            change.run();
        } catch (ValidationException | ConflictException | NotFoundException e) {
            error(e.getMessage());
            return false;
        }
        if (done != null) {
            info(done);
        }
        return true;
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }
}
