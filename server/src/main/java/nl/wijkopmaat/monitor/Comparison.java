package nl.wijkopmaat.monitor;

/** Whether a target is met at or above its value, or at or below it. */
public enum Comparison {
    AT_LEAST, AT_MOST;

    boolean met(double actual, double target) {
        return this == AT_LEAST ? actual >= target : actual <= target;
    }
}
