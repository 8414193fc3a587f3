package nl.wijkopmaat.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the SQL statements the application sends, so tests can assert that a request costs a
 * bounded number of queries however many rows it returns.
 */
@Singleton
@Requires(env = Environment.TEST)
public class StatementCounter implements BeanCreatedEventListener<DataSource>, QueryExecutionListener, Ordered {

    private final AtomicInteger statements = new AtomicInteger();

    /** Wraps the pool itself, before the framework wraps it for transaction-bound connections. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return ProxyDataSourceBuilder.create(event.getBean()).listener(this).build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        statements.addAndGet(queryInfoList.size());
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        // counted before
    }

    public void reset() {
        statements.set(0);
    }

    public int count() {
        return statements.get();
    }
}
