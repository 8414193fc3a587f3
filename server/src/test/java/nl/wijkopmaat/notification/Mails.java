package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;

/** Lets tests of other features send the mail outbox the way the scheduled job does. */
@Singleton
public class Mails {

    private final MailDispatcher dispatcher;

    Mails(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Sends every mail in the outbox; returns how many. */
    public int send() {
        return dispatcher.drain();
    }
}
