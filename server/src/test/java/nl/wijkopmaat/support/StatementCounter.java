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
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import javax.sql.DataSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the SQL statements the application sends, so tests can assert that a request costs a
 * bounded number of queries however many rows it returns, and keeps the last ones with their
 * parameters, so tests can look at the plan of the very statement a request ran.
 */
@Singleton
@Requires(env = Environment.TEST)
public class StatementCounter implements BeanCreatedEventListener<DataSource>, QueryExecutionListener, Ordered {

    private static final int KEPT = 50;

    private final AtomicInteger statements = new AtomicInteger();
    private final Deque<Executed> recent = new ArrayDeque<>();

    /** A statement as the application sent it, with the values of its parameters in order. */
    public record Executed(String sql, List<Object> params) {
    }

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
        synchronized (recent) {
            for (QueryInfo query : queryInfoList) {
                recent.addLast(new Executed(query.getQuery(), firstParameters(query)));
                if (recent.size() > KEPT) {
                    recent.removeFirst();
                }
            }
        }
    }

    private static List<Object> firstParameters(QueryInfo query) {
        if (query.getParametersList().isEmpty()) {
            return List.of();
        }
        List<ParameterSetOperation> operations = new ArrayList<>(query.getParametersList().get(0));
        operations.sort(Comparator.comparingInt(operation -> (Integer) operation.getArgs()[0]));
        List<Object> values = new ArrayList<>(operations.size());
        for (ParameterSetOperation operation : operations) {
            values.add(ParameterSetOperation.isSetNullParameterOperation(operation) ? null : operation.getArgs()[1]);
        }
        return values;
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        // counted before
    }

    public void reset() {
        statements.set(0);
        synchronized (recent) {
            recent.clear();
        }
    }

    /** The statements sent since the last reset (at most the last 50), oldest first. */
    public List<Executed> executed() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public int count() {
        return statements.get();
    }
}
