package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;

/** Lets tests of other features empty the push outbox the way the scheduled dispatcher does. */
@Singleton
public class Outbox {

    private final PushDispatcher dispatcher;

    Outbox(PushDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void drain() {
        dispatcher.drain();
    }
}
