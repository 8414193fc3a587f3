package nl.wijkopmaat.geography;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface WijkplatformRepository extends CrudRepository<Wijkplatform, UUID> {

    Optional<Wijkplatform> findByWijkId(UUID wijkId);

    @Query("SELECT * FROM wijkplatform WHERE id = :id FOR UPDATE")
    Optional<Wijkplatform> findByIdForUpdate(UUID id);

    List<Wijkplatform> findByWijkIdIn(Collection<UUID> wijkIds);
}
