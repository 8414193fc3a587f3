package nl.wijkopmaat.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MailJobRepository extends CrudRepository<MailJob, UUID> {

    /**
     * The oldest mails no other server instance is sending, in the order they were written (their
     * seq: several written in one second keep their order), locked until the caller's transaction ends.
     */
    @Query("SELECT * FROM mail_job ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<MailJob> claim(int limit);

    @Query("DELETE FROM mail_job WHERE id IN (:ids)")
    void deleteByIds(Collection<UUID> ids);

    List<MailJob> findByAccountIdOrderByCreatedAt(UUID accountId);

    @Query("DELETE FROM mail_job WHERE account_id = :accountId")
    void deleteByRecipient(UUID accountId);
}
