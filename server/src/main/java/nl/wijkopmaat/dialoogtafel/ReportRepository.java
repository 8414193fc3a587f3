package nl.wijkopmaat.dialoogtafel;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReportRepository extends CrudRepository<Report, UUID> {

    List<Report> findByPublishedByOrderByPublishedAt(UUID publishedBy);

    @Query("UPDATE dialoogtafel_report SET published_by = NULL WHERE published_by = :accountId")
    void detachPublisher(UUID accountId);
}
