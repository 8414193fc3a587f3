package nl.wijkopmaat.monitor;

/**
 * Implemented by every feature whose records the participation monitor counts, so the monitor never
 * reads another feature's tables: each feature computes its own figures of a period, set-based, and
 * hands them over. Runs in the refresh's transaction, so all features are read at one moment.
 */
public interface MonitorContributor {

    void contribute(MonitorPeriod period, MonitorFigures figures);
}
