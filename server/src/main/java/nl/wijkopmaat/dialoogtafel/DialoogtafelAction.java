package nl.wijkopmaat.dialoogtafel;

import nl.wijkopmaat.common.error.ApiException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static nl.wijkopmaat.dialoogtafel.DialoogtafelPhase.ENDED;
import static nl.wijkopmaat.dialoogtafel.DialoogtafelPhase.RUNNING;
import static nl.wijkopmaat.dialoogtafel.DialoogtafelPhase.UPCOMING;

/**
 * The dialoogtafel's life as one state machine: for every action, the phases it may happen in and
 * whether only an organiser may take it. Registering and cancelling a registration happen before the
 * start; the organisers change or cancel the table before it starts, record attendance once it has
 * started and publish the report once it has ended; residents turn an action point of that report
 * into an initiative.
 */
enum DialoogtafelAction {
    REGISTER(EnumSet.of(UPCOMING), false, "register"),
    UNREGISTER(EnumSet.of(UPCOMING), false, "unregister"),
    CHANGE(EnumSet.of(UPCOMING), true, "change"),
    CANCEL(EnumSet.of(UPCOMING), true, "cancel"),
    RECORD_ATTENDANCE(EnumSet.of(RUNNING, ENDED), true, "attendance"),
    PUBLISH_REPORT(EnumSet.of(ENDED), true, "report"),
    TAKE_UP_ACTION_POINT(EnumSet.of(ENDED), false, "actionPoint");

    private final Set<DialoogtafelPhase> phases;
    private final boolean organisersOnly;
    private final String code;

    DialoogtafelAction(Set<DialoogtafelPhase> phases, boolean organisersOnly, String code) {
        this.phases = phases;
        this.organisersOnly = organisersOnly;
        this.code = code;
    }

    /** A 403 when only organisers may take this action and the actor is none. */
    void requireParty(boolean organiser) {
        if (organisersOnly && !organiser) {
            throw ApiException.forbidden("problem.forbidden.dialoogtafel.organiser");
        }
    }

    /** A 409 naming the table's phase when this action cannot happen in it. */
    void requirePhase(DialoogtafelPhase phase) {
        if (!phases.contains(phase)) {
            throw ApiException.conflict("problem.conflict.dialoogtafel." + code, Map.of("phase", phase.name()));
        }
    }
}
