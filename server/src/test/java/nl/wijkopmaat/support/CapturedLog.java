package nl.wijkopmaat.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What one logger and those below it write while a test looks; close it to stop looking. */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    public static CapturedLog of(String loggerName) {
        return new CapturedLog(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(loggerName));
    }

    public static CapturedLog of(Class<?> type) {
        return of(type.getName());
    }

    public static CapturedLog everything() {
        return of(Logger.ROOT_LOGGER_NAME);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
